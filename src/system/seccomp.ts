import { randomBytes } from "node:crypto";
import { accessSync, constants as fsConstants, promises as fs } from "node:fs";
import path from "node:path";
import { serializeForCompiler, type SeccompProgram } from "../backends/seccomp/index.js";
import { SystemToolError, ValidationError } from "../errors/index.js";
import { fsyncDir } from "../files/index.js";
import { packageRoot } from "../files/index.js";
import { runTool } from "./run.js";

export interface CompileSeccompOptions {
  /** The compiler binary; default $PLUGBOARD_SECCOMP_COMPILER, else native/build/seccomp-compile of this package. */
  readonly compiler?: string;
  readonly timeoutMs?: number;
}

export interface SeccompCompileItem {
  readonly source: SeccompProgram;
  /** Where the compiled filter (raw struct sock_filter[], as bwrap --seccomp reads it) goes. */
  readonly output: string;
}

/**
 * Compiles programs to BPF filters in one run of the native compiler. Each
 * filter is written to a temporary file beside its output (created, written
 * and fsynced by the compiler); only when every program has compiled are
 * they renamed into place and their directories fsynced. When the compiler
 * fails, no output changes and the temporary files are removed. A refused
 * rule becomes a SystemToolError whose stderr says "FILE:LINE: why".
 */
export async function compileSeccompBatch(items: readonly SeccompCompileItem[], opts: CompileSeccompOptions = {}): Promise<void> {
  if (items.length === 0) return;
  const compiler = opts.compiler ?? seccompCompilerPath();
  try {
    accessSync(compiler, fsConstants.X_OK);
  } catch (e) {
    // A compiler that is there but cannot run (no execute bit, or a
    // filesystem mounted noexec) needs a different fix than a missing one.
    const present = (e as NodeJS.ErrnoException).code !== "ENOENT";
    throw new SystemToolError(
      [compiler],
      null,
      "",
      present
        ? `the seccomp compiler ${compiler} cannot be executed: give it the execute permission, or move the package off a filesystem mounted noexec, or set PLUGBOARD_SECCOMP_COMPILER`
        : `the seccomp compiler ${compiler} has not been built: run \`npm run build\` (it needs cc and libseccomp-dev), or set PLUGBOARD_SECCOMP_COMPILER`,
    );
  }

  const jobs = items.map((item) => {
    const output = path.resolve(item.output);
    if (/[\r\n]/.test(output)) throw new ValidationError(`seccomp filter path ${JSON.stringify(output)} contains a line break`);
    const tmp = path.join(path.dirname(output), `.${path.basename(output)}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`);
    return { output, tmp, source: item.source };
  });
  const outputs = new Set<string>();
  for (const j of jobs) {
    if (outputs.has(j.output)) throw new ValidationError(`seccomp filter ${j.output} is listed twice in one batch`);
    outputs.add(j.output);
  }
  const dirs = [...new Set(jobs.map((j) => path.dirname(j.output)))];
  for (const d of dirs) await fs.mkdir(d, { recursive: true });

  const input = jobs.map((j) => `@@ ${j.tmp}\n${serializeForCompiler(j.source)}`).join("");
  const cleanup = () => Promise.all(jobs.map((j) => fs.rm(j.tmp, { force: true })));
  try {
    await runTool([compiler], { input, timeoutMs: opts.timeoutMs ?? 120_000 });
    for (const j of jobs) await fs.rename(j.tmp, j.output);
  } catch (e) {
    // A rename that failed part way leaves earlier outputs replaced: each
    // file is atomic, the batch is not.
    await cleanup();
    throw e;
  }
  for (const d of dirs) await fsyncDir(d);
}

/**
 * The compiler binary: $PLUGBOARD_SECCOMP_COMPILER, else
 * native/build/seccomp-compile under the package root, found by walking up
 * from this module to the package.json named "plugboard" (this file runs
 * from src/system/ under vitest and from dist/ once bundled).
 */
export function seccompCompilerPath(): string {
  const override = process.env["PLUGBOARD_SECCOMP_COMPILER"];
  if (override) return override;
  return path.join(packageRoot(), "native", "build", "seccomp-compile");
}

