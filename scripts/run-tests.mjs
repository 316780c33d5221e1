// Type-checks, runs the vitest suite, and ends with a plain
// "N passed, N failed" line that any CI can read.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

const run = (cmd, args) => spawnSync(cmd, args, { stdio: "inherit" }).status ?? 1;
const npx = (args) => run(process.execPath, [path.resolve("node_modules", args[0], args[1]), ...args.slice(2)]);

if (npx(["typescript", "bin/tsc", "-p", "tsconfig.json", "--noEmit"]) !== 0) {
  console.log("0 passed, 1 failed");
  process.exit(1);
}
const dir = mkdtempSync(path.join(tmpdir(), "plugboard-vitest-"));
const report = path.join(dir, "report.json");
const status = npx(["vitest", "vitest.mjs", "run", "--reporter=default", "--reporter=json", `--outputFile.json=${report}`, ...process.argv.slice(2)]);
let passed = 0;
let failed = status === 0 ? 0 : 1;
let skipped = 0;
try {
  const r = JSON.parse(readFileSync(report, "utf8"));
  passed = r.numPassedTests;
  // A test file that fails to load has no failed tests of its own but is a failure.
  const unloadable = (r.testResults ?? []).filter((t) => t.status === "failed" && (t.assertionResults ?? []).length === 0).length;
  failed = r.numFailedTests + unloadable;
  if (status !== 0 && failed === 0) failed = 1;
  skipped = r.numPendingTests + (r.numTodoTests ?? 0);
} catch {
  // No report: vitest failed before running; counted as one failure above.
}
rmSync(dir, { recursive: true, force: true });
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`);
process.exit(status);
