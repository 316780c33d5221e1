import { randomBytes } from "node:crypto";
import { promises as fs } from "node:fs";
import path from "node:path";
import { fileSystemError } from "../errors/index.js";

/**
 * Replaces `file` with `content` so that a reader, or a reboot at any moment,
 * sees either the old or the new file, never a mix: write a temporary file in
 * the same directory, fsync it, rename it over the target, fsync the directory.
 */
export async function writeFileAtomic(file: string, content: string | Uint8Array, mode = 0o644): Promise<void> {
  const dir = path.dirname(file);
  const tmp = path.join(dir, `.${path.basename(file)}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`);
  // A full disk or a read-only file system is the machine's state, not a bug:
  // it becomes an error naming the file (see fileSystemError).
  try {
    await fs.mkdir(dir, { recursive: true });
    const handle = await fs.open(tmp, "wx", mode);
    try {
      await handle.writeFile(content);
      await handle.sync();
    } catch (e) {
      await handle.close();
      await fs.rm(tmp, { force: true });
      throw e;
    }
    await handle.close();
    try {
      await fs.rename(tmp, file);
    } catch (e) {
      await fs.rm(tmp, { force: true });
      throw e;
    }
    await fsyncDir(dir);
  } catch (e) {
    throw fileSystemError(e, "write", file);
  }
}

export async function fsyncDir(dir: string): Promise<void> {
  const d = await fs.open(dir, "r");
  try {
    await d.sync();
  } finally {
    await d.close();
  }
}

/** Reads a file, or returns undefined when it does not exist. */
export async function readIfExists(file: string): Promise<string | undefined> {
  try {
    return await fs.readFile(file, "utf8");
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw e;
  }
}
