import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { builtinRegistry } from "../interfaces/index.js";
import { ValidationError } from "../src/errors/index.js";
import { sanitizeSnap } from "../src/repo/index.js";
import { parseSnapYaml, type SnapInfo } from "../src/snap/index.js";

const CORPUS = path.resolve(import.meta.dirname, "fixtures/corpus");
const files = readdirSync(CORPUS).filter((f) => f.endsWith(".yaml")).sort();

// Files that snapcraft and snapd refuse too, each with the reason we must give.
const EXPECTED_FAILURES: Record<string, RegExp> = {
  // Templates with a placeholder instead of a name.
  "canonical__iot-field-gadget-snap__snap_snapcraft.yaml": /name: invalid snap name "<platform>"/,
  "canonical__iot-field-kernel-snap__snap_snapcraft.yaml": /name: invalid snap name "<platform>-kernel"/,
  "woodrow-shen__kernel-snap__snapcraft.yaml": /name: invalid snap name "Generic amd64 kernel snap"/,
  // The same key twice in one map: snapd's YAML reader refuses it as well.
  "taiten__nitrogen6x-gadget-snap__snap_snapcraft.yaml": /cannot parse YAML \(line 42, column 5\): Map keys must be unique/,
};

describe("the snapcraft.yaml corpus", () => {
  const parsed = new Map<string, SnapInfo>();
  const failed = new Map<string, string>();
  for (const f of files) {
    try {
      parsed.set(f, parseSnapYaml(readFileSync(path.join(CORPUS, f), "utf8"), { file: f, flavour: "snapcraft.yaml" }));
    } catch (e) {
      if (!(e instanceof ValidationError)) throw e;
      failed.set(f, e.message);
    }
  }

  it("has the 220 files it is expected to have", () => {
    expect(files).toHaveLength(220);
  });

  it("parses every file except those snapd would refuse, which fail with a precise error", () => {
    console.log(`corpus: ${parsed.size} of ${files.length} snapcraft.yaml files parsed; ${failed.size} refused as expected`);
    expect([...failed.keys()].sort()).toEqual(Object.keys(EXPECTED_FAILURES).sort());
    for (const [f, re] of Object.entries(EXPECTED_FAILURES)) expect(failed.get(f)).toMatch(re);
    for (const [f, msg] of failed) expect(msg.startsWith(`${f}: `)).toBe(true);
  });

  it("reads plugs and slots the way the files declare them", () => {
    // Spot checks against the files' text.
    const docker = parsed.get("canonical__docker-snap__snap_snapcraft.yaml")!;
    expect(docker.slots["docker-executables"]).toMatchObject({ interface: "content", attrs: { content: "docker-executables", read: ["."] } });
    expect(docker.plugs["docker-cli"]).toMatchObject({ interface: "docker" });
    for (const info of parsed.values()) {
      for (const app of Object.values(info.apps)) {
        for (const p of app.plugs) expect(info.plugs[p]?.apps).toContain(app.name);
        for (const s of app.slots) expect(info.slots[s]?.apps).toContain(app.name);
      }
    }
  });

  it("never crashes when the parsed snaps meet the interface registry", () => {
    const registry = builtinRegistry();
    let fullyKnown = 0;
    for (const info of parsed.values()) {
      const { bad } = sanitizeSnap(info, registry);
      if (bad.length === 0) fullyKnown++;
      for (const b of bad) expect(b.reason).toMatch(/unknown interface|plug:|slot:/);
    }
    console.log(`corpus: ${fullyKnown} of ${parsed.size} parsed snaps use only interfaces this build knows`);
    // Every interface the corpus uses that snapd itself knows (the reference table) is built in;
    // what is left unknown is missing from that table too.
    const reference = new Set(
      readFileSync(path.resolve(import.meta.dirname, "fixtures/iface-policy.tsv"), "utf8").trim().split("\n").slice(1).map((l) => l.split("\t")[0]!),
    );
    const unknown = new Set<string>();
    for (const info of parsed.values()) {
      for (const b of sanitizeSnap(info, registry).bad) {
        const m = /^unknown interface "(.+)"$/.exec(b.reason);
        // snapcraft expands its own build variables; left unexpanded, they are refused as path characters.
        if (!m && /\$\{?(SNAPCRAFT|CRAFT)_/.test(b.reason)) continue;
        expect(m, `${info.name}: ${b.name}: ${b.reason}`).not.toBeNull();
        unknown.add(m![1]!);
      }
    }
    console.log(`corpus: interfaces unknown to this build: ${[...unknown].sort().join(", ")}`);
    for (const name of unknown) expect(reference.has(name), name).toBe(false);
  });
});
