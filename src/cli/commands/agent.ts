import type { Command } from "commander";
import { pathsFrom } from "../context.js";

export function register(program: Command): void {
  program
    .command("agent")
    .description("run in the foreground: converge files to the recorded state, install seeds, and follow every change")
    .option("--log-format <format>", "human or json", "human")
    .option("--once", "converge once and exit")
    .action(async (opts: { logFormat: string; once?: boolean }, cmd: Command) => {
      const [{ runAgent }, { UsageError }] = await Promise.all([import("../../agent/index.js"), import("../../errors/index.js")]);
      if (opts.logFormat !== "human" && opts.logFormat !== "json") throw new UsageError("--log-format must be human or json");
      await runAgent(pathsFrom(cmd), { logFormat: opts.logFormat, once: opts.once === true });
    });
}
