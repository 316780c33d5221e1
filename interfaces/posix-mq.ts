import { AttributeProblem, defineInterface, verbatimPathProblem, type HostFeatures } from "../src/iface/index.js";
import type { AttrMap, AttrValue, SlotInfo } from "../src/snap/index.js";

// POSIX message queues a slot snap owns and names, shared with the plugs
// connected to it. The slot decides the queue names and what plugs may do;
// the plug only picks which slot (by the `posix-mq` attribute, which the base
// declaration matches between the two sides).
//
// Queue names reach the profile as AppArmor `mqueue` rules, which parsers
// before AppArmor 4.0 do not know. Like snapd, such a host cannot set the
// interface up at all rather than leave the queues unmediated.

const PERMISSIONS = ["open", "read", "write", "create", "delete"] as const;
const DEFAULT_PERMISSIONS = ["read", "write"];
// mq_overview(7): a slash, then 1 to NAME_MAX characters none of which is a slash.
const QUEUE_NAME = /^\/[^/]{1,255}$/;

const show = (v: AttrValue | undefined) => JSON.stringify(v);

function queueTag(attrs: AttrMap, fallback: string): AttrMap {
  const v = attrs["posix-mq"];
  if (v !== undefined && typeof v !== "string") throw new AttributeProblem(`posix-mq must be a string naming the queue set, not ${show(v)}`);
  return v ? attrs : { ...attrs, "posix-mq": fallback };
}

function permissions(slot: SlotInfo): string[] {
  const v = slot.attrs["permissions"];
  if (v === undefined) return DEFAULT_PERMISSIONS;
  if (!Array.isArray(v)) throw new AttributeProblem(`permissions must be a list drawn from ${PERMISSIONS.join(", ")}, not ${show(v)}`);
  return v.map((p: AttrValue, i: number) => {
    if (typeof p !== "string" || !(PERMISSIONS as readonly string[]).includes(p)) {
      throw new AttributeProblem(`permissions[${i}] ${show(p)} is not one of ${PERMISSIONS.join(", ")}`);
    }
    return p;
  });
}

function queuePaths(slot: SlotInfo): string[] {
  const v = slot.attrs["path"];
  if (v === undefined) throw new AttributeProblem('a posix-mq slot must name its queues in "path" (a name or a list of names)');
  const list = typeof v === "string" ? [v] : v;
  if (!Array.isArray(list)) throw new AttributeProblem(`path must be a queue name or a list of them, not ${show(v)}`);
  if (list.length === 0) throw new AttributeProblem("path must name at least one queue");
  return list.map((item: AttrValue, i: number) => {
    const where = Array.isArray(v) ? `path[${i}]` : "path";
    if (typeof item !== "string" || item === "") throw new AttributeProblem(`${where} must be a non-empty queue name, not ${show(item)}`);
    const name = item.startsWith("/") ? item : `/${item}`;
    if (!QUEUE_NAME.test(name)) throw new AttributeProblem(`${where} ${show(item)} is not a POSIX message queue name (one slash, then 1 to 255 characters without a slash; see mq_overview(7))`);
    const problem = verbatimPathProblem(name, { absolute: true });
    if (problem) throw new AttributeProblem(`${where} ${show(item)}: ${problem}`);
    return name;
  });
}

/** What a permission list grants: open always; reading implies getattr, writing setattr. */
function withImplied(perms: readonly string[]): string[] {
  const out = [...perms];
  if (!out.includes("open")) out.push("open");
  if (out.includes("read") && !out.includes("getattr")) out.push("getattr");
  if (out.includes("write") && !out.includes("setattr")) out.push("setattr");
  return out;
}

const mqueueRules = (perms: readonly string[], paths: readonly string[]) => paths.map((p) => `mqueue (${perms.join(" ")}) type=posix "${p}",`).join("\n");

const ALL_CALLS = ["mq_open", "mq_getsetattr", "mq_unlink", "mq_notify", "mq_timedreceive", "mq_timedreceive_time64", "mq_timedsend", "mq_timedsend_time64"];
const CALLS_OF: Readonly<Record<string, readonly string[]>> = {
  read: ["mq_timedreceive", "mq_timedreceive_time64", "mq_notify"],
  write: ["mq_timedsend", "mq_timedsend_time64"],
  delete: ["mq_unlink"],
};

export default defineInterface({
  name: "posix-mq",
  summary: "allows sharing POSIX message queues that a slot names with the plugs connected to it",
  implicitOn: { core: false, classic: false },
  baseDeclaration: {
    plugs: {
      "allow-installation": true,
      "allow-connection": { "slot-attributes": { "posix-mq": "$PLUG(posix-mq)" } },
      "allow-auto-connection": { "slot-publisher-id": ["$PLUG_PUBLISHER_ID"], "slot-attributes": { "posix-mq": "$PLUG(posix-mq)" } },
    },
    slots: { "allow-installation": false, "deny-connection": true, "deny-auto-connection": true },
  },
  hostRequirement: (host: HostFeatures) =>
    host.apparmorParser.has("mqueue-posix") ? undefined : "this apparmor_parser has no POSIX message queue rules (AppArmor 4.0 or newer is needed)",
  sanitizePlug: (plug) => queueTag(plug.attrs, plug.name),
  sanitizeSlot: (slot) => {
    const attrs = queueTag(slot.attrs, slot.name);
    permissions(slot);
    queuePaths(slot);
    return attrs;
  },
  permanentSlot: {
    // The owner may do everything with its own queues.
    apparmor: (ctx) => `\n# Queues of slot ${ctx.endpoint.name}, owned by this snap.\n${mqueueRules(withImplied(PERMISSIONS), queuePaths(ctx.endpoint))}\n`,
    seccomp: ALL_CALLS.join("\n"),
  },
  connectedPlug: {
    apparmor: (ctx) => {
      const rules = mqueueRules(withImplied(permissions(ctx.slot)), queuePaths(ctx.slot));
      // getattr on the queue root only lets a client check /dev/mqueue is what it expects.
      return `\n# Queues of ${ctx.slot.snap}:${ctx.slot.name}, with what that slot allows.\n${rules}\nmqueue (getattr) type=posix "/",\n`;
    },
    seccomp: (ctx) => ["mq_open", "mq_getsetattr", ...permissions(ctx.slot).flatMap((p) => CALLS_OF[p] ?? [])].join("\n"),
  },
  examples: { plug: { "posix-mq": "pbtest" }, slot: { "posix-mq": "pbtest", path: ["/pbtest-queue", "pbtest-other"], permissions: ["read", "write", "create"] } },
});
