import { promises as fs } from "node:fs";
import path from "node:path";
import { runTool } from "./run.js";

/** Reads one file out of a squashfs image (a .snap) without mounting it. */
export async function readFileFromSquashfs(image: string, inner: string, maxBytes: number): Promise<string> {
  return runTool(["unsquashfs", "-cat", image, inner], { maxBuffer: maxBytes, timeoutMs: 30_000 });
}

/** What unpacking left out or changed, so install can say so. */
export interface UnpackReport {
  /** Device nodes, FIFOs and sockets the image held (paths inside the image). */
  readonly removed: readonly string[];
  /** Files and directories whose setuid, setgid, sticky or group/other write bits were cleared. */
  readonly modesCleared: number;
}

// An image's files keep their read and execute bits; nothing else survives:
// no setuid/setgid/sticky bit and no write access for group or others.
const KEPT_MODE = 0o755;

/**
 * Unpacks a squashfs image (a .snap) into `dir`, which must not exist yet,
 * with the guarantees snapd gets from mounting images nodev,nosuid
 * read-only: no device nodes (nor FIFOs or sockets), no setuid or setgid
 * files, no file capabilities or other extended attributes, nothing writable
 * by group or others, and, when run as root, everything owned by root.
 *
 * The image is unpacked inside a fresh directory only root can enter, made
 * safe there, and only then renamed into place, so no other user can reach a
 * device node or setuid file even while unpacking is under way.
 */
export async function extractSquashfs(image: string, dir: string): Promise<UnpackReport> {
  const staging = await fs.mkdtemp(path.join(path.dirname(dir), ".unpack-"));
  try {
    const tree = path.join(staging, "root");
    // -no-xattrs: an image's security.capability attribute would otherwise
    // give one of its programs capabilities on the host.
    await runTool(["unsquashfs", "-no-progress", "-quiet", "-no-xattrs", "-d", tree, image], { timeoutMs: 300_000 });
    const report = await confineImageTree(tree);
    await fs.rename(tree, dir);
    return report;
  } finally {
    await fs.rm(staging, { recursive: true, force: true });
  }
}

/**
 * Walks an unpacked image without following symbolic links: removes special
 * files, clears the mode bits an image must not carry, and gives every entry
 * to root when running as root.
 */
export async function confineImageTree(tree: string): Promise<UnpackReport> {
  const removed: string[] = [];
  let modesCleared = 0;
  const asRoot = process.getuid?.() === 0;
  const visit = async (p: string): Promise<void> => {
    const st = await fs.lstat(p);
    if (st.isSymbolicLink()) {
      if (asRoot) await fs.lchown(p, 0, 0);
      return;
    }
    if (!st.isFile() && !st.isDirectory()) {
      removed.push("/" + path.relative(tree, p));
      await fs.rm(p, { force: true });
      return;
    }
    if (asRoot && (st.uid !== 0 || st.gid !== 0)) await fs.lchown(p, 0, 0);
    // chown clears setuid/setgid itself on some file systems; set the mode after it either way.
    const mode = st.mode & 0o7777;
    if ((mode & ~KEPT_MODE) !== 0) modesCleared++;
    // Directories stay enterable by their owner so they can be removed later.
    await fs.chmod(p, (mode & KEPT_MODE) | (st.isDirectory() ? 0o700 : 0));
    if (st.isDirectory()) for (const name of await fs.readdir(p)) await visit(path.join(p, name));
  };
  await visit(tree);
  return { removed: removed.sort(), modesCleared };
}
