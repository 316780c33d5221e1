import { AttributeProblem, defineInterface } from "../src/iface/index.js";
import type { AttrMap, AttrValue } from "../src/snap/index.js";

const MODULE_NAME = /^[-a-zA-Z0-9_]+$/;
// Space-separated parameters, each NAME or NAME=VALUE with a printable, non-space VALUE.
const MODULE_OPTIONS = /^([a-zA-Z][a-zA-Z0-9_]*(=[!-~]+)? *)+$/;
const LOADS = ["on-boot", "denied", "dynamic"];

/** The plug's module entries, as checked by sanitizePlug. */
export function moduleEntries(attrs: AttrMap): { name: string; load?: string; options?: string }[] {
  const v = attrs["modules"];
  return Array.isArray(v) ? (v as AttrMap[]).map((m) => ({ name: String(m["name"]), load: m["load"] as string | undefined, options: m["options"] as string | undefined })) : [];
}

function checkModule(entry: AttrValue, i: number): void {
  const where = `modules[${i}]`;
  if (typeof entry !== "object" || entry === null || Array.isArray(entry)) throw new AttributeProblem(`${where} must be a map with name and load and/or options`);
  const { name, load, options } = entry as AttrMap;
  if (typeof name !== "string" || !MODULE_NAME.test(name)) throw new AttributeProblem(`${where} name ${JSON.stringify(name)} is not a kernel module name`);
  if (load !== undefined && (typeof load !== "string" || !LOADS.includes(load))) {
    throw new AttributeProblem(`${where} load ${JSON.stringify(load)} is not one of ${LOADS.join(", ")}`);
  }
  if (options !== undefined && typeof options !== "string") throw new AttributeProblem(`${where} options must be a string, not ${JSON.stringify(options)}`);
  // Empty options count as none. "*" (any options) is for dynamic loading only.
  if (options) {
    if (load === "denied") throw new AttributeProblem(`${where}: options cannot be given for a module whose load is denied`);
    if (!(load === "dynamic" && options === "*") && !MODULE_OPTIONS.test(options)) {
      throw new AttributeProblem(`${where} options ${JSON.stringify(options)} are not module parameters (NAME or NAME=VALUE, space-separated)`);
    }
  }
  if (load === undefined && !options) throw new AttributeProblem(`${where} must set load or options`);
}

export default defineInterface({
  name: "kernel-module-load",
  summary: "allows loading, blacklisting and setting options of particular kernel modules",
  implicitOn: { core: true, classic: true },
  baseDeclaration: {
    plugs: { "allow-installation": false, "deny-auto-connection": true },
    slots: { "allow-installation": { "slot-snap-type": ["core"] }, "deny-connection": true },
  },
  // snapd checks these when connecting; here they are checked at install.
  // As there, other attributes and other keys of an entry are left alone.
  sanitizePlug: (plug) => {
    const modules = plug.attrs["modules"];
    if (!Array.isArray(modules) || modules.length === 0) throw new AttributeProblem("modules must be a non-empty list of {name, load, options} entries");
    modules.forEach(checkModule);
    return plug.attrs;
  },
  connectedPlug: {
    // Everything happens in the module loader's configuration, none of it in
    // the snap's confinement: on-boot modules are loaded at boot (and when
    // connected), denied ones may not be loaded by anyone, and options apply
    // whenever the module is loaded (for on-boot, dynamic or no load given).
    // "dynamic" grants the snap no way to load modules itself (that is
    // kernel-module-control's), and options "*" there sets nothing.
    kmod: (ctx) => {
      const load: string[] = [];
      const deny: string[] = [];
      const options: Record<string, string> = {};
      const common = `/var/snap/${ctx.plugSnap.name}/common/`;
      for (const m of moduleEntries(ctx.plug.attrs)) {
        if (m.load === "denied") {
          deny.push(m.name);
          continue;
        }
        if (m.load === "on-boot") load.push(m.name);
        if (m.options && m.options !== "*") options[m.name] = m.options.replaceAll("$SNAP_COMMON/", common).trim().split(/ +/).join(" ");
      }
      return { load, deny, options };
    },
  },
  examples: { plug: { modules: [{ name: "rbd", load: "on-boot" }, { name: "dummy", load: "dynamic", options: "numdummies=2" }, { name: "floppy", load: "denied" }] } },
});
