// One system under test (core-like or classic) as the harness drives it.
//
// Node in the guest takes seconds to start under TCG, so most steps run
// Plugboard's CLI on the host against this system's root directory, which
// lives in the VM's shared folder: it renders the files, compiles every
// profile with apparmor_parser and every seccomp filter. A job then puts the
// changed files where they belong in the guest's own "/", loads the changed
// profiles into the guest kernel with the same parser options Plugboard uses,
// reloads udev rules, and runs the apps through the exact bubblewrap command
// `plugboard run` builds for that guest (planRun with the guest's layout).
import { createHash } from "node:crypto";
import { existsSync, promises as fs } from "node:fs";
import path from "node:path";
import { ABI_DIR, POLICY_ABIS } from "../../src/system/apparmor.js";
import { makePaths } from "../../src/paths/index.js";
import { planRun, type LaunchHost } from "../../src/ops/run.js";
import type { HostEntry } from "../../src/launcher/plan.js";
import { mustPlugboard, plugboard, type CliRun } from "./host.js";
import type { Store } from "./store.js";
import type { Machine, SystemKind } from "./vm.js";

/** One thing to try inside the sandbox, or one fact to read off the guest. */
export type Probe =
  | { readonly run: string; readonly args: readonly string[]; readonly shell?: boolean }
  | { readonly udevTag: { readonly device: string; readonly tag: string } }
  | { readonly guest: string };

export const quote = (s: string): string => `'${s.replace(/'/g, `'\\''`)}'`;

const PROFILES = "var/lib/plugboard/apparmor/profiles/";
const UDEV = "etc/udev/rules.d/";
// Written by the host's own runs and meaningless in the guest.
const NOT_SYNCED = /^var\/lib\/plugboard\/(state\.lock|agent-status\.json)/;

export class GuestSystem {
  readonly root: string;
  private synced = new Map<string, string>();
  private readonly declared = new Set<string>();
  private guest: LaunchHost | undefined;
  /**
   * Whether this guest's kernel checks connects to pathname sockets against
   * file rules: it mediates AF_UNIX finely and profiles are pinned to the 5.0
   * feature ABI, which includes that mediation.
   */
  mediatesPathnameSockets = false;

  constructor(
    readonly kind: SystemKind,
    public vm: Machine,
    readonly store: Store,
  ) {
    this.root = path.join(vm.share, "root");
  }

  /** Device mode, trust in the stand-in store, and the guest's layout for launch plans. */
  async init(): Promise<void> {
    await fs.mkdir(path.join(this.root, "etc/plugboard"), { recursive: true });
    await fs.writeFile(path.join(this.root, "etc/plugboard/device.yaml"), `mode: ${this.kind}\n`);
    await this.cli(["trust", this.store.rootAccountKey]);
    await this.cli(["ack", this.store.storeAccountKey]);
    this.mediatesPathnameSockets =
      (await this.vm.must("abi", `if [ -f ${ABI_DIR}/5.0 ] && [ -e /sys/kernel/security/apparmor/features/network_v9/af_unix ]; then echo PATHNAME-MEDIATED; else echo PATHNAME-UNMEDIATED; fi`)).includes("PATHNAME-MEDIATED");
    const listing = await this.vm.must(
      "layout",
      `for e in /* /var/*; do if [ -L "$e" ]; then echo "L $e $(readlink "$e")"; elif [ -d "$e" ]; then echo "D $e"; fi; done`,
    );
    const hostRoot: HostEntry[] = [];
    const hostVar: HostEntry[] = [];
    for (const line of listing.split("\n")) {
      const m = /^([LD]) (\/var)?\/([^/ ]+)(?: (.*))?$/.exec(line.trim());
      if (!m) continue;
      (m[2] ? hostVar : hostRoot).push(m[1] === "L" ? { name: m[3]!, link: m[4]! } : { name: m[3]! });
    }
    this.guest = {
      layoutRoot: "/",
      hostRoot,
      hostVar,
      useAppArmor: true,
      baseEnv: { PATH: "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin", HOME: "/root", LANG: "C.UTF-8" },
      home: "/root",
      // The staged package's helper, as the guest sees the shared folder.
      tools: { confineExec: "/mnt/share/pkg/native/build/confine-exec" },
    };
  }

  async cli(args: readonly string[], input?: string): Promise<string> {
    return mustPlugboard(this.root, args, { env: this.store.env, ...(input !== undefined ? { input } : {}) });
  }

  async tryCli(args: readonly string[]): Promise<CliRun> {
    return plugboard(this.root, args, { env: this.store.env });
  }

  /** Signs and acknowledges the snap's declaration, once per snap name. */
  async ackDeclaration(snap: string, rules = ""): Promise<void> {
    if (this.declared.has(snap)) return;
    this.declared.add(snap);
    const f = path.join(this.vm.share, `decl-${snap}.assert`);
    await fs.writeFile(f, await this.store.declaration(snap, rules));
    await this.cli(["ack", f]);
  }

  /**
   * One round trip: bring the guest's files in step with the host root, then
   * try each probe. Returns each probe's answer (the last line it printed).
   */
  async phase(label: string, probes: readonly Probe[], timeoutMs = 180_000): Promise<{ answers: string[]; seconds: number; output: string }> {
    const script = [await this.syncScript(), ...(await Promise.all(probes.map((p, i) => this.probeScript(p, i))))].join("\n");
    const r = await this.vm.job(label, script, timeoutMs);
    const answers = probes.map((_, i) => {
      const m = new RegExp(`@@PROBE ${i}\\n([\\s\\S]*?)(?=@@PROBE ${i + 1}\\n|@@END|$)`).exec(r.out);
      const lines = (m?.[1] ?? "").split("\n").map((l) => l.trim()).filter(Boolean);
      return lines.at(-1) ?? "(no output)";
    });
    if (!r.out.includes("@@SYNCED")) throw new Error(`${label}: the guest did not finish syncing:\n${r.out}`);
    return { answers, seconds: r.seconds, output: r.out };
  }

  /** Shell that applies the host root's changes since the last sync to the guest's "/". */
  private async syncScript(): Promise<string> {
    const now = await manifest(this.root);
    const changed = [...now].filter(([f, sig]) => this.synced.get(f) !== sig).map(([f]) => f);
    const removed = [...this.synced.keys()].filter((f) => !now.has(f));
    const lines = ["set -u", "LOADFAIL=0"];
    const removedProfiles = removed.filter((f) => f.startsWith(PROFILES));
    if (removedProfiles.length) lines.push(`apparmor_parser -R ${removedProfiles.map((f) => quote("/" + f)).join(" ")} || LOADFAIL=1`);
    for (const f of removed) lines.push(`rm -f ${quote("/" + f)}`);
    // Directories the host no longer has go too (deepest first), as a removal leaves none behind.
    const goneDirs = new Set<string>();
    for (const f of removed) {
      for (let d = path.posix.dirname(f); d !== "." && !existsSync(path.join(this.root, d)); d = path.posix.dirname(d)) goneDirs.add(d);
    }
    for (const d of [...goneDirs].sort((a, b) => b.length - a.length)) lines.push(`rmdir ${quote("/" + d)} 2>/dev/null`);
    for (const dir of new Set(changed.map((f) => path.posix.dirname(f)))) lines.push(`mkdir -p ${quote("/" + dir)}`);
    for (const f of changed) lines.push(`cp --preserve=mode ${quote("/mnt/share/root/" + f)} ${quote("/" + f)}`);
    const profiles = changed.filter((f) => f.startsWith(PROFILES));
    if (profiles.length) {
      // The options Plugboard itself loads with on a real root, the feature ABI chosen as it chooses.
      lines.push(`ABI=; for v in ${POLICY_ABIS.join(" ")}; do if [ -f ${ABI_DIR}/$v ]; then ABI=--policy-features=${ABI_DIR}/$v; break; fi; done`);
      lines.push(`apparmor_parser $ABI --replace --write-cache --skip-read-cache --cache-loc=/var/cache/plugboard/apparmor -j1 ${profiles.map((f) => quote("/" + f)).join(" ")} || LOADFAIL=1`);
    }
    if ([...changed, ...removed].some((f) => f.startsWith(UDEV))) {
      lines.push(
        "udevadm control --reload-rules",
        "udevadm trigger --action=change --subsystem-match=tty --subsystem-match=rtc --subsystem-match=mem --subsystem-match=misc --subsystem-match=input --subsystem-match=usb",
        "udevadm settle --timeout=30",
      );
    }
    lines.push('[ "$LOADFAIL" = 0 ] || echo "@@LOADFAIL"', "echo @@SYNCED");
    this.synced = now;
    return lines.join("\n");
  }

  private async probeScript(p: Probe, i: number): Promise<string> {
    const head = `echo "@@PROBE ${i}"`;
    if ("guest" in p) return `${head}\n${p.guest}`;
    if ("udevTag" in p) {
      const { device, tag } = p.udevTag;
      return `${head}\nif udevadm info --query=property --name=${quote(device)} | grep -q "^CURRENT_TAGS=.*:${tag}:"; then echo OK; else echo ABSENT; fi`;
    }
    if (!this.guest) throw new Error("init() first");
    const plan = await planRun(makePaths(this.root), p.run, this.guest, { shell: p.shell === true, args: p.args });
    const env = Object.entries(plan.env).map(([k, v]) => quote(`${k}=${v}`));
    return [
      head,
      `mkdir -p ${plan.dataDirs.map(quote).join(" ")}`,
      `(cd / && env -i ${env.join(" ")} /usr/bin/bwrap ${plan.argv.map(quote).join(" ")} 3<${quote(plan.filter)}) 2>&1`,
    ].join("\n");
  }
}

/** Every file under the root with a signature of its content and mode. */
async function manifest(root: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const walk = async (dir: string): Promise<void> => {
    for (const e of await fs.readdir(dir, { withFileTypes: true }).catch(() => [])) {
      const p = path.join(dir, e.name);
      const rel = path.relative(root, p);
      if (e.isDirectory()) await walk(p);
      else if (e.isFile() && !NOT_SYNCED.test(rel)) {
        const st = await fs.stat(p);
        out.set(rel, createHash("sha1").update(await fs.readFile(p)).update(String(st.mode)).digest("hex"));
      }
    }
  };
  await walk(root);
  return out;
}
