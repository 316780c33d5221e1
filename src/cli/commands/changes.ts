// changes, tasks (change), watch and abort: the agent's changes as snap shows them.
import type { Command } from "commander";
import type { ChangeJson } from "../../client/index.js";
import { PlugboardError, UsageError } from "../../errors/index.js";
import { openApi, type CliApi } from "../api.js";
import { jsonWanted, printJson } from "../context.js";
import { formatChanges, formatTasks } from "../views/changes.js";
import { timeFormatter } from "../views/time.js";

const allDigits = (s: string) => /^[0-9]+$/.test(s);

/** The change an ID or --last=KIND names; undefined when --last=KIND? finds none (nothing to do, as snap). */
async function changeId(api: CliApi, id: string | undefined, last: string | undefined): Promise<string | undefined> {
  if (id !== undefined && last !== undefined) throw new UsageError("cannot use change ID and type together");
  if (id !== undefined) return id;
  if (last === undefined) throw new UsageError("please provide change ID or type with --last=<type>");
  const optional = last.endsWith("?");
  const kind = optional ? last.slice(0, -1) : last;
  const all = (await api.get("/v2/changes?select=all")) as ChangeJson[];
  // "connect" names the connect-snap changes, as snap's short kinds do.
  const found = all.filter((c) => c.kind === kind || c.kind === `${kind}-snap`).sort((a, b) => Number(a.id) - Number(b.id)).at(-1);
  if (found) return found.id;
  if (optional) return undefined;
  throw new PlugboardError(`no changes of type ${JSON.stringify(kind)} found`);
}

const changeArgs = (c: Command) => c.argument("[id]", "the change's ID").option("--last <type>", "the last change of this kind (connect, disconnect, install, remove…); with a trailing ? no error when there is none");

export function register(program: Command): void {
  program
    .command("changes")
    .description("list the agent's changes, as snap changes does")
    .argument("[snap]", "only changes of this snap")
    .option("--abs-time", "show times in RFC 3339")
    .option("--json", "print as JSON (the API's change objects)")
    .action(async (snap: string | undefined, opts: { absTime?: boolean }, cmd: Command) => {
      if (snap !== undefined && allDigits(snap)) throw new PlugboardError(`'plugboard changes' command expects a snap name, try 'plugboard tasks ${snap}'`);
      const api = await openApi(cmd);
      const changes = (await api.get(`/v2/changes?select=all${snap ? `&for=${encodeURIComponent(snap)}` : ""}`)) as ChangeJson[];
      if (jsonWanted(cmd)) return printJson(changes);
      if (changes.length === 0) return void process.stderr.write("no changes found\n");
      process.stdout.write(formatChanges(changes, timeFormatter(opts.absTime === true)));
    });

  changeArgs(program.command("tasks").alias("change").description("list a change's tasks, as snap tasks does"))
    .option("--abs-time", "show times in RFC 3339")
    .option("--json", "print as JSON (the API's change object)")
    .action(async (id: string | undefined, opts: { last?: string; absTime?: boolean }, cmd: Command) => {
      const api = await openApi(cmd);
      const which = await changeId(api, id, opts.last);
      if (which === undefined) return;
      const change = (await api.get(`/v2/changes/${encodeURIComponent(which)}`)) as ChangeJson;
      if (jsonWanted(cmd)) return printJson(change);
      process.stdout.write(formatTasks(change, timeFormatter(opts.absTime === true)));
    });

  changeArgs(program.command("watch").description("wait for a change to finish; fail with its error if it fails")).action(async (id: string | undefined, opts: { last?: string }, cmd: Command) => {
    const api = await openApi(cmd);
    const which = await changeId(api, id, opts.last);
    if (which === undefined) return;
    const [{ waitForChange }, { throwIfFailed }] = await Promise.all([import("../../client/index.js"), import("../change.js")]);
    // Only an agent runs changes; on the files every change is already ready.
    throwIfFailed(await waitForChange(api.get, which, 100));
  });

  changeArgs(program.command("abort").description("abort a change that has not started")).action(async (id: string | undefined, opts: { last?: string }, cmd: Command) => {
    const api = await openApi(cmd);
    const which = await changeId(api, id, opts.last);
    if (which === undefined) return;
    await api.post(`/v2/changes/${encodeURIComponent(which)}`, { action: "abort" });
  });
}
