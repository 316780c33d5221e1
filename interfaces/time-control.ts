import { defineInterface } from "../src/iface/index.js";

export default defineInterface({
  name: "time-control",
  summary: "allows setting the system clock and the hardware real-time clock",
  implicitOn: { core: true, classic: true },
  baseDeclaration: {
    slots: { "allow-installation": { "slot-snap-type": ["core"] }, "deny-auto-connection": true },
  },
  connectedPlug: {
    apparmor: `
# Setting the clock directly (date, hwclock) or through timedated (timedatectl).
capability sys_time,
/dev/rtc[0-9]* rw,
/sys/class/rtc/ r,
/sys/devices/**/rtc/rtc[0-9]*/** r,
/{,usr/}sbin/hwclock ixr,
/{,usr/}bin/date ixr,
/{,usr/}bin/timedatectl ixr,
/run/dbus/system_bus_socket rw,
dbus (send) bus=system path=/org/freedesktop/DBus interface=org.freedesktop.DBus member={Hello,AddMatch,RemoveMatch,GetNameOwner,NameHasOwner} peer=(name=org.freedesktop.DBus),
dbus (send) bus=system path=/org/freedesktop/timedate1 interface=org.freedesktop.timedate1 member={SetTime,SetNTP,SetLocalRTC} peer=(label=unconfined),
dbus (send) bus=system path=/org/freedesktop/timedate1 interface=org.freedesktop.DBus.Properties member={Get,GetAll} peer=(label=unconfined),
`,
    seccomp: `
settimeofday
clock_settime
clock_settime64
adjtimex
clock_adjtime
clock_adjtime64
stime
# hwclock and timedatectl bind their end of a socket (audit, the bus).
bind
`,
    udev: ['SUBSYSTEM=="rtc", KERNEL=="rtc[0-9]*"'],
  },
});
