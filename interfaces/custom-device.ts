import { safeUdevMatch } from "../src/backends/validate.js";
import { AttributeProblem, defineInterface, verbatimPathProblem } from "../src/iface/index.js";
import type { AttrMap, AttrValue } from "../src/snap/index.js";

// A device described by the gadget snap: which device nodes (read-write or
// read-only) and files the connected app may use, and how udev recognises the
// devices so they are tagged for the app.

/** Absolute paths with shell-style globs; nothing that AppArmor or udev would read as more than a path. */
const PATH_RE = /^\/[A-Za-z0-9/._:+*?[\]-]*$/;
const UDEV_VALUE_RE = /^[A-Za-z0-9_.:/*?[\]-]+$/;
const UDEV_KEY_RE = { attributes: /^[a-z0-9_]+$/, environment: /^[A-Z0-9_]+$/ } as const;

function pathProblem(p: string, devicesOnly: boolean): string | null {
  if (devicesOnly && !p.startsWith("/dev/")) return "must be a device under /dev/";
  if (!PATH_RE.test(p)) return "must be an absolute path of letters, digits and /._:+-, with * ? [] globs only";
  if (p.includes("**")) return 'must not contain "**"';
  return verbatimPathProblem(p, { absolute: true, globs: "*?[]" });
}

function stringList(attrs: AttrMap, key: string, devicesOnly: boolean): string[] {
  const v = attrs[key];
  if (v === undefined) return [];
  if (!Array.isArray(v)) throw new AttributeProblem(`${key} must be a list of paths`);
  return v.map((x: AttrValue, i: number) => {
    if (typeof x !== "string") throw new AttributeProblem(`${key}[${i}] must be a string`);
    const problem = pathProblem(x, devicesOnly);
    if (problem) throw new AttributeProblem(`${key}[${i}] ${JSON.stringify(x)} ${problem}`);
    return x;
  });
}

interface TaggingRule {
  readonly kernel: string;
  readonly subsystem?: string;
  readonly attributes: [string, string][];
  readonly environment: [string, string][];
  readonly forDevice?: string;
}

function taggingRules(attrs: AttrMap, devices: readonly string[]): TaggingRule[] {
  const v = attrs["udev-tagging"];
  if (v === undefined) return [];
  if (!Array.isArray(v)) throw new AttributeProblem("udev-tagging must be a list of rules");
  return v.map((r: AttrValue, i: number) => {
    const at = `udev-tagging[${i}]`;
    if (typeof r !== "object" || r === null || Array.isArray(r)) throw new AttributeProblem(`${at} must be a map`);
    const rule = r as AttrMap;
    for (const k of Object.keys(rule)) if (!["kernel", "subsystem", "attributes", "environment", "for-device"].includes(k)) throw new AttributeProblem(`${at} has unknown key ${JSON.stringify(k)}`);
    const value = (x: AttrValue | undefined, what: string) => {
      if (typeof x !== "string" || !UDEV_VALUE_RE.test(x)) throw new AttributeProblem(`${at} ${what} ${JSON.stringify(x)} contains characters that are not allowed`);
      return x;
    };
    const kernel = value(rule["kernel"], "kernel");
    const pairs = (key: "attributes" | "environment") => {
      const m = rule[key];
      if (m === undefined) return [];
      if (typeof m !== "object" || Array.isArray(m)) throw new AttributeProblem(`${at} ${key} must be a map`);
      return Object.entries(m as AttrMap).map(([k, x]): [string, string] => {
        if (!UDEV_KEY_RE[key].test(k)) throw new AttributeProblem(`${at} ${key} key ${JSON.stringify(k)} is not allowed`);
        return [k, value(x, `${key}.${k}`)];
      });
    };
    const forDevice = rule["for-device"] === undefined ? undefined : value(rule["for-device"], "for-device");
    if (forDevice !== undefined && !devices.includes(forDevice)) throw new AttributeProblem(`${at} for-device ${forDevice} is not one of the devices`);
    // Without for-device the kernel name says which device the rule is for:
    // its path under /dev, or else the last part of exactly one device's path.
    if (forDevice === undefined && !devices.includes(`/dev/${kernel}`)) {
      const matches = devices.filter((d) => d.split("/").pop() === kernel);
      if (matches.length !== 1) throw new AttributeProblem(`${at} kernel ${JSON.stringify(kernel)} must name exactly one of the devices`);
    }
    return {
      kernel,
      ...(rule["subsystem"] !== undefined ? { subsystem: value(rule["subsystem"], "subsystem") } : {}),
      attributes: pairs("attributes"),
      environment: pairs("environment"),
      ...(forDevice !== undefined ? { forDevice } : {}),
    };
  });
}

function files(attrs: AttrMap): { read: string[]; write: string[] } {
  const f = attrs["files"];
  if (f === undefined) return { read: [], write: [] };
  if (typeof f !== "object" || Array.isArray(f)) throw new AttributeProblem("files must be a map with read and/or write lists");
  for (const k of Object.keys(f)) if (k !== "read" && k !== "write") throw new AttributeProblem(`files may only have read and write, not ${JSON.stringify(k)}`);
  return { read: stringList(f as AttrMap, "read", false), write: stringList(f as AttrMap, "write", false) };
}

/**
 * The udev matches for the slot's devices, as snapd makes them. A device's
 * kernel name is the last part of its path (event3 for /dev/input/event3),
 * so a device in a subdirectory of /dev is matched both by its path under
 * /dev and by that last part, unless a tagging rule claims the last part.
 * A tagging rule replaces the default match of the device it is for.
 */
function udevMatches(attrs: AttrMap): string[] {
  const devices = [...stringList(attrs, "devices", true), ...stringList(attrs, "read-devices", true)];
  const names = devices.map((d) => d.slice("/dev/".length));
  const custom = new Map<string, string>();
  for (const r of taggingRules(attrs, devices)) {
    const key = r.forDevice !== undefined ? r.forDevice.slice("/dev/".length) : r.kernel;
    custom.set(
      key,
      [
        `KERNEL=="${r.kernel}"`,
        ...(r.subsystem ? [`SUBSYSTEM=="${r.subsystem}"`] : []),
        ...r.environment.map(([k, v]) => `ENV{${k}}=="${v}"`),
        ...r.attributes.map(([k, v]) => `ATTR{${k}}=="${v}"`),
      ].join(", "),
    );
  }
  const out: string[] = [];
  for (const name of [...new Set([...names, ...custom.keys()])]) {
    const rule = custom.get(name);
    if (rule !== undefined) {
      out.push(rule);
      continue;
    }
    const base = name.split("/").pop()!;
    if (base === name) out.push(`KERNEL=="${name}"`);
    else if (!names.includes(base) && !custom.has(base)) out.push(`KERNEL=="${name}"`, `KERNEL=="${base}"`);
    else if (custom.has(base) && !names.includes(base)) continue; // the rule for the last part is this device's
    else out.push(`KERNEL=="${name}"`);
  }
  return [...new Set(out)].map((m) => safeUdevMatch(m, "custom-device"));
}

export default defineInterface({
  name: "custom-device",
  summary: "allows access to a device the gadget snap describes",
  implicitOn: { core: false, classic: false },
  baseDeclaration: {
    slots: {
      "allow-installation": false,
      "allow-connection": { "plug-attributes": { content: "$SLOT(custom-device)" } },
      "deny-auto-connection": true,
    },
  },
  sanitizePlug: (plug) => {
    const name = plug.attrs["custom-device"] ?? plug.name;
    if (typeof name !== "string") throw new AttributeProblem("custom-device must be a string");
    for (const k of Object.keys(plug.attrs)) if (k !== "custom-device") throw new AttributeProblem(`unknown attribute ${JSON.stringify(k)}`);
    return { ...plug.attrs, "custom-device": name };
  },
  sanitizeSlot: (slot) => {
    const name = slot.attrs["custom-device"] ?? slot.name;
    if (typeof name !== "string") throw new AttributeProblem("custom-device must be a string");
    for (const k of Object.keys(slot.attrs)) {
      if (!["custom-device", "devices", "read-devices", "files", "udev-tagging"].includes(k)) throw new AttributeProblem(`unknown attribute ${JSON.stringify(k)}`);
    }
    const devices = stringList(slot.attrs, "devices", true);
    const readDevices = stringList(slot.attrs, "read-devices", true);
    for (const d of readDevices) if (devices.includes(d)) throw new AttributeProblem(`${d} is in both devices and read-devices`);
    const f = files(slot.attrs);
    if (devices.length + readDevices.length + f.read.length + f.write.length === 0) throw new AttributeProblem("a custom-device slot needs devices, read-devices or files");
    udevMatches(slot.attrs);
    return { ...slot.attrs, "custom-device": name };
  },
  connectedPlug: {
    apparmor: (ctx) => {
      const a = ctx.slot.attrs;
      const f = files(a);
      return [
        `# Devices and files of the gadget's ${String(a["custom-device"])} device.`,
        ...stringList(a, "devices", true).map((p) => `"${p}" rwk,`),
        ...stringList(a, "read-devices", true).map((p) => `"${p}" r,`),
        ...f.read.map((p) => `"${p}" r,`),
        ...f.write.map((p) => `"${p}" rw,`),
      ].join("\n");
    },
    udev: (ctx) => udevMatches(ctx.slot.attrs),
  },
  examples: {
    plug: { "custom-device": "thermo" },
    slot: {
      "custom-device": "thermo",
      devices: ["/dev/thermo0", "/dev/bus/usb/001/*"],
      "read-devices": ["/dev/input/event[0-9]*"],
      files: { read: ["/sys/class/thermal/thermal_zone0/temp"], write: ["/sys/class/leds/status/brightness"] },
      "udev-tagging": [{ kernel: "thermo0", subsystem: "hwmon", attributes: { name: "thermo" } }],
    },
  },
});
