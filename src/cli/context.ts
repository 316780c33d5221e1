import type { Command } from "commander";
import { readFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
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

/** The user's signing keys: $PLUGBOARD_KEYS, else $XDG_DATA_HOME/plugboard/keys, else ~/.local/share/plugboard/keys. */
export function keysDirFrom(): string {
  const env = process.env;
  if (env["PLUGBOARD_KEYS"]) return env["PLUGBOARD_KEYS"];
  const data = env["XDG_DATA_HOME"] || path.join(os.homedir(), ".local/share");
  return path.join(data, "plugboard/keys");
}

/** A file's text, or standard input for "-". */
export async function readInput(file: string): Promise<string> {
  if (file !== "-") return readFile(file, "utf8");
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}
