import { defineInterface } from "../src/iface/index.js";
import { SYSTEM_BUS_STRICT } from "./dbus.js";

export default defineInterface({
  name: "time-control",
  summary: "allows setting the system clock and the hardware real-time clock",
  implicitOn: { core: true, classic: true },
  baseDeclaration: {
    slots: { "allow-installation": { "slot-snap-type": ["core"] }, "deny-auto-connection": true },
  },
  connectedPlug: {
    apparmor: `
# Setting the clock through timedated (timedatectl set-time, set-local-rtc).
${SYSTEM_BUS_STRICT}
# timedated is started on demand, so these two cannot name its label yet.
dbus (send) bus=system path=/org/freedesktop/timedate1 interface=org.freedesktop.DBus.Introspectable member=Introspect,
dbus (send) bus=system path=/org/freedesktop/timedate1 interface=org.freedesktop.DBus.Properties member=Get{,All},
dbus (send) bus=system path=/org/freedesktop/timedate1 interface=org.freedesktop.timedate1 member="Set{Time,LocalRTC}" peer=(label=unconfined),
dbus (receive) bus=system path=/org/freedesktop/timedate1 interface=org.freedesktop.DBus.Properties member=PropertiesChanged peer=(label=unconfined),
/usr/bin/timedatectl{,.real} ixr,
# systemd's tools look at PID 1's environment to detect containers and cope
# when they cannot; refused quietly.
deny @{PROC}/1/environ r,

# Setting the clock directly, the real-time clocks and their sysfs nodes
# (rtcwake programs wake-ups there), and pulse-per-second sources.
capability sys_time,
/dev/rtc[0-9]* rw,
/sys/class/rtc/*/ rw,
/sys/class/rtc/*/** rw,
/sys/devices/**/rtc/*/** rw,
/dev/pps[0-9]* rw,
/sys/devices/virtual/pps/*/** rw,
# hwclock; its audit messages are refused (no audit_write or net_admin:
# netlink-audit is the interface for that).
/{,usr/}sbin/hwclock ixr,
`,
    seccomp: `
settimeofday
clock_settime
clock_settime64
adjtimex
clock_adjtime
clock_adjtime64
# hwclock built with libaudit opens and binds an audit socket; allowed here
# so the call fails softly (AppArmor still refuses it) instead of killing it.
bind
socket AF_NETLINK - NETLINK_AUDIT
`,
    udev: ['SUBSYSTEM=="rtc"', 'KERNEL=="pps[0-9]*"'],
  },
});
