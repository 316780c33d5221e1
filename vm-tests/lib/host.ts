// Plugboard's CLI on the host, run against a system's root directory exactly
// as a user runs it: the profiles it renders are compiled by the real
// apparmor_parser (-Q here) and its seccomp filters by the real compiler.
import path from "node:path";
import { execa } from "execa";
import { packageRoot as repoRoot } from "../../src/files/index.js";

export interface CliRun {
  readonly exitCode: number;
  readonly stdout: string;
  readonly stderr: string;
}

export class CliError extends Error {
  override name = "CliError";
}

export async function plugboard(root: string, args: readonly string[], opts: { env?: Record<string, string>; input?: string } = {}): Promise<CliRun> {
  const r = await execa(process.execPath, [path.join(repoRoot(), "bin/plugboard.js"), "--root", root, ...args], {
    reject: false,
    env: { PLUGBOARD_ROOT: "", ...opts.env },
    ...(opts.input !== undefined ? { input: opts.input } : {}),
  });
  return { exitCode: r.exitCode ?? -1, stdout: r.stdout, stderr: r.stderr };
}

export async function mustPlugboard(root: string, args: readonly string[], opts: { env?: Record<string, string>; input?: string } = {}): Promise<string> {
  const r = await plugboard(root, args, opts);
  if (r.exitCode !== 0) throw new CliError(`plugboard ${args.join(" ")} exited ${r.exitCode}: ${r.stderr || r.stdout}`);
  return r.stdout;
}
