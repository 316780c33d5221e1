import { readFile } from "node:fs/promises";
import { runTool } from "./run.js";

/** The kernel log: journalctl -k, else /var/log/kern.log, else dmesg. */
export async function readKernelLog(since?: string): Promise<string> {
  try {
    return await runTool(["journalctl", "-k", "--no-pager", "-o", "short", ...(since ? ["--since", since] : [])], { timeoutMs: 30_000 });
  } catch {
    // No journal here; fall back to the syslog file, then the ring buffer.
  }
  const kern = await readFile("/var/log/kern.log", "utf8").catch(() => undefined);
  if (kern !== undefined) return kern;
  return runTool(["dmesg"], { timeoutMs: 30_000 });
}
