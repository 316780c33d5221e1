import { createHash } from "node:crypto";
import { promises as fs } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { DEFAULT_DEVICE, type DeviceInfo } from "../device/index.js";
import { PlugboardError } from "../errors/index.js";
import { readIfExists, writeFileAtomic } from "../files/index.js";
import { makeRegistry, parseCustomInterface, type InterfaceModule } from "../iface/index.js";
import type { Paths } from "../paths/index.js";
import { makePaths } from "../paths/index.js";
import { planSnap } from "../plan/index.js";
import { composeBaseDeclaration } from "../policy/index.js";
import { Repository } from "../repo/index.js";
import { parseSnapYaml } from "../snap/index.js";
import { apparmorReplace } from "../system/index.js";
import { seccompCompiler } from "./seccomp.js";

/**
 * Loads <root>/etc/plugboard/interfaces.d/*.yaml. Each definition is checked
 * like a built-in: parsed and validated, then its snippets rendered on both
 * sides with its example attributes and compiled by apparmor_parser and the
 * seccomp compiler. A definition that fails is reported and skipped whole.
 * A passing definition is remembered by content hash, so the compile check
 * runs once per change, not once per command. The check renders for this
 * device's mode, as the real profiles will be.
 */
export async function loadCustomInterfaces(paths: Paths, builtin: readonly InterfaceModule[], device: DeviceInfo = DEFAULT_DEVICE): Promise<{ modules: InterfaceModule[]; problems: string[] }> {
  const names = (await fs.readdir(paths.interfacesDir).catch(() => [] as string[])).filter((n) => n.endsWith(".yaml")).sort();
  const modules: InterfaceModule[] = [];
  const problems: string[] = [];
  const builtinNames = new Set(builtin.map((m) => m.name));
  for (const n of names) {
    const file = path.join(paths.interfacesDir, n);
    const text = (await readIfExists(file)) ?? "";
    try {
      const m = parseCustomInterface(text, file, builtinNames);
      composeBaseDeclaration([m]); // refuses malformed rules now rather than at every policy check
      if (modules.some((x) => x.name === m.name)) throw new PlugboardError(`${file}: interface ${JSON.stringify(m.name)} is defined twice`);
      const marker = path.join(paths.varLib, "interfaces-checked", createHash("sha256").update(text).digest("hex"));
      if ((await readIfExists(marker)) === undefined) {
        await compileCheck(m, builtin, device);
        // Only a cache that spares the next command a parser run: failing to
        // write it (a full disk) must not make the interface look invalid.
        await writeFileAtomic(marker, `${file}\n`).catch(() => undefined);
      }
      modules.push(m);
    } catch (e) {
      if (!(e instanceof PlugboardError)) throw e;
      problems.push(`custom interface ${n} skipped: ${e.message}`);
    }
  }
  return { modules, problems };
}

async function compileCheck(m: InterfaceModule, builtin: readonly InterfaceModule[], device: DeviceInfo): Promise<void> {
  const registry = makeRegistry([...builtin, m]);
  const repo = new Repository(registry, device);
  const yamlAttrs = (a: object | undefined) => (a ? Object.entries(a).map(([k, v]) => `\n    ${k}: ${JSON.stringify(v)}`).join("") : "");
  repo.addSnap(parseSnapYaml(`name: consumer\nversion: '1'\napps:\n  app:\n    command: bin/app\nplugs:\n  p:\n    interface: ${m.name}${yamlAttrs(m.examples?.plug)}\n`, { file: "check" }), "x1");
  repo.addSnap(parseSnapYaml(`name: provider\nversion: '1'\napps:\n  app:\n    command: bin/app\nslots:\n  s:\n    interface: ${m.name}${yamlAttrs(m.examples?.slot)}\n`, { file: "check" }), "x1");
  for (const s of ["consumer", "provider"]) {
    const bad = repo.snap(s)!.bad;
    if (bad.length) throw new PlugboardError(`its examples are refused by its own attribute rules: ${bad.map((b) => b.reason).join("; ")}`);
  }
  const plug = repo.plug({ snap: "consumer", name: "p" })!;
  const slot = repo.slot({ snap: "provider", name: "s" })!;
  repo.setConnection({ plug: { snap: "consumer", name: "p" }, slot: { snap: "provider", name: "s" }, interface: m.name, auto: false, byGadget: false, undesired: false, plugStatic: plug.attrs, slotStatic: slot.attrs });
  const dir = await fs.mkdtemp(path.join(tmpdir(), "plugboard-iface-check-"));
  try {
    const paths = makePaths(dir);
    const profiles: string[] = [];
    const sources: { source: string; sourceFile: string; output: string }[] = [];
    for (const s of ["consumer", "provider"]) {
      for (const [file, content] of planSnap(paths, repo, registry, repo.snap(s)!)) {
        await writeFileAtomic(file, content);
        if (path.dirname(file) === paths.apparmorProfilesDir) profiles.push(file);
        if (file.endsWith(".src")) sources.push({ source: content, sourceFile: file, output: file.replace(/\.src$/, ".bin") });
      }
    }
    await apparmorReplace(profiles, { load: false, cacheDir: path.join(dir, "cache") });
    await seccompCompiler(paths)(sources);
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}
