import type { Command } from "commander";
import { jsonWanted, pathsFrom, printJson } from "../context.js";
import { formatTable } from "../table.js";

export function register(program: Command): void {
  program
    .command("interface")
    .description("describe an interface (or list them all): summary, auto-connection, privilege, attributes, and which snaps use it")
    .argument("[name]", "interface name")
    .option("--json", "print as JSON")
    .action(async (name: string | undefined, _opts: unknown, cmd: Command) => {
      const [{ loadSystem, summarizeInterface, interfaceUsers }, { PolicyError }] = await Promise.all([import("../../ops/index.js"), import("../../errors/index.js")]);
      const sys = await loadSystem(pathsFrom(cmd));
      for (const p of sys.customProblems) process.stderr.write(`WARNING: ${p}\n`);
      if (name === undefined) {
        const all = sys.registry.all().map((m) => summarizeInterface(m, sys.policy.base));
        if (jsonWanted(cmd)) return printJson(all);
        return void process.stdout.write(formatTable(["Name", "Summary"], all.map((s) => [s.name, s.summary])));
      }
      const m = sys.registry.get(name);
      if (!m) throw new PolicyError(`no interface named ${JSON.stringify(name)}; see plugboard interface`);
      const s = summarizeInterface(m, sys.policy.base);
      const users = interfaceUsers(sys.repo, name);
      if (jsonWanted(cmd)) return printJson({ ...s, ...users });
      const lines = [
        `name:          ${s.name}`,
        `summary:       ${s.summary}`,
        `auto-connect:  ${s.autoConnect}`,
        `super-privileged: ${s.superPrivileged ? "yes (installing a snap that plugs it needs a snap-declaration)" : "no"}`,
        ...(s.transitional ? ["transitional:  yes (grants more than its name suggests; kept for older desktops)"] : []),
        `implicit on:   ${[s.implicitOn.core ? "core" : "", s.implicitOn.classic ? "classic" : ""].filter(Boolean).join(", ") || "none (slots come from snaps)"}`,
        ...(s.attributes.plug.length ? [`plug attributes: ${s.attributes.plug.join(", ")}`] : []),
        ...(s.attributes.slot.length ? [`slot attributes: ${s.attributes.slot.join(", ")}`] : []),
        `plugs:         ${users.plugs.join(", ") || "-"}`,
        `slots:         ${users.slots.join(", ") || "-"}`,
      ];
      process.stdout.write(lines.join("\n") + "\n");
    });
}
