import type { SeccompCompiler } from "../apply/index.js";
import { parseSeccompSource } from "../backends/seccomp/source.js";
import type { Paths } from "../paths/index.js";
import { compileSeccompBatch } from "../system/index.js";

/** Parses each changed source (resolving users and groups under the root) and compiles them in one batch. */
export function seccompCompiler(paths: Paths): SeccompCompiler {
  return async (items) => {
    if (items.length === 0) return;
    await compileSeccompBatch(items.map((i) => ({ source: parseSeccompSource(i.source, i.sourceFile, { root: paths.root }), output: i.output })));
  };
}
