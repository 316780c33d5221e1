import { AttributeProblem, defineInterface, onlyKnownAttrs } from "../src/iface/index.js";
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
  const m = entry as AttrMap;
  try {
    onlyKnownAttrs(m, ["name", "load", "options"]);
  } catch (err) {
    throw new AttributeProblem(`${where}: ${(err as Error).message}`);
  }
  const { name, load, options } = m;
  if (typeof name !== "string" || !MODULE_NAME.test(name)) throw new AttributeProblem(`${where} name ${JSON.stringify(name)} is not a kernel module name`);
  if (load !== undefined && (typeof load !== "string" || !LOADS.includes(load))) {
    throw new AttributeProblem(`${where} load ${JSON.stringify(load)} is not one of ${LOADS.join(", ")}`);
  }
  if (options !== undefined) {
    if (typeof options !== "string" || !MODULE_OPTIONS.test(options)) throw new AttributeProblem(`${where} options ${JSON.stringify(options)} are not module parameters (NAME or NAME=VALUE, space-separated)`);
    if (load === "denied") throw new AttributeProblem(`${where}: options cannot be given for a module whose load is denied`);
  }
  if (load === undefined && options === undefined) throw new AttributeProblem(`${where} must set load or options`);
}

export default defineInterface({
  name: "kernel-module-load",
  summary: "allows loading, blacklisting and setting options of particular kernel modules",
  implicitOn: { core: true, classic: true },
  baseDeclaration: {
    plugs: { "allow-installation": false, "deny-auto-connection": true },
    slots: { "allow-installation": { "slot-snap-type": ["core"] }, "deny-connection": true },
  },
  sanitizePlug: (plug) => {
    onlyKnownAttrs(plug.attrs, ["modules"]);
    const modules = plug.attrs["modules"];
    if (!Array.isArray(modules) || modules.length === 0) throw new AttributeProblem("modules must be a non-empty list of {name, load, options} entries");
    modules.forEach(checkModule);
    return plug.attrs;
  },
  connectedPlug: {
    // on-boot, denied and options are carried out by the system at boot
    // (modules-load.d and modprobe.d), not by the snap. Only "dynamic" lets
    // the snap load modules itself; the kernel cannot limit which module a
    // holder of CAP_SYS_MODULE loads, so that grant is deliberately broad and
    // the interface is super-privileged.
    apparmor: (ctx) =>
      moduleEntries(ctx.plug.attrs).some((m) => m.load === "dynamic")
        ? `
# load: dynamic — modprobe and the module tree it reads.
capability sys_module,
/{,usr/}{,s}bin/{modprobe,kmod} ixr,
/{,usr/}lib/modules/ r,
/{,usr/}lib/modules/** r,
/etc/modprobe.d/ r,
/etc/modprobe.d/** r,
@{PROC}/modules r,
/sys/module/ r,
/sys/module/** r,
`
        : "",
    seccomp: (ctx) => (moduleEntries(ctx.plug.attrs).some((m) => m.load === "dynamic") ? "init_module\nfinit_module" : ""),
  },
  examples: { plug: { modules: [{ name: "rbd", load: "on-boot" }, { name: "dummy", load: "dynamic", options: "numdummies=2" }, { name: "floppy", load: "denied" }] } },
});
