import type { Command } from "commander";
import { PlugboardError } from "../../errors/index.js";
import { openApi } from "../api.js";
import { jsonWanted, printJson } from "../context.js";
import { connectionRows, formatConnections } from "../views/connections.js";
import type { ConnectionsJson } from "../views/endpoints.js";

export function register(program: Command): void {
  program
    .command("connections")
    .description("list connections; with a snap, also its unconnected plugs and slots")
    .argument("[snap]", "only connections of this snap")
    .option("--all", "include every unconnected plug and slot")
    .option("--json", "print as JSON")
    .action(async (snap: string | undefined, opts: { all?: boolean }, cmd: Command) => {
      // As snap: a snap's listing already includes its unconnected plugs and slots.
      if (snap !== undefined && opts.all) throw new PlugboardError("cannot use --all with snap name");
      const all = opts.all === true || snap !== undefined;
      const query = new URLSearchParams(all ? { select: "all" } : {});
      if (snap !== undefined) query.set("snap", snap);
      const api = await openApi(cmd);
      const data = (await api.get(`/v2/connections${query.size ? `?${query}` : ""}`)) as ConnectionsJson;
      if (data.plugs.length === 0 && data.slots.length === 0) return jsonWanted(cmd) ? printJson([]) : undefined;
      const rows = connectionRows(data, { snap: snap ?? "", all });
      if (jsonWanted(cmd)) return printJson(rows.map(({ determinant: _, ...r }) => r));
      process.stdout.write(formatConnections(rows));
    });
}
