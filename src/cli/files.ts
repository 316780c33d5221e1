import type { FileChanges } from "../ops/index.js";

/** For --dry-run: the unified diff of every file that would change. */
export async function printDryRun(files: FileChanges): Promise<void> {
  const { createTwoFilesPatch } = await import("diff");
  const out: string[] = [];
  for (const [file, [before, after]] of [...files.diff.changed].sort(([a], [b]) => (a < b ? -1 : 1))) {
    out.push(createTwoFilesPatch(before === undefined ? "/dev/null" : file, file, before ?? "", after, "", "", { context: 3 }));
  }
  for (const [file, before] of [...files.diff.removed].sort(([a], [b]) => (a < b ? -1 : 1))) {
    out.push(createTwoFilesPatch(file, "/dev/null", before, "", "", "", { context: 3 }));
  }
  process.stdout.write(out.length ? out.join("") : "no generated file would change\n");
}

/** The part of a change report worth showing as JSON. */
export function filesJson(files: FileChanges): object {
  return {
    dryRun: files.dryRun,
    written: [...files.diff.changed.keys()].sort(),
    removed: [...files.diff.removed.keys()].sort(),
    loaded: files.report?.loaded ?? false,
  };
}

/**
 * On the real root of a machine whose kernel has no AppArmor, say that the
 * profiles were only compiled: the snap then runs with seccomp alone.
 */
export function warnIfNotLoaded(files: FileChanges, root: string): void {
  for (const line of files.report?.modulesNotLoaded ?? []) process.stderr.write(`WARNING: ${line}\n`);
  if (files.dryRun || root !== "/" || !files.report || files.report.loaded || files.report.profilesCompiled === 0) return;
  process.stderr.write(`WARNING: ${files.report.profilesCompiled} AppArmor profile(s) compiled, not loaded: this kernel has no AppArmor\n`);
}
