// Synthetic but realistic systems for the benchmarks: N snaps, each with 1–5
// apps and a configure hook, plugs drawn with the frequencies seen in the
// snapcraft.yaml corpus (bench/plug-frequencies.json), and content provider
// snaps that about one consumer in six plugs into. Deterministic for a seed.
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import frequencies from "./plug-frequencies.json" with { type: "json" };

/** A small deterministic generator (mulberry32): the same seed gives the same system. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface GeneratedSnap {
  readonly name: string;
  readonly yaml: string;
  /** Plugs left unconnected that a benchmark can connect by hand (SNAP:PLUG). */
  readonly manual: readonly string[];
}

const counts = frequencies.counts as Record<string, number>;
const total = frequencies.snaps;
// Interfaces connected by hand on every system (the system's implicit slots).
const MANUAL = new Set(["camera", "hardware-observe", "log-observe", "mount-observe", "system-observe", "process-control", "joystick", "raw-usb", "network-observe"]);

export function generateSystem(n: number, seed = 1): GeneratedSnap[] {
  const r = rng(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;
  const providers = Math.max(1, Math.round(n / 20));
  const out: GeneratedSnap[] = [];
  for (let p = 0; p < providers; p++) {
    const name = `provider-${p}`;
    out.push({
      name,
      manual: [],
      yaml: [
        `name: ${name}`,
        'version: "1"',
        "summary: shares data with the benchmark snaps",
        "apps:",
        "  serve:",
        "    command: bin/serve",
        "    plugs: [network-bind]",
        "slots:",
        "  shared:",
        "    interface: content",
        `    content: bench-data-${p}`,
        "    read:",
        "      - $SNAP/share",
        "",
      ].join("\n"),
    });
  }
  for (let i = 0; out.length < n + providers; i++) {
    const name = `bench-${i}`;
    // Each interface is used by a snap with the probability the corpus shows.
    const plugs = Object.entries(counts)
      .filter(([, c]) => r() < c / total)
      .map(([iface]) => iface);
    if (plugs.length === 0) plugs.push("network");
    const appCount = 1 + Math.floor(r() * 5);
    const apps: string[] = [];
    for (let a = 0; a < appCount; a++) {
      // Apps take a random subset of the snap's plugs, at least one.
      const mine = plugs.filter(() => r() < 0.7);
      if (mine.length === 0) mine.push(pick(plugs));
      apps.push(`  app${a}:\n    command: bin/app${a}\n    plugs: [${mine.join(", ")}${r() < frequencies.contentPerSnap ? ", shared" : ""}]`);
    }
    const provider = Math.floor(r() * providers);
    const usesContent = apps.some((a) => a.includes("shared"));
    const yaml = [
      `name: ${name}`,
      'version: "1"',
      "summary: a generated benchmark snap",
      "apps:",
      ...apps,
      "hooks:",
      "  configure:",
      `    plugs: [${plugs[0]}]`,
      ...(usesContent
        ? ["plugs:", "  shared:", "    interface: content", `    content: bench-data-${provider}`, "    target: $SNAP/ext", `    default-provider: provider-${provider}`]
        : []),
      "",
    ].join("\n");
    out.push({ name, yaml, manual: plugs.filter((p) => MANUAL.has(p)).map((p) => `${name}:${p}`) });
  }
  return out;
}

/** Writes each snap as a directory (meta/snap.yaml) under dir, providers first. */
export async function writeSnaps(dir: string, snaps: readonly GeneratedSnap[]): Promise<void> {
  for (const s of snaps) {
    await mkdir(path.join(dir, s.name, "meta"), { recursive: true });
    await writeFile(path.join(dir, s.name, "meta/snap.yaml"), s.yaml);
  }
}
