import type { ScenarioResult } from "../scenarios/flow.js";

/** The per-scenario table: system, scenario, what enforces it, the phases' outcomes, time. */
export function formatTable(results: readonly ScenarioResult[]): string {
  const rows = results.map((r) => [r.system, r.scenario, r.layer, r.steps.join(" → "), `${r.seconds.toFixed(1)}s`, r.skipped ? "skip" : r.ok ? "pass" : "FAIL"]);
  const head = ["System", "Scenario", "Enforced by", "Phases", "Time", "Result"];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: readonly string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join("  ").trimEnd();
  return [line(head), line(widths.map((w) => "-".repeat(w))), ...rows.map(line)].join("\n");
}

/** Per system: how many rows passed (proven), were skipped (unprovable here) and failed. */
export function summarize(results: readonly ScenarioResult[]): string {
  const systems = [...new Set(results.map((r) => r.system))];
  return systems
    .map((s) => {
      const rows = results.filter((r) => r.system === s);
      const passed = rows.filter((r) => r.ok && !r.skipped).length;
      const skipped = rows.filter((r) => r.skipped).length;
      return `${s}: ${passed} passed, ${skipped} skipped, ${rows.length - passed - skipped} failed`;
    })
    .join("; ");
}
