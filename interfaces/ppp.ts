import { defineInterface } from "../src/iface/index.js";

export default defineInterface({
  name: "ppp",
  summary: "allows running pppd to bring up point-to-point links over serial modems",
  implicitOn: { core: true, classic: true },
  baseDeclaration: {
    slots: { "allow-installation": { "slot-snap-type": ["core"] }, "deny-auto-connection": true },
  },
  connectedPlug: {
    // Configuring the network link pppd creates is network-control's.
    apparmor: `
# pppd, its configuration and peer scripts (run-parts runs its ip-up.d
# hooks), the PPP channel device and the modems' serial lines (every tty
# whose name does not start with a digit), their lock files, and pppd's
# pid files and logs.
/usr/sbin/pppd ix,
/etc/ppp/** rwix,
/dev/ppp rw,
/dev/tty[^0-9]* rw,
/run/lock/*tty[^0-9]* rw,
/run/ppp* rwk,
/var/run/ppp* rwk,
/var/log/ppp* rw,
/{,usr/}bin/run-parts ix,
@{PROC}/@{pid}/loginuid r,
capability setgid,
capability setuid,
# Whether a tty is a serial port.
@{PROC}/tty/drivers r,
`,
    // Kept beyond snapd's module: snapd's default filter lets every snap on a
    // current base set its IDs to root, Plugboard's lets none; pppd resets
    // them before running its scripts.
    seccomp: `
setuid u:root
setuid32 u:root
setgid g:root
setgid32 g:root
`,
    // /dev/ppp comes from ppp_generic (often built in); the kernel loads the
    // other PPP modules itself when they are asked for through that device.
    kmod: { load: ["ppp_generic"] },
    udev: ['KERNEL=="ppp"', 'KERNEL=="tty[a-zA-Z]*[0-9]*"'],
  },
});
