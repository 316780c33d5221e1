import { describe, expect, it } from "vitest";
import { progressReporter, progressTimingFromEnv } from "./agent.js";

/** A reporter on a clock the test moves by hand. */
function reporter(quietMs: number) {
  let t = 0;
  const lines: Array<{ phase: unknown; done: unknown; total: unknown }> = [];
  const report = progressReporter("json", (_l, _m, f) => void lines.push({ phase: f["phase"], done: f["done"], total: f["total"] }), { quietMs, intervalMs: 1000, now: () => t }, false);
  return { report, lines, advance: (ms: number) => void (t += ms) };
}

describe("progress reporting", () => {
  it("stays quiet during the quiet period, then logs at most once an interval and always the end of a phase", () => {
    const r = reporter(1000);
    r.report("compiling AppArmor profiles", 1, 10);
    r.advance(999);
    r.report("compiling AppArmor profiles", 2, 10);
    expect(r.lines).toEqual([]);
    r.advance(1);
    r.report("compiling AppArmor profiles", 3, 10);
    r.advance(500);
    r.report("compiling AppArmor profiles", 4, 10);
    r.report("compiling AppArmor profiles", 10, 10);
    r.advance(1000);
    r.report("compiling seccomp filters", 1, 5);
    expect(r.lines).toEqual([
      { phase: "compiling AppArmor profiles", done: 3, total: 10 },
      { phase: "compiling AppArmor profiles", done: 10, total: 10 },
      { phase: "compiling seccomp filters", done: 1, total: 5 },
    ]);
  });

  it("reports from the first call with no quiet period", () => {
    const r = reporter(0);
    r.report("writing files", 1, 2);
    expect(r.lines).toEqual([{ phase: "writing files", done: 1, total: 2 }]);
  });

  it("takes the quiet period from PLUGBOARD_PROGRESS_AFTER_MS, ignoring nonsense", () => {
    expect(progressTimingFromEnv({ PLUGBOARD_PROGRESS_AFTER_MS: "0" }).quietMs).toBe(0);
    expect(progressTimingFromEnv({}).quietMs).toBe(1000);
    expect(progressTimingFromEnv({ PLUGBOARD_PROGRESS_AFTER_MS: "-5" }).quietMs).toBe(1000);
    expect(progressTimingFromEnv({ PLUGBOARD_PROGRESS_AFTER_MS: "soon" }).quietMs).toBe(1000);
  });
});
