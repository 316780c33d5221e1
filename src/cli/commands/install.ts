import type { Command } from "commander";
import { jsonWanted, pathsFrom, printJson } from "../context.js";

export function register(program: Command): void {
  program
    .command("install")
    .description("install a snap from a directory, a snap.yaml or a .snap file; installing an installed name refreshes it")
    .argument("<path>", "directory with meta/snap.yaml, a snap.yaml file, or a .snap file")
    .option("--dangerous", "install without a snap-declaration (unsigned local snap)")
    .option("--classic", "accept a snap with classic (unconfined) confinement")
    .option("--devmode", "accept a snap in devmode (denials are only logged)")
    .option("--json", "print the result as JSON")
    .action(async (source: string, opts: { dangerous?: boolean; classic?: boolean; devmode?: boolean }, cmd: Command) => {
      const { installSnap } = await import("../../ops/index.js");
      const r = await installSnap(pathsFrom(cmd), source, opts);
      if (jsonWanted(cmd)) return printJson(r);
      for (const w of r.warnings) process.stderr.write(`WARNING: ${w}\n`);
      for (const d of r.droppedConnections) process.stderr.write(`WARNING: connection ${d} no longer fits the new revision and was removed\n`);
      process.stdout.write(`${r.name} ${r.version ?? ""} (${r.revision}) ${r.refreshed ? "refreshed" : "installed"}\n`.replace("  (", " ("));
    });
}
