import { defineInterface } from "../src/iface/index.js";

export default defineInterface({
  name: "ppp",
  summary: "allows running pppd to bring up point-to-point links over serial modems",
  implicitOn: { core: true, classic: true },
  baseDeclaration: {
    slots: { "allow-installation": { "slot-snap-type": ["core"] }, "deny-auto-connection": true },
  },
  connectedPlug: {
    apparmor: `
# The PPP channel device and the serial lines of USB modems.
/dev/ppp rw,
/dev/ttyUSB[0-9]* rw,
/dev/ttyACM[0-9]* rw,
# pppd's configuration, its peer scripts, and its lock and pid files.
/{,usr/}sbin/pppd ixr,
/etc/ppp/ r,
/etc/ppp/** rix,
/run/ppp{,d}* rw,
/run/lock/LCK..* rwk,
@{PROC}/@{pid}/loginuid r,
# Configuring the ppp network interface it creates.
capability net_admin,
capability setuid,
capability setgid,
network inet dgram,
network inet6 dgram,
network pppox,
`,
    seccomp: `
socket AF_INET
socket AF_INET6
socket AF_PPPOX
setuid
setuid32
setgid
setgid32
`,
    udev: ['KERNEL=="ppp"', 'SUBSYSTEM=="tty", KERNEL=="ttyUSB[0-9]*"', 'SUBSYSTEM=="tty", KERNEL=="ttyACM[0-9]*"'],
  },
});
