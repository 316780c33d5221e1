// `changes` and `tasks`, laid out as snap lays them out from GET /v2/changes.
import type { ChangeJson } from "../../client/index.js";
import { formatTable } from "../table.js";

type Time = (iso: string | undefined) => string;

/** Oldest first, then the blank line snap ends the table with. */
export function formatChanges(changes: readonly ChangeJson[], time: Time): string {
  const sorted = [...changes].sort((a, b) => Date.parse(a["spawn-time"]) - Date.parse(b["spawn-time"]));
  return formatTable(["ID", "Status", "Spawn", "Ready", "Summary"], sorted.map((c) => [c.id, c.status, time(c["spawn-time"]), time(c["ready-time"]), c.summary])) + "\n";
}

const RULE = ".".repeat(70);

/** The change's tasks, then each task's log under a dotted rule, then a blank line. */
export function formatTasks(change: ChangeJson, time: Time): string {
  const rows = change.tasks.map((t) => {
    const partial = t.status === "Doing" && t.progress.total > 1;
    const summary = partial ? `${t.summary} (${((t.progress.done / t.progress.total) * 100).toFixed(2)}%)` : t.summary;
    return [t.status, time(t["spawn-time"]), time(t["ready-time"]), summary];
  });
  let out = formatTable(["Status", "Spawn", "Ready", "Summary"], rows);
  for (const t of change.tasks) {
    if (!t.log?.length) continue;
    out += `\n${RULE}\n${t.summary}\n\n${t.log.join("\n")}\n`;
  }
  return out + "\n";
}
