import { runTool } from "./run.js";

/** Rebuilds the dynamic loader's cache after its search path changed (ld.so.conf.d). */
export async function rebuildLoaderCache(): Promise<void> {
  await runTool(["ldconfig"], { timeoutMs: 120_000 });
}
