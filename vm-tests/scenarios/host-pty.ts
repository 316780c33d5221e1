// The interactive check on the host, where the kernel enforces seccomp (it
// has no AppArmor): `plugboard run --shell` in a pseudo-terminal, commands
// typed into the confined shell, the kernel's answers read back.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { spawn } from "node-pty";
import { packageRoot } from "../../src/files/index.js";
import { mustPlugboard } from "../lib/host.js";
import { packSnap } from "../lib/snaps.js";
import { Recorder, type Ctx, type ScenarioResult } from "./flow.js";

async function confinedShell(root: string, app: string, command: string): Promise<string> {
  const pty = spawn(process.execPath, [path.join(packageRoot(), "bin/plugboard.js"), "--root", root, "run", "--shell", app], {
    name: "dumb",
    cols: 200,
    rows: 40,
    env: { ...process.env, PLUGBOARD_ROOT: "", PS1: "$ " } as Record<string, string>,
  });
  let seen = "";
  pty.onData((d) => (seen += d));
  const exited = new Promise<void>((r) => pty.onExit(() => r()));
  // The marker is quoted as typed, so the terminal's echo of the typing never matches it.
  pty.write(`${command}; echo '@@'"DONE"\r`);
  const started = Date.now();
  while (!/@@DONE/.test(seen)) {
    if (Date.now() - started > 30_000) {
      pty.kill();
      throw new Error(`the confined shell did not answer in 30s; it showed:\n${seen}`);
    }
    await new Promise((r) => setTimeout(r, 20));
  }
  pty.write("exit\r");
  await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
  pty.kill();
  const before = seen.slice(0, seen.indexOf("@@DONE")).replace(/\r/g, "").split("\n").map((l) => l.replace(/^(\$ )+/, "").trim()).filter(Boolean);
  return before.at(-1) ?? "";
}

export async function runHostPtyScenario(ctx: Ctx): Promise<ScenarioResult> {
  const rec = new Recorder("host", "interactive shell (pty): network", "seccomp (host kernel)");
  const root = await mkdtemp(path.join(tmpdir(), "plugboard-vm-pty-"));
  const app = "t-pty.probe";
  const cmd = '"$SNAP/bin/probe" socket inet';
  const want = (w: string) => [{ label: "socket AF_INET", want: w }];
  try {
    const file = await packSnap(
      { name: "t-pty", yaml: 'name: t-pty\nversion: "1"\nsummary: interactive check\napps:\n  probe:\n    command: bin/probe\nplugs:\n  network: {}\n' },
      ctx.probe,
      root,
    );
    await mustPlugboard(root, ["install", "--dangerous", file]);
    rec.expect("auto:allowed", "installed", want("OK"), [await confinedShell(root, app, cmd)]);
    await mustPlugboard(root, ["disconnect", "t-pty:network"]);
    rec.expect("denied", "disconnected", want("EPERM"), [await confinedShell(root, app, cmd)]);
    await mustPlugboard(root, ["connect", "t-pty:network"]);
    rec.expect("allowed", "connected", want("OK"), [await confinedShell(root, app, cmd)]);
  } catch (e) {
    rec.fail(e);
  } finally {
    await rm(root, { recursive: true, force: true });
  }
  return rec.result();
}
