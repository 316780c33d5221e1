// Benchmarks: CLI latency on a small system, then the scale benchmarks
// (bench/scale.ts: cold and warm regeneration, one connect, CLI latency and
// agent memory on systems of 10, 100 and 500 generated snaps).
// Usage: npm run bench [-- --quick] [-- --json FILE]
import { build } from "esbuild";
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os, { tmpdir } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";

const here = path.dirname(new URL(import.meta.url).pathname);
const repo = path.resolve(here, "..");
const bin = path.join(repo, "bin/plugboard.js");
const rssProbe = path.join(here, "rss-probe.mjs");
const args = process.argv.slice(2);
const quick = args.includes("--quick");
const jsonOut = args.includes("--json") ? args[args.indexOf("--json") + 1] : undefined;
const runs = quick ? 5 : 40;

const root = mkdtempSync(path.join(tmpdir(), "plugboard-bench-"));
const pb = (...a) => {
  const r = spawnSync(process.execPath, [bin, "--root", root, ...a], { encoding: "utf8" });
  if (r.status !== 0) throw new Error(`plugboard ${a.join(" ")} failed: ${r.stderr}`);
};
for (const s of ["foo", "bar", "foo-blue", "baz"]) pb("install", "--dangerous", path.join(repo, "examples/snaps", s));

const cases = [
  // The floor: starting Node itself with nothing to run.
  { name: "node -e 0 (floor)", argv: ["-e", "0"] },
  { name: "--help", args: ["--help"] },
  { name: "interfaces (4 snaps)", args: ["interfaces"] },
  { name: "connections --all (4 snaps)", args: ["connections", "--all"] },
  { name: "connect + disconnect (4 snaps)", args: ["connect", "foo:camera", ":camera"], after: ["disconnect", "foo:camera"] },
];

const stats = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const q = (p) => s[Math.min(s.length - 1, Math.floor(p * s.length))];
  return { median: q(0.5), p10: q(0.1), p90: q(0.9), min: s[0], max: s[s.length - 1] };
};

const results = [];
for (const c of cases) {
  const wall = [];
  for (let i = 0; i < runs + 2; i++) {
    const t0 = performance.now();
    const r = spawnSync(process.execPath, c.argv ?? [bin, "--root", root, ...c.args], { encoding: "utf8" });
    const dt = performance.now() - t0;
    if (r.status !== 0) throw new Error(`${c.name}: ${r.stderr}`);
    if (c.after) pb(...c.after);
    if (i >= 2) wall.push(dt); // the first runs warm the page cache
  }
  // Peak RSS is measured in separate runs so the probe does not colour wall times.
  const rss = spawnSync(process.execPath, ["--import", rssProbe, ...(c.argv ?? [bin, "--root", root, ...c.args])], { encoding: "utf8" });
  if (c.after) pb(...c.after);
  const peakRssMiB = Number(/PEAK_RSS_KB=(\d+)/.exec(rss.stderr)?.[1] ?? NaN) / 1024;
  results.push({ name: c.name, runs, wallMs: stats(wall), peakRssMiB });
}
rmSync(root, { recursive: true, force: true });

const f = (x) => x.toFixed(1);
console.log(`node ${process.version}, ${runs} runs each (after 2 warm-up runs)`);
console.log("case".padEnd(34) + "median ms  p10 ms  p90 ms  max ms  peak RSS MiB");
for (const r of results) {
  console.log(
    r.name.padEnd(34) +
      f(r.wallMs.median).padStart(9) + f(r.wallMs.p10).padStart(8) + f(r.wallMs.p90).padStart(8) + f(r.wallMs.max).padStart(8) +
      f(r.peakRssMiB).padStart(14),
  );
}

// The scale benchmarks import Plugboard's own modules (render-only timing), so they are bundled first.
const scaleOut = path.join(repo, "dist-bench/scale.mjs");
await build({
  entryPoints: [path.join(here, "scale-main.ts")],
  outfile: scaleOut,
  bundle: true,
  format: "esm",
  platform: "node",
  target: "node20",
  logLevel: "warning",
  banner: { js: 'import { createRequire as __pbCreateRequire } from "node:module"; const require = __pbCreateRequire(import.meta.url);' },
});
const { runScale, formatScale } = await import(scaleOut);
const started = performance.now();
const scale = await runScale(quick, (s) => console.log(s));
console.log(`\nscale benchmarks (${quick ? "quick: 10 and 100 snaps, 2 runs" : "10, 100 and 500 snaps, 5 runs"}; ${((performance.now() - started) / 1000).toFixed(0)}s)`);
console.log(formatScale(scale.rows));
for (const c of scale.connects) {
  console.log(`\nconnect ${c.plug} ${c.slot}:\n  rewrote ${c.rewritten.join(", ") || "nothing"}\n  compiled ${c.compiled.join(", ") || "nothing"}`);
  if (c.strays.length) {
    console.error(`error: the connect touched files of other snaps: ${c.strays.join(", ")}`);
    process.exitCode = 1;
  }
}
if (jsonOut) writeFileSync(jsonOut, JSON.stringify({ node: process.version, cores: os.availableParallelism(), results, scale }, null, 2) + "\n");
