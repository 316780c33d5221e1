#!/usr/bin/env node
import { Command, CommanderError } from "commander";
import { isFileSystemError, PlugboardError } from "../errors/index.js";
import { register as agent } from "./commands/agent.js";
import { register as changes } from "./commands/changes.js";
import { register as connect } from "./commands/connect.js";
import { register as connections } from "./commands/connections.js";
import { register as denials } from "./commands/denials.js";
import { register as disconnect } from "./commands/disconnect.js";
import { register as explain } from "./commands/explain.js";
import { register as install } from "./commands/install.js";
import { register as iface } from "./commands/interface.js";
import { register as interfaces } from "./commands/interfaces.js";
import { register as keys } from "./commands/keys.js";
import { register as list } from "./commands/list.js";
import { register as profiles } from "./commands/profiles.js";
import { register as remove } from "./commands/remove.js";
import { register as run } from "./commands/run.js";
import { register as status } from "./commands/status.js";
import { register as version } from "./commands/version.js";
import { register as warnings } from "./commands/warnings.js";

// Only commander and the command definitions load at start-up; each command
// imports the core it needs when it runs, so `--help` stays fast.
const program = new Command("plugboard")
  .description("Snap-style confinement: plugs, slots, connections, and the profiles that enforce them")
  .version(PLUGBOARD_VERSION)
  .option("--root <dir>", "root directory to operate on (default: $PLUGBOARD_ROOT or /)")
  .option("--direct", "work on the files even when the agent runs (it notices the change and converges)")
  .option("--debug", "say on standard error whether the agent answered or the files were worked on directly")
  .exitOverride()
  .showHelpAfterError(false);
for (const add of [install, remove, list, interfaces, iface, connections, connect, disconnect, changes, explain, profiles, run, denials, agent, status, warnings, keys, version]) add(program);
for (const c of program.commands) c.exitOverride();

try {
  await program.parseAsync(process.argv);
} catch (e) {
  process.exitCode = exitCodeFor(e);
}

function exitCodeFor(e: unknown): number {
  if (e instanceof CommanderError) {
    // commander has already printed the message; help and version are not errors.
    if (e.code === "commander.helpDisplayed" || e.code === "commander.version" || e.code === "commander.help") return 0;
    // snap's codes: too many arguments is an ordinary failure, any other misuse is EX_USAGE.
    return e.code === "commander.excessArguments" ? 1 : 64;
  }
  if (e instanceof PlugboardError) {
    // The agent refused a change from an unprivileged user: say what snap says.
    if (e.name === "ApiError" && (e as PlugboardError & { kind?: string }).kind === "login-required") {
      process.stderr.write(`error: ${oneLine(e.message)} (try with sudo)\n`);
      return e.exitCode;
    }
    // A failed change's message lists its tasks one per line, as snap prints it.
    process.stderr.write(`error: ${"multiline" in e && e.multiline === true ? e.message : oneLine(e.message)}\n`);
    return e.exitCode;
  }
  // A full disk or a read-only file system is the machine's condition, not a bug: one line, no stack.
  if (isFileSystemError(e)) {
    process.stderr.write(`error: ${oneLine(e.message)}\n`);
    return 1;
  }
  process.stderr.write(`error: internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  return 1;
}

function oneLine(s: string): string {
  return s.replace(/\s*\n\s*/g, " ");
}
