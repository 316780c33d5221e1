import { execa } from "execa";
import { readdirSync, readFileSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { builtinInterfaces, builtinRegistry } from "../interfaces/index.js";
import { DEFAULT_DEVICE } from "../src/device/index.js";
import { makePaths } from "../src/paths/index.js";
import { planSnap } from "../src/plan/index.js";
import { Repository } from "../src/repo/index.js";
import { parseSnapYaml, type SnapInfo } from "../src/snap/index.js";

// The real apparmor_parser (-Q: compile, no kernel needed) must accept every
// profile we render: for every interface on both sides, and for the corpus.

const paths = makePaths("/");
const registry = builtinRegistry();
const CORPUS = path.resolve(import.meta.dirname, "../../shared/corpus/snapcraft");

/** Connects every plug to a slot of its interface: the system snap's, else any other snap's. */
function connectEverything(repo: Repository): number {
  let n = 0;
  for (const plug of repo.allPlugs()) {
    const slots = repo.allSlots().filter((s) => s.interface === plug.interface);
    const slot = slots.find((s) => s.snap === repo.systemSnapName) ?? slots.find((s) => s.attrs["content"] === plug.attrs["content"]) ?? slots[0];
    if (!slot) continue;
    repo.setConnection({ plug: { snap: plug.snap, name: plug.name }, slot: { snap: slot.snap, name: slot.name }, interface: plug.interface, auto: false, byGadget: false, undesired: false, plugStatic: plug.attrs, slotStatic: slot.attrs });
    n++;
  }
  return n;
}

async function compileAll(repo: Repository): Promise<number> {
  const dir = await mkdtemp(path.join(tmpdir(), "profiles-"));
  try {
    const files: string[] = [];
    for (const snap of repo.snaps()) {
      for (const [file, content] of planSnap(paths, repo, registry, snap)) {
        if (path.dirname(file) !== paths.apparmorProfilesDir) continue;
        const f = path.join(dir, path.basename(file));
        await writeFile(f, content);
        files.push(f);
      }
    }
    const r = await execa("apparmor_parser", ["-Q", "-K", "-j2", ...files], { reject: false });
    // The parser names the file and line it refuses; show that, not the long command line.
    if (r.exitCode !== 0) throw new Error(`apparmor_parser refused: ${r.stderr}`);
    return files.length;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

const yaml = (name: string, body: string): SnapInfo => parseSnapYaml(`name: ${name}\nversion: '1'\n${body}`, { file: name });

describe("apparmor_parser accepts", () => {
  it("every interface's snippets, plug and slot side, connected", async () => {
    const repo = new Repository(registry, DEFAULT_DEVICE);
    const plugs = builtinInterfaces.map((m) => {
      const attrs = m.name === "content" ? "\n    target: $SNAP/shared" : m.name === "home" ? "\n    read: all" : m.name === "docker-support" ? "\n    privileged-containers: true" : "";
      return `  p-${m.name}:\n    interface: ${m.name}${attrs}`;
    });
    repo.addSnap(yaml("consumer", `apps:\n  one:\n    command: bin/one\n  two:\n    command: bin/two\nhooks:\n  configure:\nplugs:\n${plugs.join("\n")}\n`), "x1");
    repo.addSnap(yaml("provider", "apps:\n  svc:\n    command: bin/svc\n    daemon: simple\nslots:\n  s-bluez: bluez\n  s-docker: docker\n  s-content:\n    interface: content\n    content: p-content\n    write: [$SNAP_DATA/out]\n    read: [lib]\n"), "x2");
    expect(repo.snap("consumer")!.bad).toEqual([]);
    expect(repo.snap("provider")!.bad).toEqual([]);
    expect(connectEverything(repo)).toBe(builtinInterfaces.length);
    // The provider's slots too: connect the consumer's plugs to them instead of the system snap's where both exist.
    for (const iface of ["bluez", "docker", "content"]) {
      const plug = repo.plug({ snap: "consumer", name: `p-${iface}` })!;
      const slot = repo.slot({ snap: "provider", name: `s-${iface}` })!;
      repo.setConnection({ plug: { snap: "consumer", name: plug.name }, slot: { snap: "provider", name: slot.name }, interface: iface, auto: false, byGadget: false, undesired: false, plugStatic: plug.attrs, slotStatic: slot.attrs });
    }
    const profiles = await compileAll(repo);
    expect(profiles).toBe(4);
    const consumer = planSnap(paths, repo, registry, repo.snap("consumer")!);
    const text = [...consumer.values()].join("\n");
    for (const m of builtinInterfaces) if (m.connectedPlug?.apparmor) expect(text).toContain(`# --- ${m.name}: consumer:p-${m.name}`);
  });

  it("the whole corpus, every plug connected", async () => {
    const repo = new Repository(registry, DEFAULT_DEVICE);
    let parsed = 0;
    for (const f of readdirSync(CORPUS).filter((x) => x.endsWith(".yaml"))) {
      let info: SnapInfo;
      try {
        info = parseSnapYaml(readFileSync(path.join(CORPUS, f), "utf8"), { file: f, flavour: "snapcraft.yaml" });
      } catch {
        continue; // The corpus test names the files that are refused and why.
      }
      if (repo.snap(info.name) || info.name === "core" || info.name === "snapd") continue;
      repo.addSnap(info, "x1");
      parsed++;
    }
    const connections = connectEverything(repo);
    const started = Date.now();
    const profiles = await compileAll(repo);
    console.log(`corpus: ${parsed} snaps, ${connections} connections, ${profiles} profiles compiled by apparmor_parser -Q in ${Date.now() - started} ms`);
    expect(profiles).toBeGreaterThan(300);
  }, 300_000);
});
