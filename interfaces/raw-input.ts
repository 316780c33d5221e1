import { defineInterface } from "../src/iface/index.js";

export default defineInterface({
  name: "raw-input",
  summary: "allows reading and injecting events on every input device (keyboards, mice, touchscreens)",
  implicitOn: { core: true, classic: true },
  baseDeclaration: {
    slots: { "allow-installation": { "slot-snap-type": ["core"] }, "deny-auto-connection": true },
  },
  connectedPlug: {
    apparmor: `
# Every input node: evdev, the legacy mouse nodes and touchscreens.
/dev/input/* rw,
# Which events each input device can report, to tell devices apart.
/sys/devices/**/input[0-9]*/capabilities/* r,
# Finding devices and hearing of new ones the way libudev does: its database
# entries for input nodes (char major 13) and devices, and kernel uevents.
network netlink raw,
/run/udev/data/c13:[0-9]* r,
/run/udev/data/+input:input[0-9]* r,
`,
    // The uevent socket is a netlink socket the client binds to a multicast group.
    seccomp: `
bind
socket AF_NETLINK - NETLINK_KOBJECT_UEVENT
`,
    // snapd also re-triggers the input subsystem on connection so that devices
    // present already get the new tags; Plugboard's udev output has no
    // trigger request, so devices pick them up at their next event.
    udev: ['KERNEL=="event[0-9]*", SUBSYSTEM=="input"', 'KERNEL=="mice"', 'KERNEL=="mouse[0-9]*"', 'KERNEL=="ts[0-9]*"'],
  },
});
