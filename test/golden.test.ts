import { execa } from "execa";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { builtinRegistry } from "../interfaces/index.js";
import { DEFAULT_DEVICE, type DeviceInfo } from "../src/device/index.js";
import { makePaths } from "../src/paths/index.js";
import { planSnap } from "../src/plan/index.js";
import { Repository } from "../src/repo/index.js";
import { parseSnapYaml } from "../src/snap/index.js";

// Golden files of rendered profiles, reviewed by reading them. Regenerate with
// UPDATE_GOLDEN=1 after a deliberate change, and read the diff before committing.

const GOLDEN = path.resolve(import.meta.dirname, "golden");
const EXAMPLES = path.resolve(import.meta.dirname, "../examples/snaps");
const paths = makePaths("/");
const registry = builtinRegistry();

function repoWith(names: string[], device: DeviceInfo = DEFAULT_DEVICE): Repository {
  const repo = new Repository(registry, device);
  for (const n of names) repo.addSnap(parseSnapYaml(readFileSync(path.join(EXAMPLES, n, "meta/snap.yaml"), "utf8"), { file: n }), "x1");
  return repo;
}
function connect(repo: Repository, plug: string, slot: string): void {
  const [ps, pn] = plug.split(":") as [string, string];
  const [ss, sn] = slot.split(":") as [string, string];
  const p = repo.plug({ snap: ps, name: pn })!;
  const s = repo.slot({ snap: ss, name: sn })!;
  repo.setConnection({ plug: { snap: ps, name: pn }, slot: { snap: ss, name: sn }, interface: p.interface, auto: false, byGadget: false, undesired: false, plugStatic: p.attrs, slotStatic: s.attrs });
}

const scenarios: [string, () => { repo: Repository; snap: string }][] = [
  ["foo-camera-log-observe", () => {
    const repo = repoWith(["foo"]);
    connect(repo, "foo:camera", "core:camera");
    connect(repo, "foo:log-observe", "core:log-observe");
    return { repo, snap: "foo" };
  }],
  ["bar-network", () => {
    const repo = repoWith(["bar"]);
    connect(repo, "bar:network", "core:network");
    return { repo, snap: "bar" };
  }],
  // A bluez snap is the service on a core device; on classic snapd gives its
  // slot no rules (the distribution's bluetoothd is assumed).
  ["foo-blue-bluez-slot", () => {
    const repo = repoWith(["foo-blue", "baz"], { ...DEFAULT_DEVICE, mode: "core" });
    connect(repo, "baz:bluez", "foo-blue:bluez");
    return { repo, snap: "foo-blue" };
  }],
  ["hello-docker", () => {
    const repo = repoWith(["docker", "hello-docker"]);
    connect(repo, "hello-docker:docker", "docker:docker-daemon");
    connect(repo, "hello-docker:docker-executables", "docker:docker-executables");
    return { repo, snap: "hello-docker" };
  }],
];

describe("golden files", () => {
  it.each(scenarios)("%s renders as reviewed, and the parser accepts it", async (name, make) => {
    const { repo, snap } = make();
    const plan = planSnap(paths, repo, registry, repo.snap(snap)!);
    const dir = path.join(GOLDEN, name);
    const tmp = await mkdtemp(path.join(tmpdir(), "golden-"));
    try {
      for (const [file, content] of plan) {
        const golden = path.join(dir, path.basename(file));
        if (process.env["UPDATE_GOLDEN"]) {
          mkdirSync(dir, { recursive: true });
          writeFileSync(golden, content);
        }
        expect(content, `${golden} differs; rerun with UPDATE_GOLDEN=1 and review`).toBe(readFileSync(golden, "utf8"));
        if (path.dirname(file) === paths.apparmorProfilesDir) {
          const f = path.join(tmp, path.basename(file));
          await writeFile(f, content);
          await execa("apparmor_parser", ["-Q", "-K", f]);
        }
      }
    } finally {
      await rm(tmp, { recursive: true, force: true });
    }
  });

  it("rendering is deterministic", () => {
    const [, make] = scenarios[3]!;
    const a = make();
    const b = make();
    expect([...planSnap(paths, a.repo, registry, a.repo.snap(a.snap)!)]).toEqual([...planSnap(paths, b.repo, registry, b.repo.snap(b.snap)!)]);
  });
});
