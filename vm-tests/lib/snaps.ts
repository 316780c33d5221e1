// Test snaps: a snap.yaml and the probe binary (plus any extra files),
// packed into a .snap with mksquashfs so installing it extracts the files
// under the plugboard root, where the guest finds them after a sync.
import { chmod, cp, mkdir, mkdtemp, rename, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { execa } from "execa";
import { packageRoot as repoRoot } from "../../src/files/index.js";

export interface TestSnap {
  readonly name: string;
  /** The whole meta/snap.yaml; empty keeps the example's own. */
  readonly yaml: string;
  /** Extra files: path inside the snap -> content (mode 0755 when it starts with #!). */
  readonly files?: Readonly<Record<string, string>>;
  /** Copy a directory of the repository's examples as the snap's base. */
  readonly fromExample?: string;
  /** Put the probe at bin/probe (default true). */
  readonly probe?: boolean;
}

/** Compiles the probe on the host; the guest runs the same Debian release, so the binary runs there. */
export async function buildProbe(outDir: string): Promise<string> {
  const out = path.join(outDir, "pb-probe");
  await execa("cc", ["-O2", "-Wall", "-Werror", "-o", out, path.join(repoRoot(), "vm-tests/probe/probe.c")]);
  return out;
}

export async function packSnap(spec: TestSnap, probe: string, outDir: string, revision = "1"): Promise<string> {
  const work = await mkdtemp(path.join(tmpdir(), `pbvm-snap-${spec.name}-`));
  try {
    if (spec.fromExample) await cp(path.join(repoRoot(), "examples/snaps", spec.fromExample), work, { recursive: true });
    await mkdir(path.join(work, "meta"), { recursive: true });
    if (spec.yaml) await writeFile(path.join(work, "meta/snap.yaml"), spec.yaml);
    if (spec.probe !== false) {
      await mkdir(path.join(work, "bin"), { recursive: true });
      await cp(probe, path.join(work, "bin/probe"));
    }
    for (const [rel, content] of Object.entries(spec.files ?? {})) {
      const f = path.join(work, rel);
      await mkdir(path.dirname(f), { recursive: true });
      await writeFile(f, content);
      if (content.startsWith("#!")) await chmod(f, 0o755);
    }
    const out = path.join(outDir, `${spec.name}_${revision}.snap`);
    // VMs running side by side pack the same snaps into the same directory:
    // each writes its own file and renames it, so no one installs a half-written one.
    const tmp = `${out}.${path.basename(work)}.tmp`;
    await execa("mksquashfs", [work, tmp, "-noappend", "-comp", "gzip", "-all-root", "-quiet"], { stdout: "ignore" });
    await rename(tmp, out);
    return out;
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}
