import { execa } from "execa";
import { mkdtemp, readFile, readdir, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

export const REPO = path.resolve(import.meta.dirname, "../..");
export const BIN = path.join(REPO, "bin/plugboard.js");
export const EXAMPLES = path.join(REPO, "examples/snaps");

export interface CliResult {
  readonly exitCode: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the bundled CLI against a root directory, as a user would. */
export async function cli(root: string, ...args: string[]): Promise<CliResult> {
  return cliWith({}, root, ...args);
}

/** cli() with extra environment and, optionally, standard input. */
export async function cliWith(opts: { env?: Record<string, string>; input?: string }, root: string, ...args: string[]): Promise<CliResult> {
  const r = await execa(process.execPath, [BIN, "--root", root, ...args], {
    reject: false,
    env: { PLUGBOARD_ROOT: "", ...opts.env },
    ...(opts.input !== undefined ? { input: opts.input } : {}),
  });
  return { exitCode: r.exitCode ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** Like cli() but fails the test with the CLI's stderr when it does not succeed. */
export async function ok(root: string, ...args: string[]): Promise<string> {
  const r = await cli(root, ...args);
  if (r.exitCode !== 0) throw new Error(`plugboard ${args.join(" ")} exited ${r.exitCode}: ${r.stderr}`);
  return r.stdout;
}

export async function tempRoot(): Promise<{ root: string; cleanup: () => Promise<void> }> {
  const root = await mkdtemp(path.join(tmpdir(), "plugboard-test-"));
  return { root, cleanup: () => rm(root, { recursive: true, force: true }) };
}

/** Every file under dir with its content, for before/after comparisons. */
export async function snapshotTree(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  const walk = async (d: string): Promise<void> => {
    let entries;
    try {
      entries = await readdir(d, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) await walk(p);
      // The agent's API sockets are not files to compare.
      else if (e.isSocket()) continue;
      else {
        // A file renamed away between listing and reading (a running agent's temporary) is skipped.
        const content = await readFile(p, "utf8").catch((e: NodeJS.ErrnoException) => (e.code === "ENOENT" ? undefined : Promise.reject(e)));
        if (content !== undefined) out[path.relative(dir, p)] = content;
      }
    }
  };
  if (await stat(dir).catch(() => null)) await walk(dir);
  return out;
}

/** Parses the two-column `interfaces` table into [slot, plug] pairs. */
export function interfacesRows(table: string): [string, string][] {
  return table
    .trim()
    .split("\n")
    .slice(1)
    .map((l) => l.trim().split(/\s{2,}/) as [string, string]);
}

/** Writes a snap directory (meta/snap.yaml) under root's parent scratch area and returns its path. */
export async function writeSnapDir(base: string, name: string, yaml: string): Promise<string> {
  const { mkdir, writeFile } = await import("node:fs/promises");
  const dir = path.join(base, "src-snaps", name);
  await mkdir(path.join(dir, "meta"), { recursive: true });
  await writeFile(path.join(dir, "meta", "snap.yaml"), yaml);
  return dir;
}
