import { runTool } from "./run.js";

/**
 * Loads each module with modprobe. A module that fails to load (absent from
 * this kernel, refused by a blacklist) does not stop the others or undo the
 * change, as with snapd: the files still load it at the next boot where it
 * exists. Returns one line per module that failed, saying why.
 */
export async function loadKernelModules(modules: readonly string[]): Promise<string[]> {
  const failures: string[] = [];
  for (const m of modules) {
    try {
      await runTool(["modprobe", "--syslog", m], { timeoutMs: 30_000 });
    } catch (e) {
      failures.push(`kernel module ${m} was not loaded: ${(e as Error).message.split("\n")[0]}`);
    }
  }
  return failures;
}
