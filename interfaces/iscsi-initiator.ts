import { defineInterface } from "../src/iface/index.js";

export default defineInterface({
  name: "iscsi-initiator",
  summary: "allows logging in to iSCSI targets and managing the sessions, as iscsiadm does",
  implicitOn: { core: false, classic: true },
  baseDeclaration: {
    plugs: { "allow-installation": false, "deny-auto-connection": true },
    slots: { "allow-installation": { "slot-snap-type": ["core"] }, "deny-auto-connection": true },
  },
  connectedPlug: {
    // snapd also bind-mounts the host's /var/lib/iscsi/nodes (writable) over
    // the base snap's, so that the node database is the host's. A Plugboard
    // app runs on the host's own tree, so the rules below already name the
    // host's files; no mount is declared (mount sources must lie inside a
    // snap), and the sandbox's view of /var/lib stays read-only.
    apparmor: `
# The initiator's name and iscsid's settings.
/etc/iscsi/initiatorname.iscsi r,
/etc/iscsi/iscsid.conf r,
# Open-iSCSI's records: interfaces, discovered targets, firmware and static
# targets, iSNS, and the node database (under /etc or /var/lib by distribution).
/etc/iscsi/ifaces/ rwk,
/etc/iscsi/ifaces/** rw,
/etc/iscsi/send_targets/ rwk,
/etc/iscsi/send_targets/** rw,
/etc/iscsi/fw/ rwk,
/etc/iscsi/fw/** rw,
/etc/iscsi/static/ rwk,
/etc/iscsi/static/** rw,
/etc/iscsi/isns/ rwk,
/etc/iscsi/isns/** rw,
/{etc,var/lib}/iscsi/nodes/ rwk,
/{etc,var/lib}/iscsi/nodes/** rw,

# iscsiadm's lock files.
/run/lock/iscsi/ rw,
/run/lock/iscsi/** rwlk,

# Transports (TCP, iSER), sessions, connections, hosts and targets as the
# iSCSI and SCSI layers show them in sysfs; writable where sessions and
# hosts are tuned or rescanned.
/sys/devices/virtual/iscsi_transport/tcp/** r,
/sys/devices/virtual/iscsi_transport/iser/** r,
/sys/class/iscsi_session/** rw,
/sys/class/iscsi_host/** r,
/sys/devices/platform/host*/scsi_host/host*/** rw,
/sys/devices/platform/host*/session*/connection*/iscsi_connection/connection*/** rw,
/sys/devices/platform/host*/session*/iscsi_session/session*/** rw,
/sys/devices/platform/host*/session*/target*/** rw,
/sys/devices/platform/host*/iscsi_host/host*/** rw,

# iscsid's control socket, which iscsiadm talks to.
unix (send, receive, connect) type=stream peer=(addr="@ISCSIADM_ABSTRACT_NAMESPACE"),
`,
    // The software iSCSI initiator over TCP, and the LIO target core that
    // block-storage services (such as OpenStack Cinder) build targets on.
    kmod: { load: ["iscsi_tcp", "target_core_mod"] },
  },
});
