import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { runTool } from "./run.js";

/**
 * The kernel log: journalctl -k where journald runs, else /var/log/kern.log,
 * else dmesg. journalctl answers successfully with nothing when journald is
 * not running (a minimal init, as on the VM tests' core-like guest), so its
 * socket decides, not its exit code.
 */
export async function readKernelLog(since?: string, journalSocket = "/run/systemd/journal/socket"): Promise<string> {
  if (existsSync(journalSocket)) {
    try {
      return await runTool(["journalctl", "-k", "--no-pager", "-o", "short", ...(since ? ["--since", since] : [])], { timeoutMs: 30_000 });
    } catch {
      // The journal cannot be read; fall back to the syslog file, then the ring buffer.
    }
  }
  const kern = await readFile("/var/log/kern.log", "utf8").catch(() => undefined);
  if (kern !== undefined) return kern;
  return runTool(["dmesg"], { timeoutMs: 30_000 });
}
