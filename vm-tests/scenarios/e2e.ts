// End-to-end runs of the bundled CLI inside the guest: few, because Node
// starts slowly under TCG, but they exercise what the host-rendered rows
// cannot: Plugboard's own loader on a read-only root, `plugboard denials`
// reading the guest's kernel log, the agent as a systemd service processing
// a seed at boot, an interactive confined shell typed into through the serial
// console (node-pty), and the agent's behaviour across reboots.
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import type { GuestSystem } from "../lib/guest-system.js";
import { packSnap, type TestSnap } from "../lib/snaps.js";
import type { Vm, VmOptions } from "../lib/vm.js";
import { listener, PATHNAME_SOCKETS } from "./interfaces.js";
import { DOCKER_RULES, Recorder, type Ctx, type ScenarioResult } from "./flow.js";

/** The CLI as the guest runs it, from the package staged in the share (copied to /tmp: a local, executable tmpfs). */
const PB = "node /tmp/plugboard-pkg/bin/plugboard.js";
const STAGE = "[ -e /tmp/plugboard-pkg/bin/plugboard.js ] || { mkdir -p /tmp/plugboard-pkg && cp -a /mnt/share/pkg/. /tmp/plugboard-pkg/; }";
const lastLine = (s: string) => s.trim().split("\n").filter(Boolean).at(-1) ?? "";

/** Core-like: the root really is read-only, and the CLI works within the writable paths. */
export async function runReadOnlyRoot(sys: GuestSystem): Promise<ScenarioResult> {
  const rec = new Recorder(sys.kind, "read-only root, writable paths only", "squashfs+overlay");
  try {
    // Bring the host root's files in first, so the row has writes to look
    // for even when it runs alone (--only).
    await sys.phase("ro-root-sync", []);
    const out = await sys.vm.must(
      "ro-root",
      [
        "findmnt -no FSTYPE,OPTIONS / | cut -d, -f1",
        "touch /usr/.pb-write-test 2>&1 | sed 's/.*: //'",
        // What Plugboard (and the scenarios) wrote: only the overlays' upper layers.
        "cd /run/writable && find . -path '*/upper/*' -type f | cut -d/ -f2 | sort -u | tr '\\n' ' '; echo",
      ].join("\n"),
    );
    const [fs, touch, written] = out.trim().split("\n");
    rec.expect("ro", "root file system", [
      { label: "root mount", want: /^squashfs ro$/ },
      { label: "write to /usr", want: /Read-only file system/ },
      { label: "written paths", want: /_var_lib_plugboard/ },
    ], [fs ?? "", touch ?? "", written ?? ""]);
    const allowed = new Set(["_etc_plugboard", "_etc_udev_rules.d", "_var_lib_plugboard", "_var_cache_plugboard", "_var_cache_apparmor", "_var_snap", "_var_log", "_var_tmp", "_var_lib_systemd", "_root"]);
    const stray = (written ?? "").split(" ").filter((d) => d && !allowed.has(d));
    if (stray.length) rec.problems.push(`writes outside the writable paths: ${stray.join(", ")}`);
  } catch (e) {
    rec.fail(e);
  }
  return rec.result();
}

/**
 * The CLI in the guest, on "/": install (signature checked), run, connect,
 * run, disconnect, run, with Plugboard's own parser invocation loading the
 * profiles; then `plugboard denials` turns the kernel's record of the
 * refused open into "connect t-camera:camera".
 */
export async function runCliInGuest(sys: GuestSystem, ctx: Ctx, camera: TestSnap): Promise<ScenarioResult[]> {
  const rec = new Recorder(sys.kind, "CLI in the guest: camera", "apparmor (own loader)");
  const den = new Recorder(sys.kind, "denial → `plugboard denials` suggestion", "kernel log");
  const snapFile = await packSnap(camera, ctx.probe, path.join(sys.vm.share, "snaps"));
  await sys.ackDeclaration(camera.name);
  // The declaration reaches the guest's assertion database with the next sync.
  await sys.phase("sync-declaration", []);
  const guestSnap = "/mnt/share/snaps/" + path.basename(snapFile);
  const runProbe = `${PB} run t-camera.probe -- read /dev/video0`;
  const want = (w: string) => [{ label: "open /dev/video0", want: w === "ENXIO" ? /^(ENXIO|ENODEV|OK)$/ : w }];
  try {
    await sys.vm.must("cli-stage", `${STAGE}\n[ -e /dev/video0 ] || mknod /dev/video0 c 81 0`, 120_000);
    const a = await sys.vm.must("cli-install", `${STAGE}\n${PB} install ${guestSnap}\n${runProbe}`, 180_000);
    rec.expect("denied", "installed", want("EACCES"), [lastLine(a)]);
    const d = await sys.vm.must("cli-denials", `${PB} denials t-camera`, 120_000);
    den.expect("suggested", "denials", [{ label: "suggestion", want: /connect t-camera:camera to grant/ }], [d.split("\n").find((l) => l.includes("→")) ?? d]);
    const b = await sys.vm.must("cli-connect", `${PB} connect t-camera:camera\n${runProbe}`, 180_000);
    rec.expect("allowed", "connected", want("ENXIO"), [lastLine(b)]);
    const c = await sys.vm.must("cli-disconnect", `${PB} disconnect t-camera:camera\n${runProbe}`, 180_000);
    rec.expect("denied", "disconnected", want("EACCES"), [lastLine(c)]);
    await sys.vm.must("cli-remove", `${PB} remove t-camera && ! grep -q '^snap\\.t-camera\\.' /sys/kernel/security/apparmor/profiles`, 180_000);
  } catch (e) {
    rec.fail(e);
  }
  if (den.steps.length === 0) den.fail("not reached");
  return [rec.result(), den.result()];
}

/** Types into the guest's root shell on the serial console and returns the output before the marker. */
async function typed(vm: Vm, command: string, marker: string, timeoutMs: number): Promise<string> {
  const mark = vm.consoleMark();
  // Quoted in what is typed, so an echo of the typing never matches the marker.
  vm.type(`${command}; echo '@@'"${marker}"\r`);
  const seen = await vm.waitConsole(new RegExp(`@@${marker}\\b`), mark, timeoutMs);
  return seen.slice(0, seen.indexOf(`@@${marker}`)).replace(/\r/g, "");
}

const HELLO = "hello-docker.hello-docker";

/**
 * Classic: Plugboard installed as a systemd service from packaging/, the
 * seeds' hello-docker and its docker provider dropped into the seed
 * directory and installed by the agent at boot; then the confined shell
 * driven through the serial console.
 */
export async function runClassicAgentAndShell(sys: GuestSystem, vm: Vm, ctx: Ctx, docker: TestSnap, helloDocker: TestSnap): Promise<ScenarioResult[]> {
  const seedRec = new Recorder(sys.kind, "agent service: seed at boot", "systemd+agent");
  const shellRec = new Recorder(sys.kind, "hello-docker interactive shell (pty)", "mount ns+af_unix");
  const denRec = new Recorder(sys.kind, "denial → `plugboard denials` suggestion", "kernel log");
  try {
    const seed = path.join(vm.share, "seed");
    await mkdir(seed, { recursive: true });
    await packSnap(docker, ctx.probe, seed);
    await packSnap(helloDocker, ctx.probe, seed);
    await writeFile(path.join(seed, "docker.assert"), await sys.store.declaration("docker", DOCKER_RULES));
    await writeFile(path.join(seed, "hello-docker.assert"), await sys.store.declaration("hello-docker"));
    const out = await vm.must(
      "agent-install",
      [
        "set -e",
        "mkdir -p /usr/lib/plugboard && cp -a /mnt/share/pkg/. /usr/lib/plugboard/",
        "ln -sf /usr/lib/plugboard/bin/plugboard.js /usr/bin/plugboard",
        "install -m 644 /usr/lib/plugboard/packaging/plugboard.service /etc/systemd/system/",
        "mkdir -p /var/lib/plugboard/seed && cp /mnt/share/seed/* /var/lib/plugboard/seed/",
        "systemctl daemon-reload && systemctl enable --now plugboard.service 2>&1",
        // The agent converges, then installs the seed: wait for hello-docker's profile in the kernel.
        "for i in $(seq 400); do grep -q '^snap\\.hello-docker\\.hello-docker ' /sys/kernel/security/apparmor/profiles && break; sleep 0.5; done",
        "grep -c '^snap\\.\\(hello-docker\\|docker\\)\\.' /sys/kernel/security/apparmor/profiles",
        "systemctl is-active plugboard.service",
      ].join("\n"),
      300_000,
    );
    const lines = out.trim().split("\n");
    seedRec.expect("installed", "seed processed by the agent", [
      { label: "profiles loaded", want: /^[1-9]\d*$/ },
      { label: "service active", want: "active" },
    ], [lines.at(-2) ?? "", lines.at(-1) ?? ""]);
  } catch (e) {
    seedRec.fail(e);
    shellRec.fail("not reached: the agent did not install the seed");
    denRec.fail("not reached: the agent did not install the seed");
    return [seedRec.result(), shellRec.result(), denRec.result()];
  }

  try {
    // A root shell on the serial console, which node-pty holds on the host side.
    const mark = vm.consoleMark();
    await vm.must("console-shell", "setsid -f -c sh -i </dev/ttyS0 >/dev/ttyS0 2>&1", 30_000);
    await vm.waitConsole(/# $/m, mark, 60_000);
    await typed(vm, `stty -echo; dmesg -n 1; export PS1=''; [ -e /var/log/syslog ] || echo 'pbvm: a log line' > /var/log/syslog; ${listener("/run/docker.sock")}`, "READY", 30_000);
    const inShell = async (word: string, want: string) => {
      // Typed ahead: the keystrokes wait in the terminal until the confined shell reads them.
      vm.type(`plugboard run --shell ${HELLO}\r`);
      await typed(vm, "true", "INSHELL", 120_000);
      const out = await typed(vm, 'command -v docker; docker; "$SNAP/docker-snap/bin/probe" read /var/log/syslog; "$SNAP/docker-snap/bin/probe" connect-unix /run/docker.sock', "SHELL", 60_000);
      vm.type("exit\r");
      await typed(vm, "true", "BACK", 60_000);
      const ls = out.split("\n").map((l) => l.replace(/^(# |\$ )+/, "").trim()).filter(Boolean);
      return shellRec.expect(word, `confined shell (${word})`, [
        { label: "docker on PATH", want: /^\/snap\/hello-docker\/[^/]+\/docker-snap\/bin\/docker$/ },
        { label: "docker client runs", want: /^docker client from \/snap\/hello-docker\// },
        { label: "read /var/log/syslog (no log-observe plug)", want: "EACCES" },
        { label: "connect /run/docker.sock", want, unprovable: PATHNAME_SOCKETS },
      ], [ls.find((l) => l.startsWith("/snap/")) ?? "", ls.find((l) => l.startsWith("docker client")) ?? "", ls.at(-2) ?? "", ls.at(-1) ?? ""]);
    };
    await inShell("denied", "EACCES");
    // Read through the job channel: the kernel's record of the shell's refused read, and Plugboard's advice.
    const den = await vm.must("denials", "dmesg | grep 'apparmor=\"DENIED\"' | grep 'profile=\"snap.hello-docker' | grep -c '/var/log/syslog'; plugboard denials hello-docker 2>&1 | grep '→' | grep log-observe | head -1", 120_000);
    const [count, suggestion] = den.trim().split("\n");
    denRec.expect("suggested", "denials", [
      { label: "kernel recorded the denial", want: /^[1-9]\d*$/ },
      { label: "suggestion", want: /the log-observe interface grants .*hello-docker has no log-observe plug/ },
    ], [count ?? "", suggestion ?? ""]);
    await typed(vm, "plugboard connect hello-docker:docker docker:docker-daemon", "CONNECTED", 120_000);
    await inShell("allowed", "OK");
    await typed(vm, "plugboard disconnect hello-docker:docker docker:docker-daemon", "DISCONNECTED", 120_000);
    await inShell("denied", "EACCES");
  } catch (e) {
    shellRec.fail(e);
  }
  // An interactive sh ignores SIGTERM: left running, it held the next
  // poweroff for systemd's whole stop timeout.
  await vm.job("console-shell-end", "pkill -KILL -t ttyS0; true", 30_000).catch(() => undefined);
  if (denRec.steps.length === 0) denRec.fail("not reached");
  return [seedRec.result(), shellRec.result(), denRec.result()];
}

/** Waits for the agent's first apply after a boot and returns its status counters. */
const AGENT_AFTER_BOOT = [
  "for i in $(seq 600); do [ -s /var/lib/plugboard/agent-status.json ] && break; sleep 0.5; done",
  "cat /var/lib/plugboard/agent-status.json",
].join("\n");

interface AgentStatus {
  counters?: { fullRegenerations?: number; cacheReloads?: number; applies?: number };
  lastError?: string;
}

/**
 * The agent across reboots: with the system key unchanged it reloads the
 * cached profiles and regenerates nothing; after Plugboard is upgraded the
 * key differs and the next boot regenerates every profile, once.
 */
export async function runRebootScenarios(sys: GuestSystem, reboot: (prepare: string) => Promise<Vm>, upgradedPkg: string): Promise<ScenarioResult[]> {
  const same = new Recorder(sys.kind, "reboot, same system key: cache reload", "agent+apparmor cache");
  const changed = new Recorder(sys.kind, "reboot after upgrade: full regeneration", "agent system key");
  const read = async (vm: Vm, label: string): Promise<{ status: AgentStatus; loaded: string }> => {
    const out = await vm.must(label, `${AGENT_AFTER_BOOT}\necho; echo "@@LOADED $(grep -c '^snap\\.hello-docker\\.hello-docker ' /sys/kernel/security/apparmor/profiles)"`, 400_000);
    const json = out.slice(0, out.indexOf("@@LOADED")).trim();
    return { status: JSON.parse(json) as AgentStatus, loaded: /@@LOADED (\d+)/.exec(out)?.[1] ?? "" };
  };
  const stopAgent = "systemctl stop plugboard.service; rm -f /var/lib/plugboard/agent-status.json; sync";
  try {
    let vm = await reboot(stopAgent);
    let r = await read(vm, "after-reboot");
    same.expect("reloaded", "after reboot", [
      { label: "full regenerations", want: "0" },
      { label: "profiles reloaded from cache", want: /^[1-9]\d*$/ },
      { label: "hello-docker profile loaded", want: "1" },
    ], [String(r.status.counters?.fullRegenerations ?? "?"), String(r.status.counters?.cacheReloads ?? "?"), r.loaded]);
    vm = await reboot(`${stopAgent}\ncp -a ${upgradedPkg}/. /usr/lib/plugboard/\nsync`);
    r = await read(vm, "after-upgrade");
    changed.expect("regenerated", "after upgrade and reboot", [
      { label: "full regenerations", want: "1" },
      { label: "hello-docker profile loaded", want: "1" },
      { label: "last error", want: "none" },
    ], [String(r.status.counters?.fullRegenerations ?? "?"), r.loaded, r.status.lastError ?? "none"]);
  } catch (e) {
    if (same.steps.length === 0) same.fail(e);
    changed.fail(e);
  }
  return [same.result(), changed.result()];
}

export type { VmOptions };
