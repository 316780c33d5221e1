import { defineInterface, onClassic } from "../src/iface/index.js";
import { SYSTEM_BUS_STRICT } from "./dbus.js";
import { NAMESERVICE } from "./network.js";

const MM_PATH = "path=/org/freedesktop/ModemManager1{,/**}";

/** The service's objects and their standard interfaces, and its object manager, with one peer. */
const serviceTraffic = (label: string) => `dbus (receive, send) bus=system ${MM_PATH} interface=org.freedesktop.ModemManager1* peer=(label=${label}),
dbus (receive, send) bus=system ${MM_PATH} interface=org.freedesktop.DBus.* peer=(label=${label}),
dbus (receive, send) bus=system path=/org/freedesktop interface=org.freedesktop.DBus.ObjectManager peer=(label=${label}),`;

// Every port name ModemManager may probe: serial and RFCOMM ttys, cdc-wdm
// control devices, and the WWAN subsystem's ports.
const PORT_KERNEL_NAMES = ["rfcomm*", "tty[a-zA-Z]*[0-9]*", "cdc-wdm[0-9]*", "*MBIM", "*QMI", "*AT", "*QCDM", "*mbim[0-9]*", "*qmi[0-9]*", "*at[0-9]*", "*qcdm[0-9]*"];

export default defineInterface({
  name: "modem-manager",
  summary: "allows operating as ModemManager, or using it",
  // On classic the distribution's ModemManager provides the slot; on core a modem-manager snap does.
  implicitOn: { core: false, classic: true },
  baseDeclaration: {
    slots: {
      "allow-installation": { "slot-snap-type": ["app", "core"] },
      "deny-auto-connection": true,
      "deny-connection": { "on-classic": false },
    },
  },
  connectedPlug: {
    // A client: the whole ModemManager API, and the QMI and MBIM proxies.
    // On a classic system the distribution's unconfined ModemManager may be
    // the one answering, even through a snap's slot: the client may talk to
    // it, and introspect and read properties of a daemon that D-Bus is still
    // starting (whose label is not known yet). Core has no such daemon.
    apparmor: (ctx) => `
${SYSTEM_BUS_STRICT}
${serviceTraffic(ctx.slotLabel)}
# Telling serial ports from other ttys.
@{PROC}/tty/drivers r,
unix (connect, receive, send) type=stream peer=(addr="@{mbim,qmi}-proxy"),
${
  onClassic(ctx)
    ? `# The host's ModemManager.
${
  ctx.slotIsSystem
    ? ""
    : `dbus (receive, send) bus=system ${MM_PATH} interface=org.freedesktop.ModemManager1* peer=(label=unconfined),
dbus (receive, send) bus=system ${MM_PATH} interface=org.freedesktop.DBus.* peer=(label=unconfined),
`
}dbus (send) bus=system ${MM_PATH} interface=org.freedesktop.DBus.Introspectable member=Introspect,
dbus (send) bus=system ${MM_PATH} interface=org.freedesktop.DBus.Properties member="Get{,All}",`
    : ""
}`,
  },
  connectedSlot: {
    apparmor: (ctx) => `
# Serving the connected client, including over the QMI and MBIM proxies.
${serviceTraffic(ctx.plugLabel)}
unix (accept, receive, send) type=stream peer=(label=${ctx.plugLabel}),
`,
  },
  permanentSlot: {
    apparmor: `
# Finding modems: udev's records, USB devices and their descriptors, PCIe
# modems' ids, and hot-plug and routing events over netlink.
network netlink raw,
network netlink dgram,
/run/udev/data/* r,
/sys/bus/usb/devices/ r,
/sys/bus/usb/devices/** r,
/sys/devices/**/usb**/{descriptors,manufacturer,product,bInterfaceClass,bInterfaceSubClass,bInterfaceProtocol,bInterfaceNumber,idProduct,idVendor,bcdDevice,interface} r,
/sys/devices/pci**/{vendor,device,revision} r,
# The modems' ports (any tty that is not a virtual console, cdc-wdm, WWAN),
# and QMI settings of their network devices.
/dev/tty[^0-9]* rw,
/dev/cdc-* rw,
/dev/wwan[0-9]* rw,
/sys/devices/**/net/*/qmi/* rw,
# TIOCSSERIAL (closing_wait) on serial ports, and network configuration.
capability sys_admin,
capability net_admin,
# Serving as the QMI and MBIM proxies.
unix (bind, listen) type=stream addr="@{mbim,qmi}-proxy",
# Name resolution (the nameservice abstraction's rules).
${NAMESERVICE}
/run/systemd/resolve/stub-resolv.conf r,
dbus (send) bus=system path="/org/freedesktop/resolve1" interface="org.freedesktop.resolve1.Manager" member="Resolve{Address,Hostname,Record,Service}" peer=(name="org.freedesktop.resolve1"),
# Its name on the system bus, and the host's unconfined clients.
${SYSTEM_BUS_STRICT}
dbus (send) bus=system path=/org/freedesktop/DBus interface=org.freedesktop.DBus member={Request,Release}Name peer=(name=org.freedesktop.DBus, label=unconfined),
dbus (bind) bus=system name="org.freedesktop.ModemManager1",
${serviceTraffic("unconfined")}
# Suspend and session events from logind, and an inhibitor lock while it
# shuts modems down (logind may still be starting: no peer label).
dbus (receive) bus=system path=/org/freedesktop/login1 interface=org.freedesktop.login1.Manager member={PrepareForSleep,SessionNew,SessionRemoved} peer=(label=unconfined),
dbus (send) bus=system path=/org/freedesktop/login1 interface=org.freedesktop.login1.Manager member=Inhibit,
`,
    // The proxies listen; udev events and routes come over netlink. The
    // nameservice rules let it make IP sockets, which snapd's default
    // allows every snap.
    seccomp: `
accept
accept4
bind
listen
socket AF_NETLINK - NETLINK_KOBJECT_UEVENT
socket AF_NETLINK - NETLINK_ROUTE
socket AF_INET
socket AF_INET6
`,
    // snapd also installs ModemManager's own udev rules (port types and
    // vendor quirks) for the slot; Plugboard's udev snippets only tag
    // devices, so those rules are left to the ModemManager package.
    udev: PORT_KERNEL_NAMES.map((k) => `KERNEL=="${k}"`),
  },
});
