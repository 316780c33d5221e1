// The scale benchmarks' driver: builds the 10/100/500-snap systems, runs each
// measurement, prints one table and returns the rows for the JSON report.
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { agentIdleRss, apiLatency, buildSystem, cliLatency, coldRegeneration, connectTargets, oneConnect, warmRestart, type ConnectResult, type Row } from "./scale.js";

export interface ScaleReport {
  readonly rows: Row[];
  readonly connects: ConnectResult[];
}

export async function runScale(quick: boolean, log: (s: string) => void): Promise<ScaleReport> {
  const sizes = quick ? [10, 100] : [10, 100, 500];
  // Quick keeps the 100-snap system (the acceptance figures) and repeats less.
  const runs = quick ? 2 : 5;
  const rows: Row[] = [];
  const scratch = await mkdtemp(path.join(os.tmpdir(), "plugboard-bench-scratch-"));
  const connects: ConnectResult[] = [];
  try {
    for (const n of sizes) {
      log(`system of ${n} snaps:`);
      const { root, snaps } = await buildSystem(n, log);
      try {
        rows.push(...(await coldRegeneration(root, n, runs)));
        rows.push(await warmRestart(root, n, runs));
        if (n === 100) {
          for (const t of connectTargets(snaps)) {
            const c = await oneConnect(root, n, t, runs, scratch);
            rows.push(c.row);
            connects.push(c);
          }
        }
        if (n === sizes.at(-1)) rows.push(...(await cliLatency(root, n, quick ? 3 : 10)));
        if (n >= 100) rows.push(await agentIdleRss(root, n));
        rows.push(...(await apiLatency(root, n, connectTargets(snaps)[0], quick ? 3 : 10)));
      } finally {
        await rm(root, { recursive: true, force: true });
      }
    }
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
  if (connects.length === 0) throw new Error("the 100-snap system had nothing to connect");
  return { rows, connects };
}

export function formatScale(rows: readonly Row[]): string {
  const f = (x: number | undefined) => (x === undefined ? "-" : x.toFixed(x < 1 ? 3 : 2));
  const head = ["case", "snaps", "wall s (median)", "min", "max", "cpu s", "RSS MiB", "note"];
  const body = rows.map((r) => [r.case, String(r.snaps), f(r.wallS.median), f(r.wallS.min), f(r.wallS.max), f(r.cpuS?.median), r.peakRssMiB === undefined ? "-" : r.peakRssMiB.toFixed(1), r.note ?? ""]);
  const w = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i]!.length)));
  const line = (c: readonly string[]) => c.map((x, i) => (i === 0 || i === 7 ? x.padEnd(w[i]!) : x.padStart(w[i]!))).join("  ").trimEnd();
  return [line(head), ...body.map(line)].join("\n");
}
