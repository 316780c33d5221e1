import type { Command } from "commander";
import type { Explanation } from "../../ops/index.js";
import { describeLevel } from "../../policy/levels.js";
import type { Level } from "../../policy/types.js";
import { openApi } from "../api.js";
import { jsonWanted, printJson } from "../context.js";

export function register(program: Command): void {
  program
    .command("explain")
    .description("for each candidate slot of a plug, say whether it would auto-connect and why")
    .argument("<snap:plug>", "the plug to explain")
    .option("--json", "print as JSON")
    .action(async (plugArg: string, _opts: unknown, cmd: Command) => {
      const { parseRef } = await import("../../repo/refs.js");
      parseRef(plugArg, "plug");
      const api = await openApi(cmd);
      const e = (await api.get(`/v2/plugboard/explain?plug=${encodeURIComponent(plugArg)}`)) as Explanation;
      if (jsonWanted(cmd)) return printJson(e);
      const out: string[] = [`${e.plug.snap}:${e.plug.name} (${e.interface} interface): ${e.summary}`];
      for (const c of e.candidates) {
        out.push(`  ${c.display}: ${c.wouldAutoConnect ? "auto-connects" : "does not auto-connect"}`);
        const d = c.autoConnect;
        out.push(`    auto-connection: ${d.allowed ? "allowed" : "refused"}: ${d.reason}${d.level ? ` [decided by the ${describeLevel(d.level as Level)}]` : ""}`);
        if (d.allowed) out.push(`    arity: slots-per-plug ${d.slotsPerPlug}, plugs-per-slot ${d.plugsPerSlot}`);
        if (c.manual) out.push(`    manual connection: ${c.manual.allowed ? "allowed" : "refused"}: ${c.manual.reason}`);
        else out.push("    manual connection: not checked (a snap without a snap-declaration is involved)");
        if (c.note) out.push(`    note: ${c.note}`);
      }
      process.stdout.write(out.join("\n") + "\n");
    });
}
