import type { Command } from "commander";
import { pathsFrom } from "../context.js";

export function register(program: Command): void {
  program
    .command("run")
    .description("run an app confined by its seccomp filter (and AppArmor profile where the kernel has AppArmor)")
    .argument("<snap.app>", "the app to run")
    .argument("[args...]", "arguments for the app (after --)")
    .option("--shell", "run a shell confined as the app instead of its command")
    .action(async (target: string, args: string[], opts: { shell?: boolean }, cmd: Command) => {
      const { runApp } = await import("../../ops/index.js");
      const warn = (message: string) => void process.stderr.write(`warning: ${message}\n`);
      process.exitCode = await runApp(pathsFrom(cmd), target, { shell: opts.shell === true, args, warn });
    });
}
