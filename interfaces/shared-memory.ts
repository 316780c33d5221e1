import { AttributeProblem, defineInterface, optionalBool, optionalString, optionalStringList, verbatimPathProblem } from "../src/iface/index.js";
import { safeAbsolutePath } from "../src/backends/validate.js";
import type { AttrMap, PlugInfo, SlotInfo } from "../src/snap/index.js";

const SHM_NAME = /^[a-zA-Z0-9](?:[a-zA-Z0-9._-]{0,62}[a-zA-Z0-9])?$/;

/**
 * A shared-memory object name under /dev/shm: no slash, no AppArmor pattern
 * characters except at most one "*", not "." or "..".
 */
export function shmPathProblem(p: string): string | null {
  if (p.length === 0) return "must not be empty";
  if (p.includes("/")) return "must be a name directly under /dev/shm, without '/'";
  if (p.split("*").length > 2) return "may contain at most one *";
  if (p === "." || p === ".." || p === "*") return "is not a usable name";
  return verbatimPathProblem(p, { globs: "*" });
}

/** The rule path for one object: the name is checked, and its single "*" is the only pattern character allowed through. */
function shmRulePath(name: string, where: string): string {
  const problem = shmPathProblem(name);
  if (problem) throw new AttributeProblem(`${JSON.stringify(name)} ${problem}`);
  safeAbsolutePath(`/dev/shm/${name.replace("*", "x")}`, where);
  // Under /run/shm too, where older systems (Ubuntu 14.04) keep it.
  return `/{dev,run}/shm/${name}`;
}

function slotPaths(slot: SlotInfo, key: "read" | "write"): string[] {
  return optionalStringList(slot.attrs, key, shmPathProblem) ?? [];
}

function isPrivate(plug: PlugInfo): boolean {
  return plug.attrs["private"] === true;
}

export default defineInterface({
  name: "shared-memory",
  summary: "allows sharing named POSIX shared-memory objects between snaps, or a private /dev/shm",
  implicitOn: { core: true, classic: true },
  baseDeclaration: {
    plugs: {
      "allow-connection": [
        { "plug-attributes": { private: false }, "slot-attributes": { "shared-memory": "$PLUG(shared-memory)" } },
        { "plug-attributes": { private: true }, "slot-snap-type": ["core"] },
      ],
      "allow-auto-connection": [
        { "plug-attributes": { private: false }, "slot-attributes": { "shared-memory": "$PLUG(shared-memory)" }, "slot-publisher-id": ["$PLUG_PUBLISHER_ID"] },
        { "plug-attributes": { private: true }, "slot-snap-type": ["core"] },
      ],
    },
    slots: {
      "allow-installation": { "slot-snap-id": ["PMrrV4ml8uWuEUDBT8dSGnKUYbevVhc4", "99T7MUlRhtI3U0QFgl5mXXESAiSwt776"], "slot-snap-type": ["app", "gadget", "core"] },
      "deny-auto-connection": true,
    },
  },
  // Other attributes are ignored on both sides, as in snapd. snapd also
  // refuses a private plug in a snap that has other shared-memory plugs or
  // slots; a plug's check here does not see the rest of its snap.
  sanitizePlug: (plug): AttrMap => {
    const priv = optionalBool(plug.attrs, "private") ?? false;
    const name = optionalString(plug.attrs, "shared-memory", SHM_NAME, "a shared-memory name (letters, digits, '.', '_', '-')");
    if (priv) {
      if (name !== undefined) throw new AttributeProblem('shared-memory must not be set together with "private: true"');
      return { ...plug.attrs, private: true };
    }
    return { ...plug.attrs, private: false, "shared-memory": name ?? plug.name };
  },
  sanitizeSlot: (slot): AttrMap => {
    const name = optionalString(slot.attrs, "shared-memory", SHM_NAME, "a shared-memory name (letters, digits, '.', '_', '-')");
    const all = [...slotPaths(slot, "read"), ...slotPaths(slot, "write")];
    if (all.length === 0) throw new AttributeProblem('shared-memory slot must set "read" or "write" names');
    for (const p of all) shmRulePath(p, `shared-memory slot ${slot.snap}:${slot.name}`);
    return { ...slot.attrs, "shared-memory": name ?? slot.name };
  },
  connectedPlug: {
    apparmor: (ctx) => {
      if (isPrivate(ctx.plug)) return "\n# A /dev/shm of its own (bind-mounted), so everything in it is the snap's.\n/dev/shm/** mrwlkix,\n";
      const where = `shared-memory slot ${ctx.slotSnap.name}:${ctx.slot.name}`;
      return [
        "# The provider's objects: read-only ones, then writable ones.",
        ...slotPaths(ctx.slot, "read").map((p) => `${shmRulePath(p, where)} r,`),
        ...slotPaths(ctx.slot, "write").map((p) => `${shmRulePath(p, where)} mrwlk,`),
      ].join("\n");
    },
    mount: (ctx) =>
      isPrivate(ctx.plug) ? [{ source: safeAbsolutePath(`/dev/shm/snap.${ctx.plugSnap.name}`, "private /dev/shm"), target: "/dev/shm", readOnly: false }] : [],
  },
  connectedSlot: {
    apparmor: (ctx) => {
      if (ctx.slotIsSystem) return "";
      const where = `shared-memory slot ${ctx.slotSnap.name}:${ctx.slot.name}`;
      // read/write restrict the consumer only: the provider creates and fills every object.
      return [
        "# The objects this snap provides, all writable by it.",
        ...[...slotPaths(ctx.slot, "read"), ...slotPaths(ctx.slot, "write")].map((p) => `${shmRulePath(p, where)} mrwlk,`),
      ].join("\n");
    },
  },
  examples: { plug: { "shared-memory": "frames", private: false }, slot: { "shared-memory": "frames", read: ["frames-ro"], write: ["frames-rw.*"] } },
});
