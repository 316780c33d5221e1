import type { Command } from "commander";
import type { InstallResult } from "../../ops/index.js";
import { jsonWanted, pathsFrom, printJson } from "../context.js";

export function register(program: Command): void {
  program
    .command("install")
    .description("install a snap from a directory, a snap.yaml or a .snap file; installing an installed name refreshes it")
    .argument("<path>", "directory with meta/snap.yaml, a snap.yaml file, or a .snap file")
    .option("--dangerous", "install without a snap-declaration (unsigned local snap)")
    .option("--classic", "accept a snap with classic (unconfined) confinement")
    .option("--devmode", "accept a snap in devmode (denials are only logged)")
    .option("--provider-dir <dir>", "where default providers of content plugs are found (default: <root>/var/lib/plugboard/available)")
    .option("--dry-run", "print the generated files that would change, as a unified diff; change nothing")
    .option("--json", "print the result as JSON")
    .action(async (source: string, opts: { dangerous?: boolean; classic?: boolean; devmode?: boolean; providerDir?: string; dryRun?: boolean }, cmd: Command) => {
      const [{ installSnap }, { printDryRun, filesJson, warnIfNotLoaded }] = await Promise.all([import("../../ops/index.js"), import("../files.js")]);
      const r = await installSnap(pathsFrom(cmd), source, opts);
      if (opts.dryRun) return printDryRun(r.files);
      warnIfNotLoaded(r.files, pathsFrom(cmd).root);
      if (jsonWanted(cmd)) return printJson({ ...r, files: filesJson(r.files) });
      const report = (x: InstallResult): void => {
        for (const p of x.providers) report(p);
        for (const w of x.warnings) process.stderr.write(`WARNING: ${w}\n`);
        for (const d of x.droppedConnections) process.stderr.write(`WARNING: connection ${d} no longer fits the new revision and was removed\n`);
        process.stdout.write(`${x.name} ${x.version ?? ""} (${x.revision}) ${x.refreshed ? "refreshed" : "installed"}\n`.replace("  (", " ("));
        for (const c of x.autoConnected) process.stdout.write(`  auto-connected ${c}\n`);
      };
      report(r);
    });
}
