import { runTool } from "./run.js";

/** Reads one file out of a squashfs image (a .snap) without mounting it. */
export async function readFileFromSquashfs(image: string, inner: string, maxBytes: number): Promise<string> {
  return runTool(["unsquashfs", "-cat", image, inner], { maxBuffer: maxBytes, timeoutMs: 30_000 });
}

/** Unpacks a squashfs image (a .snap) into a directory that must not exist yet. */
export async function extractSquashfs(image: string, dir: string): Promise<void> {
  await runTool(["unsquashfs", "-no-progress", "-quiet", "-d", dir, image], { timeoutMs: 300_000 });
}
