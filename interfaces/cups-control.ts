import { defineInterface } from "../src/iface/index.js";

export default defineInterface({
  name: "cups-control",
  summary: "allows administering the CUPS print server (queues, printers, jobs)",
  implicitOn: { core: false, classic: true },
  baseDeclaration: {
    slots: {
      "allow-installation": { "slot-snap-type": ["app", "core"] },
      "deny-auto-connection": true,
      "deny-connection": { "on-classic": false },
    },
  },
  connectedPlug: {
    // Administration goes through cupsd's socket; cupsd itself checks the
    // peer's credentials for administrative requests.
    apparmor: `
/run/cups/ r,
/run/cups/cups.sock rw,
/etc/cups/client.conf r,
owner @{HOME}/.cups/ r,
owner @{HOME}/.cups/{client.conf,lpoptions} r,
# Local administration over IPP on the loopback port.
network inet stream,
network inet6 stream,
`,
    seccomp: `
socket AF_INET
socket AF_INET6
`,
  },
  connectedSlot: {
    apparmor: (ctx) => `
# Accept administrative requests from the connected snap.
unix (receive, send, accept) type=stream peer=(label=${ctx.plugLabel}),
`,
  },
  permanentSlot: {
    apparmor: `
# Operating as cupsd: its socket, IPP on port 631, spool and configuration.
/run/cups/ rw,
/run/cups/** rwk,
network inet stream,
network inet6 stream,
network inet dgram,
network inet6 dgram,
capability net_bind_service,
capability setuid,
capability setgid,
capability chown,
capability fowner,
capability dac_override,
capability kill,
`,
    seccomp: `
socket AF_INET
socket AF_INET6
setuid
setgid
setgroups
`,
  },
});
