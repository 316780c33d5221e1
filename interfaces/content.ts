import {
  AttributeProblem,
  defineInterface,
  optionalString,
  optionalStringList,
  snapPathProblem,
  type ConnectedContext,
} from "../src/iface/index.js";
import { safeAbsolutePath } from "../src/backends/validate.js";
import { isValidSnapName, type AttrMap } from "../src/snap/index.js";

/** The read or write paths of a content slot, top level or inside its source section. */
function contentPaths(attrs: AttrMap, key: "read" | "write"): string[] {
  const source = attrs["source"];
  const where = source !== undefined && typeof source === "object" && !Array.isArray(source) ? (source as AttrMap) : attrs;
  const v = where[key];
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : [];
}

/** $SNAP, $SNAP_DATA and $SNAP_COMMON as mounted for a snap; a relative path is relative to $SNAP. */
export function resolveSnapPath(p: string, snap: string, revision: string): string {
  const m = /^\$(SNAP_DATA|SNAP_COMMON|SNAP)(?=\/|$)(.*)$/.exec(p);
  const [base, rest] = m
    ? [m[1] === "SNAP" ? `/snap/${snap}/${revision}` : m[1] === "SNAP_DATA" ? `/var/snap/${snap}/${revision}` : `/var/snap/${snap}/common`, m[2]!]
    : [`/snap/${snap}/${revision}`, p === "." || p === "/" ? "" : `/${p.replace(/^\//, "")}`];
  // Attributes were checked at install; check the rendered path again where it lands.
  return safeAbsolutePath(base + rest, `content path ${JSON.stringify(p)} of snap ${snap}`);
}

/**
 * Where one shared path of the slot comes from, and where the consumer sees
 * it: at its target, or, when the slot has a source section, under the
 * target by the shared directory's own name.
 */
function sourceTarget(ctx: ConnectedContext, p: string): { source: string; target: string } {
  const source = resolveSnapPath(p, ctx.slotSnap.name, ctx.slotRevision);
  const target = resolveSnapPath(String(ctx.plug.attrs["target"]), ctx.plugSnap.name, ctx.plugRevision);
  return { source, target: ctx.slot.attrs["source"] !== undefined ? `${target}/${source.split("/").pop()}` : target };
}

const CONTENT_LABEL = /^[a-zA-Z0-9](?:[a-zA-Z0-9._-]{0,62}[a-zA-Z0-9])?$/;

/**
 * The content label, filled in from the plug's or slot's name when neither
 * it nor a compatibility label is given, as snapd does. A compatibility
 * label (newer snapd) must be a string and excludes a content label; its
 * expression is not checked here, and the base declaration in use (2.57's)
 * matches on content labels only.
 */
function withLabel(attrs: AttrMap, name: string): AttrMap {
  const compat = attrs["compatibility"];
  if (compat !== undefined && typeof compat !== "string") throw new AttributeProblem(`compatibility must be a string, not ${JSON.stringify(compat)}`);
  const content = optionalString(attrs, "content", CONTENT_LABEL, "a content label (letters, digits, '.', '_', '-')");
  if (compat && content !== undefined) throw new AttributeProblem("cannot have both content and compatibility labels");
  return compat ? attrs : { ...attrs, content: content ?? name };
}

export default defineInterface({
  name: "content",
  summary: "allows sharing code and data with other snaps",
  implicitOn: { core: false, classic: false },
  baseDeclaration: {
    slots: {
      "allow-installation": { "slot-snap-type": ["app", "gadget"] },
      "allow-connection": { "plug-attributes": { content: "$SLOT(content)" } },
      "allow-auto-connection": {
        "plug-publisher-id": ["$SLOT_PUBLISHER_ID"],
        "plug-attributes": { content: "$SLOT(content)" },
      },
    },
  },
  sanitizePlug: (plug): AttrMap => {
    const labelled = withLabel(plug.attrs, plug.name);
    const target = optionalString(plug.attrs, "target");
    if (target === undefined) throw new AttributeProblem("content plug must set target");
    const problem = snapPathProblem(target);
    if (problem) throw new AttributeProblem(`target ${JSON.stringify(target)} ${problem}`);
    const provider = optionalString(plug.attrs, "default-provider");
    // "snap:slot" is an older spelling that snapd still accepts; only the snap part matters.
    if (provider !== undefined && !isValidSnapName(provider.split(":")[0] ?? "")) {
      throw new AttributeProblem(`default-provider ${JSON.stringify(provider)} is not a snap name`);
    }
    return labelled;
  },
  sanitizeSlot: (slot): AttrMap => {
    const labelled = withLabel(slot.attrs, slot.name);
    const source = slot.attrs["source"];
    let where: AttrMap = slot.attrs;
    if (source !== undefined) {
      if (typeof source !== "object" || Array.isArray(source)) throw new AttributeProblem("source must be a map with read and/or write lists");
      if (slot.attrs["read"] !== undefined || slot.attrs["write"] !== undefined) {
        throw new AttributeProblem('read and write go inside the "source" section when it is present');
      }
      where = source as AttrMap;
    }
    const read = optionalStringList(where, "read", snapPathProblem) ?? [];
    const write = optionalStringList(where, "write", snapPathProblem) ?? [];
    if (read.length === 0 && write.length === 0) throw new AttributeProblem("content slot must set read or write paths");
    return labelled;
  },
  connectedPlug: {
    apparmor: (ctx) => {
      const read = contentPaths(ctx.slot.attrs, "read").map((p) => `${resolveSnapPath(p, ctx.slotSnap.name, ctx.slotRevision)}/** mrkix,`);
      const write = contentPaths(ctx.slot.attrs, "write").map((p) => `${resolveSnapPath(p, ctx.slotSnap.name, ctx.slotRevision)}/** mrwklix,`);
      return ["# The provider's shared files, also reachable where they are mounted.", ...read, ...write].join("\n");
    },
    mount: (ctx) => [
      ...contentPaths(ctx.slot.attrs, "read").map((p) => ({ ...sourceTarget(ctx, p), readOnly: true })),
      ...contentPaths(ctx.slot.attrs, "write").map((p) => ({ ...sourceTarget(ctx, p), readOnly: false })),
    ],
  },
  connectedSlot: {
    // Writable sharing: the provider may reach each shared directory where
    // the consumer mounts it (the consumer may tell it about files there).
    apparmor: (ctx) => {
      const write = contentPaths(ctx.slot.attrs, "write").map((p) => `${sourceTarget(ctx, p).target}/** mrwklix,`);
      return write.length ? ["# The shared directories as the consumer sees them.", ...write].join("\n") : "";
    },
  },
  examples: { plug: { target: "$SNAP/shared", content: "shared" }, slot: { content: "shared", read: ["lib"], write: ["$SNAP_DATA/out"] } },
});
