import { existsSync } from "node:fs";
import os from "node:os";
import { runTool } from "./run.js";

const PARSER = process.env["PLUGBOARD_APPARMOR_PARSER"] ?? "apparmor_parser";

/**
 * How long one parser run may take before it is killed and the change rolled
 * back: PLUGBOARD_APPARMOR_TIMEOUT_MS (milliseconds), default 120 s. Compiling
 * hundreds of profiles on a slow board can take a minute, so the default is
 * generous; tests of a hanging parser set a short one so they need not wait.
 */
export function parserTimeoutMs(fallback: number): number {
  const v = Number(process.env["PLUGBOARD_APPARMOR_TIMEOUT_MS"]);
  return Number.isInteger(v) && v > 0 ? v : fallback;
}

/** Whether profiles can be loaded: the kernel has AppArmor and we operate on the real root. */
/** Whether this kernel enforces AppArmor (securityfs shows it). */
export function kernelHasAppArmor(): boolean {
  return existsSync("/sys/kernel/security/apparmor");
}

export function apparmorCanLoad(root: string): boolean {
  return root === "/" && existsSync("/sys/kernel/security/apparmor");
}

export interface ParserOptions {
  readonly load: boolean;
  readonly cacheDir: string;
  readonly timeoutMs?: number;
}

/**
 * Compiles (and, when loading, replaces in the kernel and caches) a batch of
 * profile files in one parser run. Without loading, -Q still proves every
 * profile valid.
 */
export async function apparmorReplace(files: readonly string[], opts: ParserOptions): Promise<void> {
  if (files.length === 0) return;
  const jobs = `-j${Math.max(1, Math.min(files.length, os.availableParallelism()))}`;
  const args = opts.load
    ? [PARSER, "--replace", "--write-cache", "--skip-read-cache", `--cache-loc=${opts.cacheDir}`, jobs, ...files]
    : [PARSER, "-Q", "-K", jobs, ...files];
  await runTool(args, { timeoutMs: opts.timeoutMs ?? parserTimeoutMs(120_000) });
}

/** Unloads profiles from the kernel (by the files that define them). */
export async function apparmorRemove(files: readonly string[]): Promise<void> {
  if (files.length === 0) return;
  await runTool([PARSER, "-R", ...files], { timeoutMs: parserTimeoutMs(60_000) });
}
