import type { Command } from "commander";
import { PlugboardError } from "../../errors/index.js";
import type { InterfaceSummary } from "../../ops/index.js";
import { openApi } from "../api.js";
import { jsonWanted, printJson } from "../context.js";
import { formatInterface, formatInterfaceList, type InterfaceJson } from "../views/interface.js";

const modes = (on: { core: boolean; classic: boolean }) => [on.core ? "core" : "", on.classic ? "classic" : ""].filter(Boolean).join(", ");

/** Plugboard's policy view of an interface, below snap's description with --policy. */
function policyLines(s: InterfaceSummary): string[] {
  return [
    `auto-connect:     ${s.autoConnect}`,
    `super-privileged: ${s.superPrivileged ? "yes (installing a snap that plugs it needs a snap-declaration)" : "no"}`,
    ...(s.transitional ? ["transitional:     yes (grants more than its name suggests; kept for older desktops)"] : []),
    `implicit on:      ${modes(s.implicitOn) || (modes(s.implicitPlugOn) ? `none (slots come from snaps; the system snap has a plug on ${modes(s.implicitPlugOn)})` : "none (slots come from snaps)")}`,
    ...(s.attributes.plug.length ? [`plug attributes:  ${s.attributes.plug.join(", ")}`] : []),
    ...(s.attributes.slot.length ? [`slot attributes:  ${s.attributes.slot.join(", ")}`] : []),
  ];
}

export function register(program: Command): void {
  program
    .command("interface")
    .description("the connected interfaces (every one with --all), or one interface with its plugs and slots, as snap interface shows them")
    .argument("[name]", "interface name")
    .option("--attrs", "show the plugs' and slots' attributes")
    .option("--all", "list every interface, connected or not")
    .option("--policy", "with a name: also how the base declaration treats it (auto-connection, super-privilege) and where it is implicit")
    .option("--json", "print as JSON")
    .action(async (name: string | undefined, opts: { attrs?: boolean; all?: boolean; policy?: boolean }, cmd: Command) => {
      const api = await openApi(cmd);
      const extra = (await api.get(`/v2/plugboard/interface${name ? `?name=${encodeURIComponent(name)}` : ""}`)) as { problems: string[]; summary?: InterfaceSummary };
      for (const p of extra.problems) process.stderr.write(`WARNING: ${p}\n`);
      if (name === undefined) {
        const list = (await api.get(`/v2/interfaces?select=${opts.all ? "all" : "connected"}`)) as InterfaceJson[];
        if (jsonWanted(cmd)) return printJson(list);
        if (list.length === 0) throw new PlugboardError(opts.all ? "no interfaces found" : "no interfaces currently connected");
        return void process.stdout.write(formatInterfaceList(list));
      }
      const [iface] = (await api.get(`/v2/interfaces?select=all&names=${encodeURIComponent(name)}&doc=true&plugs=true&slots=true`)) as InterfaceJson[];
      if (!iface || !extra.summary) throw new PlugboardError("no such interface");
      if (jsonWanted(cmd)) return printJson({ ...iface, policy: extra.summary });
      process.stdout.write(formatInterface(iface, opts.attrs === true));
      if (opts.policy) process.stdout.write(policyLines(extra.summary).join("\n") + "\n");
    });
}
