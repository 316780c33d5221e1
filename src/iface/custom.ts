import Handlebars from "handlebars";
import { ValidationError } from "../errors/index.js";
import type { AttrMap, PlugInfo, SlotInfo } from "../snap/index.js";
import { isValidInterfaceName } from "../snap/index.js";
import { parseYaml11, type YNode } from "../yaml/index.js";
import { AttributeProblem, defineInterface, type ConnectedContext, type InterfaceModule, type PermanentContext, type Snippets } from "./types.js";
import { verbatimPathProblem } from "./verbatim.js";

// An administrator's or device maker's own interface, declared in
// <root>/etc/plugboard/interfaces.d/NAME.yaml. It becomes a module like the
// built-in ones; its snippets are handlebars templates over validated
// attributes only.

/** Values an attribute may take once its own pattern holds: nothing AppArmor, udev or fstab would read as syntax. */
const SAFE_VALUE = /^[A-Za-z0-9/._:+-]+$/;

interface AttrSpec {
  readonly pattern: RegExp;
  readonly required: boolean;
}

const ROLES = { "connected-plug": "connectedPlug", "connected-slot": "connectedSlot", "permanent-plug": "permanentPlug", "permanent-slot": "permanentSlot" } as const;

/** Parses and validates one definition; every problem is a ValidationError naming the file and field. */
export function parseCustomInterface(text: string, file: string, builtinNames: ReadonlySet<string>): InterfaceModule {
  const root = parseYaml11(text, file, { maxBytes: 256 * 1024, maxDepth: 12, maxNodes: 20_000 });
  const fail = (field: string, msg: string): never => {
    throw new ValidationError(msg, { file, field });
  };
  if (!root || root.kind !== "map") return fail("", "expected a map");
  const known = new Set(["name", "summary", "implicit-on", "base-declaration", "attributes", "snippets", "examples"]);
  for (const k of root.entries.keys()) if (!known.has(k)) fail(k, `unknown key; expected one of ${[...known].join(", ")}`);
  const str = (n: YNode | undefined, field: string): string => (n?.kind === "scalar" && typeof n.value === "string" ? n.value : fail(field, "expected a string"));
  const name = str(root.entries.get("name"), "name");
  if (!isValidInterfaceName(name)) fail("name", `invalid interface name ${JSON.stringify(name)}`);
  if (builtinNames.has(name)) fail("name", `${JSON.stringify(name)} is a built-in interface and cannot be redefined`);
  const summary = str(root.entries.get("summary"), "summary");
  const implicit = toPlain(root.entries.get("implicit-on")) as Record<string, unknown> | undefined;
  const implicitOn = { core: implicit?.["core"] === true, classic: implicit?.["classic"] === true };
  const baseDeclaration = (toPlain(root.entries.get("base-declaration")) ?? {}) as InterfaceModule["baseDeclaration"];

  const attrSpecs = { plug: new Map<string, AttrSpec>(), slot: new Map<string, AttrSpec>() };
  const attributes = root.entries.get("attributes");
  if (attributes && attributes.kind === "map") {
    for (const side of ["plug", "slot"] as const) {
      const m = attributes.entries.get(side);
      if (!m) continue;
      if (m.kind !== "map") fail(`attributes.${side}`, "expected a map of attribute names");
      for (const [attr, spec] of (m as Extract<YNode, { kind: "map" }>).entries) {
        const field = `attributes.${side}.${attr}`;
        if (!/^[a-z][a-z0-9-]*$/.test(attr)) fail(field, "invalid attribute name");
        const s = toPlain(spec) as Record<string, unknown> | undefined;
        if (!s || typeof s["pattern"] !== "string") fail(field, "needs a pattern (a regular expression the value must match)");
        let pattern: RegExp;
        try {
          pattern = new RegExp(`^(?:${s!["pattern"] as string})$`);
        } catch (e) {
          return fail(field, `invalid pattern: ${(e as Error).message}`);
        }
        attrSpecs[side].set(attr, { pattern, required: s!["required"] === true });
      }
    }
  } else if (attributes) fail("attributes", "expected a map with plug and/or slot");

  const sanitizer = (side: "plug" | "slot") => (p: PlugInfo | SlotInfo): AttrMap => {
    const specs = attrSpecs[side];
    for (const k of Object.keys(p.attrs)) if (!specs.has(k)) throw new AttributeProblem(`unknown attribute ${JSON.stringify(k)}`);
    for (const [k, spec] of specs) {
      const v = p.attrs[k];
      if (v === undefined) {
        if (spec.required) throw new AttributeProblem(`${k} is required`);
        continue;
      }
      const text = typeof v === "string" || typeof v === "number" ? String(v) : undefined;
      if (text === undefined || !spec.pattern.test(text) || !SAFE_VALUE.test(text)) {
        throw new AttributeProblem(`${k} ${JSON.stringify(v)} does not match ${spec.pattern.source} (or holds characters that are not allowed)`);
      }
      // A loose pattern such as /dev/.* must not let /dev/../etc/shadow into a
      // rule: every value is a path or part of one once a template places it,
      // so each must be in canonical form, whatever the definition's pattern says.
      const unclean = verbatimPathProblem(text);
      if (unclean) throw new AttributeProblem(`${k} ${JSON.stringify(v)} ${unclean}`);
    }
    return p.attrs;
  };

  const module: Record<string, unknown> = { name, summary, implicitOn, baseDeclaration, sanitizePlug: sanitizer("plug"), sanitizeSlot: sanitizer("slot") };
  const snippets = root.entries.get("snippets");
  if (snippets && snippets.kind !== "map") fail("snippets", "expected a map of roles");
  for (const [role, def] of snippets?.kind === "map" ? snippets.entries : []) {
    const key = (ROLES as Record<string, string>)[role];
    if (!key) fail(`snippets.${role}`, `unknown role; expected one of ${Object.keys(ROLES).join(", ")}`);
    const d = toPlain(def) as Record<string, unknown> | undefined;
    const field = `snippets.${role}`;
    for (const k of Object.keys(d ?? {})) if (!["apparmor", "seccomp", "udev"].includes(k)) fail(`${field}.${k}`, "expected apparmor, seccomp or udev");
    const compile = (k: string) => {
      const t = d?.[k];
      if (t === undefined) return undefined;
      if (typeof t !== "string") return fail(`${field}.${k}`, "expected text");
      try {
        // Handlebars compiles lazily; precompiling surfaces syntax errors now.
        Handlebars.precompile(t);
        return Handlebars.compile(t, { noEscape: true, strict: true });
      } catch (e) {
        return fail(`${field}.${k}`, `template error: ${(e as Error).message.split("\n")[0]}`);
      }
    };
    const apparmor = compile("apparmor");
    const seccomp = compile("seccomp");
    const udevList = d?.["udev"];
    if (udevList !== undefined && (!Array.isArray(udevList) || udevList.some((u) => typeof u !== "string"))) fail(`${field}.udev`, "expected a list of udev matches");
    const udevTpls = (udevList as string[] | undefined)?.map((u) => Handlebars.compile(u, { noEscape: true, strict: true }));
    const ctxOf = (c: ConnectedContext | PermanentContext) =>
      "plug" in c
        ? { plug: c.plug.attrs, slot: c.slot.attrs, plugLabel: c.plugLabel, slotLabel: c.slotLabel, plugSnap: c.plugSnap.name, slotSnap: c.slotSnap.name }
        : { attrs: c.endpoint.attrs, snap: c.snap.name };
    const s: Snippets<ConnectedContext | PermanentContext> = {
      ...(apparmor ? { apparmor: (c: ConnectedContext | PermanentContext) => apparmor(ctxOf(c)) } : {}),
      ...(seccomp ? { seccomp: (c: ConnectedContext | PermanentContext) => seccomp(ctxOf(c)) } : {}),
      ...(udevTpls ? { udev: (c: ConnectedContext | PermanentContext) => udevTpls.map((t) => t(ctxOf(c))) } : {}),
    };
    module[key!] = s;
  }
  const examples = toPlain(root.entries.get("examples"));
  if (examples !== undefined) module["examples"] = examples;
  return defineInterface(module as unknown as InterfaceModule);
}

function toPlain(n: YNode | undefined): unknown {
  if (!n) return undefined;
  if (n.kind === "scalar") return n.value;
  if (n.kind === "seq") return n.items.map(toPlain);
  return Object.fromEntries([...n.entries].map(([k, v]) => [k, toPlain(v)]));
}
