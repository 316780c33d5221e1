import { runTool } from "./run.js";

/** Makes udev re-read its rules and re-tag existing devices of the given subsystems. */
export async function udevReload(subsystems: readonly string[]): Promise<void> {
  await runTool(["udevadm", "control", "--reload-rules"], { timeoutMs: 30_000 });
  const match = subsystems.flatMap((s) => [`--subsystem-match=${s}`]);
  await runTool(["udevadm", "trigger", "--action=change", ...match], { timeoutMs: 60_000 });
}
