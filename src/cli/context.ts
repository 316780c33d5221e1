import type { Command } from "commander";
import { makePaths, type Paths } from "../paths/index.js";

/** The root directory from --root, then PLUGBOARD_ROOT, then "/". */
export function pathsFrom(cmd: Command): Paths {
  const opts = cmd.optsWithGlobals<{ root?: string }>();
  return makePaths(opts.root ?? process.env["PLUGBOARD_ROOT"] ?? "/");
}

export function jsonWanted(cmd: Command): boolean {
  return cmd.opts<{ json?: boolean }>().json === true;
}

export function printJson(value: unknown): void {
  process.stdout.write(JSON.stringify(value, null, 2) + "\n");
}
