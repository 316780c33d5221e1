import { existsSync, statSync } from "node:fs";
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

/** Where the distribution's parser keeps its feature ABIs. */
export const ABI_DIR = "/etc/apparmor.d/abi";

/**
 * The feature ABI every profile is compiled against, chosen as snapd chooses
 * it for the distribution's parser: 5.0 where the parser ships it, otherwise
 * 3.0 (snapd passes over 4.0, whose message-queue mediation it found faulty),
 * otherwise none, and the parser uses its configured default. Profiles carry
 * no abi rule, so this pin alone decides what the kernel mediates: with 5.0
 * a kernel with fine-grained AF_UNIX mediation checks a connect to a pathname
 * socket against the profile's file rules, which is what the interfaces grant.
 */
export function choosePolicyFeatures(isFile: (file: string) => boolean, abiDir = ABI_DIR): string | undefined {
  return POLICY_ABIS.map((v) => `${abiDir}/${v}`).find(isFile);
}

/** The feature ABIs Plugboard pins profiles to, the most preferred first. */
export const POLICY_ABIS = ["5.0", "3.0"] as const;

const isRegularFile = (file: string): boolean => {
  try {
    return statSync(file).isFile();
  } catch {
    return false;
  }
};

let policyFeatures: { file: string | undefined } | undefined;

/** The pinned feature ABI on this host (looked up once per process). */
export function policyFeaturesFile(): string | undefined {
  policyFeatures ??= { file: choosePolicyFeatures(isRegularFile) };
  return policyFeatures.file;
}

const policyArgs = (): string[] => {
  const file = policyFeaturesFile();
  return file === undefined ? [] : [`--policy-features=${file}`];
};

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
    ? [PARSER, ...policyArgs(), "--replace", "--write-cache", "--skip-read-cache", `--cache-loc=${opts.cacheDir}`, jobs, ...files]
    : [PARSER, ...policyArgs(), "-Q", "-K", jobs, ...files];
  await runTool(args, { timeoutMs: opts.timeoutMs ?? parserTimeoutMs(120_000) });
}

/** Unloads profiles from the kernel (by the files that define them). */
export async function apparmorRemove(files: readonly string[]): Promise<void> {
  if (files.length === 0) return;
  await runTool([PARSER, ...policyArgs(), "-R", ...files], { timeoutMs: parserTimeoutMs(60_000) });
}
