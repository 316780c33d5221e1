// Running scenarios against one system: install, probe, connect, probe,
// disconnect, probe, remove, with every answer compared to what the row
// expects. A scenario's result is one table row.
import { mkdir } from "node:fs/promises";
import path from "node:path";
import type { GuestSystem, Probe } from "../lib/guest-system.js";
import { packSnap, type TestSnap } from "../lib/snaps.js";
import type { SystemKind } from "../lib/vm.js";
import { GADGET, listener, PATHNAME_SOCKETS, type Answer, type Check, type InterfaceScenario } from "./interfaces.js";

export interface ScenarioResult {
  readonly system: SystemKind | "host";
  readonly scenario: string;
  readonly layer: string;
  /** One word per phase, e.g. denied, allowed, denied; a failed phase is marked with "!". */
  readonly steps: string[];
  readonly ok: boolean;
  /** Set when nothing in the row could be proven on this kernel: it neither passes nor fails. */
  readonly skipped?: string;
  readonly seconds: number;
  readonly problems: string[];
  /** Answers of checks the kernel cannot decide, for reading. */
  readonly notes: string[];
}

export interface Expectation {
  readonly label: string;
  readonly want: Answer;
  readonly unprovable?: string;
}

export interface Ctx {
  readonly probe: string;
  readonly snapsDir: string;
  readonly log: (line: string) => void;
}

const matches = (answer: string, want: Answer) => (typeof want === "string" ? answer === want : want.test(answer));
const show = (want: Answer) => (typeof want === "string" ? want : want.source);

/** Records phases and problems for one scenario. */
export class Recorder {
  readonly steps: string[] = [];
  readonly problems: string[] = [];
  readonly notes: string[] = [];
  private decided = 0;
  private readonly started = Date.now();

  constructor(
    readonly system: SystemKind | "host",
    readonly scenario: string,
    readonly layer: string,
  ) {}

  /** Compares answers with expectations; `word` names the phase in the table. */
  expect(word: string, phase: string, checks: readonly Expectation[], answers: readonly string[]): boolean {
    let ok = true;
    let decided = 0;
    checks.forEach((c, i) => {
      const a = answers[i] ?? "(none)";
      if (c.unprovable) {
        this.notes.push(`${phase}: ${c.label} answered ${a} (not decided: ${c.unprovable})`);
        return;
      }
      decided++;
      if (!matches(a, c.want)) {
        ok = false;
        this.problems.push(`${phase}: ${c.label} answered ${a}, expected ${show(c.want)}`);
      }
    });
    this.decided += decided;
    this.steps.push(decided === 0 ? "n/a" : ok ? word : `${word}!`);
    return ok;
  }

  fail(e: unknown): void {
    this.steps.push("error!");
    this.problems.push(e instanceof Error ? e.message : String(e));
  }

  result(): ScenarioResult {
    const skipped = this.problems.length === 0 && this.decided === 0 && this.notes.length > 0;
    return {
      system: this.system,
      scenario: this.scenario,
      layer: this.layer,
      steps: this.steps,
      ok: this.problems.length === 0,
      ...(skipped ? { skipped: "nothing in this row can be decided by this kernel" } : {}),
      notes: this.notes,
      seconds: (Date.now() - this.started) / 1000,
      problems: this.problems,
    };
  }
}

/** Packs, declares and installs a snap on the host root; returns the CLI's output. */
export async function install(sys: GuestSystem, ctx: Ctx, snap: TestSnap, opts: { rules?: string; revision?: string; providerDir?: string } = {}): Promise<string> {
  const file = await packSnap(snap, ctx.probe, ctx.snapsDir, opts.revision ?? "1");
  if (!opts.revision || opts.revision === "1") await sys.ackDeclaration(snap.name, opts.rules ?? "");
  return sys.cli(["install", file, ...(opts.providerDir ? ["--provider-dir", opts.providerDir] : [])]);
}

/** Whether the plug (SNAP:PLUG) is connected, from `plugboard connections SNAP`. */
export async function isConnected(sys: GuestSystem, plug: string): Promise<boolean> {
  const out = await sys.cli(["connections", plug.split(":")[0]!]);
  return out.split("\n").some((l) => {
    const cols = l.trim().split(/\s+/);
    return cols[1] === plug && cols[2] !== undefined && cols[2] !== "-";
  });
}

/** The gadget is installed once per system; several rows use its slots. */
export async function installGadget(sys: GuestSystem, ctx: Ctx): Promise<void> {
  await install(sys, ctx, GADGET.snap, GADGET.rules !== undefined ? { rules: GADGET.rules } : {});
}

/** Whether this guest can decide a check the kernel cannot decide everywhere. */
const decidedHere = (sys: GuestSystem, why: string): boolean => why === PATHNAME_SOCKETS && sys.mediatesPathnameSockets;

const SETUP_IGNORED: Answer = /[\s\S]*/;

/** deny → connect → allow → disconnect → deny, through `plugboard run`. */
export async function runInterfaceScenario(sys: GuestSystem, ctx: Ctx, sc: InterfaceScenario): Promise<ScenarioResult> {
  const rec = new Recorder(sys.kind, sc.name, sc.layer);
  const providers = (sc.providers ?? []).filter((p) => p !== GADGET);
  const probes = sc.checks.map((c) => c.probe);
  const expect = (key: "denied" | "allowed"): Expectation[] =>
    sc.checks.map((c: Check) => ({ label: c.label, want: c[key], ...(c.unprovable && !decidedHere(sys, c.unprovable) ? { unprovable: c.unprovable } : {}) }));
  const phase = async (word: string, name: string, key: "denied" | "allowed", extra: readonly Probe[] = []) => {
    const r = await sys.phase(`${sc.name}-${name}`, [...extra, ...probes]);
    const answers = r.answers.slice(extra.length);
    if (r.output.includes("@@LOADFAIL")) rec.problems.push(`${name}: loading the profiles failed in the guest:\n${r.output}`);
    return rec.expect(word, name, expect(key), answers);
  };
  try {
    for (const p of providers) await install(sys, ctx, p.snap, p.rules !== undefined ? { rules: p.rules } : {});
    await install(sys, ctx, sc.snap, sc.rules !== undefined ? { rules: sc.rules } : {});
    const plug = sc.connect[0];
    const auto = await isConnected(sys, plug);
    const setup: Probe[] = sc.setup ? [{ guest: sc.setup }] : [];
    if (auto) {
      await phase("auto:allowed", "installed (auto-connected)", "allowed", setup);
      await sys.cli(["disconnect", plug]);
      await phase("denied", "disconnected", "denied");
    } else {
      await phase("denied", "installed", "denied", setup);
    }
    await sys.cli(["connect", ...sc.connect]);
    await phase("allowed", "connected", "allowed");
    await sys.cli(["disconnect", ...sc.connect]);
    await phase("denied", "disconnected", "denied");
  } catch (e) {
    rec.fail(e);
  }
  await removeAll(sys, rec, [sc.snap.name, ...providers.map((p) => p.snap.name)]);
  return rec.result();
}

/** Removes snaps and checks that their profiles left the guest kernel. */
export async function removeAll(sys: GuestSystem, rec: Recorder, names: readonly string[]): Promise<void> {
  try {
    for (const n of names) await sys.cli(["remove", n]);
    const pattern = names.map((n) => `snap\\.${n.replace(/-/g, "\\-")}\\.`).join("|");
    const r = await sys.phase(`remove-${names[0]}`, [{ guest: `grep -cE '^(${pattern})' /sys/kernel/security/apparmor/profiles || true` }]);
    if (r.answers[0] !== "0") rec.problems.push(`after remove, ${r.answers[0]} of their profiles are still loaded in the kernel`);
  } catch (e) {
    rec.problems.push(`remove: ${e instanceof Error ? e.message : String(e)}`);
  }
}

/**
 * `disconnect` of an automatic connection is remembered as undesired and
 * survives a refresh; `disconnect --forget` forgets it, so the next refresh
 * auto-connects again.
 */
export async function runForgetScenario(sys: GuestSystem, ctx: Ctx): Promise<ScenarioResult> {
  const rec = new Recorder(sys.kind, "undesired / --forget across refresh", "seccomp+apparmor");
  const name = "t-forget";
  const snap: TestSnap = { name, yaml: `name: ${name}\nversion: "1"\nsummary: VM test snap for undesired connections\napps:\n  probe:\n    command: bin/probe\nplugs:\n  network: {}\n` };
  const check = [{ label: "socket AF_INET", want: "OK" as Answer }];
  const denied = [{ label: "socket AF_INET", want: "EPERM" as Answer }];
  const probes: Probe[] = [{ run: `${name}.probe`, args: ["socket", "inet"] }];
  try {
    await install(sys, ctx, snap);
    rec.expect("auto:allowed", "installed", check, (await sys.phase("forget-installed", probes)).answers);
    await sys.cli(["disconnect", `${name}:network`]);
    rec.expect("denied", "disconnected", denied, (await sys.phase("forget-disconnected", probes)).answers);
    await install(sys, ctx, snap, { revision: "2" });
    rec.expect("refresh:denied", "refreshed (undesired kept)", denied, (await sys.phase("forget-refresh", probes)).answers);
    await sys.cli(["disconnect", "--forget", `${name}:network`]);
    await install(sys, ctx, snap, { revision: "3" });
    rec.expect("forget+refresh:allowed", "forgotten and refreshed", check, (await sys.phase("forget-refresh2", probes)).answers);
  } catch (e) {
    rec.fail(e);
  }
  await removeAll(sys, rec, [name]);
  return rec.result();
}

/** The docker provider the seeds' hello-docker uses, with the probe beside its client. */
export const DOCKER_SNAP: TestSnap = {
  name: "docker",
  fromExample: "docker",
  yaml: "", // filled from the example at pack time
};

export const DOCKER_RULES = "plugs:\n  docker-support:\n    allow-installation: true\nslots:\n  docker:\n    allow-installation: true\n    deny-auto-connection: true";

/**
 * The seeds' hello-docker: its confined shell finds the docker provider's
 * client on PATH through the content mount, and reaches /run/docker.sock only
 * while its docker plug is connected.
 */
export async function runHelloDockerScenario(sys: GuestSystem, ctx: Ctx, docker: TestSnap, helloDocker: TestSnap): Promise<ScenarioResult> {
  const rec = new Recorder(sys.kind, "hello-docker (content + docker)", "mount ns+af_unix");
  const providerDir = path.join(ctx.snapsDir, `providers-${sys.kind}`);
  try {
    await mkdir(providerDir, { recursive: true });
    await packSnap(docker, ctx.probe, providerDir);
    await sys.ackDeclaration("docker", DOCKER_RULES);
    const out = await install(sys, ctx, helloDocker, { providerDir });
    if (!/docker .*installed/.test(out) || !/auto-connected hello-docker:docker-executables docker:docker-executables/.test(out)) {
      rec.problems.push(`install did not pull in the default provider and auto-connect the content plug:\n${out}`);
    }
    const shell = (script: string): Probe => ({ run: "hello-docker.hello-docker", args: ["-c", script], shell: true });
    const probes: Probe[] = [
      { guest: listener("/run/docker.sock") },
      shell("command -v docker"),
      shell('exec "$SNAP/docker-snap/bin/probe" connect-unix /run/docker.sock'),
    ];
    const want = (sock: string): Expectation[] => [
      { label: "setup", want: SETUP_IGNORED },
      { label: "docker on PATH", want: /^\/snap\/hello-docker\/[^/]+\/docker-snap\/bin\/docker$/ },
      { label: "connect /run/docker.sock", want: sock, ...(decidedHere(sys, PATHNAME_SOCKETS) ? {} : { unprovable: PATHNAME_SOCKETS }) },
    ];
    // The PATH is decided in every phase; the socket answers too where the guest mediates them (see PATHNAME_SOCKETS).
    rec.expect("installed", "installed", want("EACCES"), (await sys.phase("hello-docker-installed", probes)).answers);
    await sys.cli(["connect", "hello-docker:docker", "docker:docker-daemon"]);
    rec.expect("docker connected", "docker connected", want("OK"), (await sys.phase("hello-docker-connected", probes)).answers);
    await sys.cli(["disconnect", "hello-docker:docker", "docker:docker-daemon"]);
    rec.expect("docker disconnected", "docker disconnected", want("EACCES"), (await sys.phase("hello-docker-disconnected", probes)).answers);
  } catch (e) {
    rec.fail(e);
  }
  await removeAll(sys, rec, ["hello-docker", "docker"]);
  return rec.result();
}
