import { runTool } from "./run.js";

/** Reads one file out of a squashfs image (a .snap) without mounting it. */
export async function readFileFromSquashfs(image: string, inner: string, maxBytes: number): Promise<string> {
  return runTool(["unsquashfs", "-cat", image, inner], { maxBuffer: maxBytes, timeoutMs: 30_000 });
}
