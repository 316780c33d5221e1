import { AttributeProblem, defineInterface, type ConnectedContext } from "../src/iface/index.js";
import type { AttrMap, PlugInfo, SlotInfo } from "../src/snap/index.js";

// Two ways to use it, as in snapd:
// - plugged into the system's slot (no qcipc on the plug): the app speaks
//   AF_QIPCRTR to the modem and DSP services itself;
// - plugged into an app's slot: the slot names a tag (qcipc) and the abstract
//   seqpacket socket its daemon serves; the plug carries the same tag and
//   may only reach that socket of that snap.
//
// snapd refuses the connection when the parser cannot compile `network
// qipcrtr` (its "qipcrtr-socket" feature probe). apparmor_parser 3.0.8 has
// that feature, so the rules are the ones snapd emits with it.

/** A tag as snapd checks it: lowercase letters, digits and single inner hyphens, at least one letter. */
function tagProblem(tag: string): string | null {
  if (tag === "") return "must not be empty";
  if (!/^[a-z0-9-]*[a-z][a-z0-9-]*$/.test(tag) || tag.startsWith("-") || tag.endsWith("-") || tag.includes("--")) {
    return "is not a valid tag (lowercase letters, digits and single hyphens inside, with at least one letter)";
  }
  return null;
}

// The server's socket: abstract (AppArmor 3.0 mediates unix addresses only
// as "@name"), in printable characters that are no AppArmor syntax.
const ADDRESS = /^@[A-Za-z0-9._:/+-]{1,107}$/;

function tagOf(attrs: AttrMap, side: "plug" | "slot"): string | undefined {
  const v = attrs["qcipc"];
  if (v === undefined) return undefined;
  if (typeof v !== "string") throw new AttributeProblem(`qcipc must be a string, not ${JSON.stringify(v)}`);
  const problem = tagProblem(v);
  if (problem) throw new AttributeProblem(`qcipc ${JSON.stringify(v)} on the ${side} ${problem}`);
  return v;
}

/** The slot's tag and socket address, both required on a slot an app provides. */
function appSlot(slot: SlotInfo): { qcipc: string; address: string } {
  const qcipc = tagOf(slot.attrs, "slot");
  if (qcipc === undefined) throw new AttributeProblem("a qualcomm-ipc-router slot of an app must set qcipc, the tag its plugs carry");
  const address = slot.attrs["address"];
  if (typeof address !== "string") throw new AttributeProblem(`a qualcomm-ipc-router slot of an app must set address, its socket, as a string (not ${JSON.stringify(address)})`);
  if (!ADDRESS.test(address)) {
    throw new AttributeProblem(`address ${JSON.stringify(address)} is not an abstract socket name: "@" and then up to 107 letters, digits or . _ : / + -`);
  }
  return { qcipc, address };
}

/**
 * What the plug side of a connection to an app's slot may use, or undefined
 * when snapd would refuse the connection (a plug without qcipc, or a slot
 * without a valid address): then nothing is granted here.
 */
function appConnection(ctx: ConnectedContext): { address: string } | undefined {
  if (ctx.slotIsSystem) return undefined;
  try {
    if (tagOf(ctx.plug.attrs, "plug") === undefined) return undefined;
    return { address: appSlot(ctx.slot).address };
  } catch (e) {
    if (e instanceof AttributeProblem) return undefined;
    throw e;
  }
}

/** A plug carrying qcipc connected to the system's slot: snapd refuses that connection, so it grants nothing. */
const systemWithTag = (ctx: ConnectedContext) => ctx.slotIsSystem && ctx.plug.attrs["qcipc"] !== undefined;

export default defineInterface({
  name: "qualcomm-ipc-router",
  summary: "allows using Qualcomm IPC Router (QRTR) sockets, directly or through a daemon's socket",
  implicitOn: { core: true, classic: true },
  // snapd 2.57's rules (only the system snap has a slot without a store
  // declaration); newer snapd also lets apps provide slots matched by qcipc.
  baseDeclaration: {
    slots: { "allow-installation": { "slot-snap-type": ["core"] }, "deny-auto-connection": true },
  },
  sanitizePlug: (plug: PlugInfo): AttrMap => {
    tagOf(plug.attrs, "plug");
    return plug.attrs;
  },
  // The system snap's slot is never sanitized; every slot that is belongs to an app.
  sanitizeSlot: (slot): AttrMap => {
    appSlot(slot);
    return slot.attrs;
  },
  connectedPlug: {
    apparmor: (ctx) => {
      if (ctx.slotIsSystem) {
        if (systemWithTag(ctx)) return "";
        return `
# QRTR sockets to the remote processors' services. Binding a port below
# QRTR_MIN_EPH_SOCKET (a service's well-known port) takes CAP_NET_ADMIN.
network qipcrtr,
capability net_admin,
`;
      }
      const c = appConnection(ctx);
      if (!c) return "";
      return `
# QRTR sockets, and the providing daemon's socket, with that daemon only.
network qipcrtr,
unix (connect, send, receive) type=seqpacket addr="${c.address}" peer=(label=${ctx.slotLabel}),
`;
    },
    // The default template creates AF_UNIX sockets only; QRTR is added here.
    seccomp: (ctx) => {
      if (ctx.slotIsSystem) return systemWithTag(ctx) ? "" : "socket AF_QIPCRTR\nbind\n";
      return appConnection(ctx) ? "socket AF_QIPCRTR\n" : "";
    },
  },
  connectedSlot: {
    apparmor: (ctx) => {
      const c = appConnection(ctx);
      if (!c) return "";
      return `
# Accepting the connecting snap on the socket this slot serves.
unix (accept, send, receive) type=seqpacket addr="${c.address}" peer=(label=${ctx.plugLabel}),
`;
    },
  },
  permanentSlot: {
    apparmor: (ctx) => {
      const address = ctx.endpoint.attrs["address"];
      if (typeof address !== "string" || !ADDRESS.test(address)) return "";
      return `
# The daemon behind the slot: QRTR sockets on well-known ports (CAP_NET_ADMIN
# below QRTR_MIN_EPH_SOCKET), and serving its seqpacket socket.
network qipcrtr,
capability net_admin,
capability net_bind_service,
unix (bind, listen) type=seqpacket addr="${address}",
`;
    },
    seccomp: (ctx) => {
      const address = ctx.endpoint.attrs["address"];
      return typeof address === "string" && ADDRESS.test(address) ? "socket AF_QIPCRTR\nbind\naccept\naccept4\nlisten\n" : "";
    },
  },
  examples: { plug: { qcipc: "monitor" }, slot: { qcipc: "monitor", address: "@qrtr-monitor" } },
});
