import { existsSync, promises as fs } from "node:fs";
import path from "node:path";
import { PolicyError, UsageError } from "../errors/index.js";
import type { MountEntry } from "../iface/index.js";
import { chooseAppArmor, planLaunch, profileCapabilities, type HostEntry, type LauncherTools } from "../launcher/plan.js";
import type { Paths } from "../paths/index.js";
import { confineExecPath, kernelHasAppArmor, loadedProfiles, resolveBwrap, runBubblewrap } from "../system/index.js";
import { snapFilesDir } from "./snap-files.js";
import { loadSystem } from "./system.js";

/**
 * Where a launch happens, as far as the plan depends on it. `runApp` reads it
 * off this machine; the VM tests describe a guest so the plan made here is the
 * one the guest's `plugboard run` would make.
 */
export interface LaunchHost {
  /** The root the plugboard tree is seen at when the command runs (paths.root when run here). */
  readonly layoutRoot: string;
  readonly hostRoot: readonly HostEntry[];
  readonly hostVar: readonly HostEntry[];
  readonly useAppArmor: boolean;
  readonly baseEnv: Readonly<Record<string, string | undefined>>;
  readonly home?: string;
  /** The launcher's helper as that machine sees it. */
  readonly tools: LauncherTools;
}

export interface RunPlan {
  readonly argv: readonly string[];
  /** What bwrap runs with (fixed); the app's own environment is in argv, handed over inside the sandbox. */
  readonly env: Record<string, string>;
  readonly appEnv: Readonly<Record<string, string>>;
  readonly tag: string;
  /** Set when confinement is partial (no AppArmor): what is and is not enforced, to say once per run. */
  readonly partial?: string;
  /** The compiled seccomp filter bwrap reads on fd 3, under layoutRoot. */
  readonly filter: string;
  /** Data directories (under layoutRoot) that must exist before bwrap binds them. */
  readonly dataDirs: readonly string[];
}

/** The bubblewrap command for `run [--shell] SNAP.APP`, without running it. */
export async function planRun(paths: Paths, target: string, where: LaunchHost, opts: { shell?: boolean; args?: readonly string[] } = {}): Promise<RunPlan> {
  const [snapName, appName] = target.split(".", 2) as [string, string | undefined];
  if (!appName) throw new UsageError(`give an app as SNAP.APP, not ${JSON.stringify(target)}`);
  const sys = await loadSystem(paths);
  const snap = sys.repo.snap(snapName);
  if (!snap || snap.isSystem) throw new PolicyError(`snap ${JSON.stringify(snapName)} is not installed`);
  const tag = `snap.${snapName}.${appName}`;
  const filter = path.join(paths.seccompDir, `${tag}.bin`);
  if (!existsSync(filter)) {
    throw new PolicyError(`no compiled seccomp filter for ${tag} (${filter}); refusing to run it unconfined. Reinstall or reconnect the snap to regenerate it`);
  }
  // Files are looked up under paths.root and named as they will be seen from layoutRoot.
  const seen = (p: string) => (p.startsWith(paths.root + path.sep) ? path.join(where.layoutRoot, path.relative(paths.root, p)) : p);
  const mounts = await readFstab(path.join(paths.mountDir, `snap.${snapName}.fstab`));
  // The profile says which capabilities the connected interfaces grant; the
  // launcher removes every other one, with or without AppArmor in the kernel.
  const profile = await fs.readFile(path.join(paths.apparmorProfilesDir, tag), "utf8").catch(() => undefined);
  if (profile === undefined) throw new PolicyError(`no AppArmor profile for ${tag}; refusing to run it. Reinstall or reconnect the snap to regenerate it`);
  const host = {
    revision: (n: string) => sys.state.snaps[n]?.revision,
    contentDir: (n: string) => {
      const dir = snapFilesDir(paths, n, sys.state.snaps[n]?.revision, sys.state.snaps[n]?.source);
      return dir === undefined ? undefined : seen(dir);
    },
    dataDir: (n: string) => path.join(where.layoutRoot, "var/snap", n),
  };
  const dataDirs = Object.entries(sys.state.snaps).flatMap(([n, s]) => [path.join(host.dataDir(n), s.revision), path.join(host.dataDir(n), "common")]);
  const plan = planLaunch(
    {
      snap: snap.info,
      revision: snap.revision,
      app: appName,
      shell: opts.shell === true,
      args: opts.args ?? [],
      seccompFilter: seen(filter),
      mounts,
      useAppArmor: where.useAppArmor,
      capabilities: profileCapabilities(profile),
      tools: where.tools,
      baseEnv: where.baseEnv,
      hostRoot: where.hostRoot,
      hostVar: where.hostVar,
      ...(where.home !== undefined ? { home: where.home } : {}),
    },
    host,
  );
  const partial = where.useAppArmor
    ? undefined
    : `the kernel has no AppArmor, so ${tag} runs partially confined: seccomp, its own mount and PID namespaces and the capabilities its interfaces grant are enforced; file, network and D-Bus access are not mediated`;
  return { ...plan, filter: seen(filter), dataDirs, ...(partial ? { partial } : {}) };
}

/**
 * `run SNAP.APP` / `run --shell SNAP.APP`: start the app confined, return its
 * exit status. `warn` receives, once, what is not enforced on this kernel.
 */
export async function runApp(paths: Paths, target: string, opts: { shell?: boolean; args?: readonly string[]; warn?: (message: string) => void } = {}): Promise<number> {
  const home = process.env["HOME"];
  const [snapName, appName] = target.split(".", 2);
  const tag = `snap.${snapName}.${appName ?? ""}`;
  const useAppArmor = chooseAppArmor(kernelHasAppArmor(), kernelHasAppArmor() && loadedProfiles().has(tag), tag, paths.root);
  const plan = await planRun(
    paths,
    target,
    {
      layoutRoot: paths.root,
      hostRoot: await hostEntries("/"),
      hostVar: await hostEntries("/var"),
      useAppArmor,
      baseEnv: process.env,
      tools: { confineExec: confineExecPath() },
      ...(home && existsSync(home) ? { home } : {}),
    },
    opts,
  );
  if (plan.partial) opts.warn?.(plan.partial);
  for (const dir of plan.dataDirs) await fs.mkdir(dir, { recursive: true });
  return runBubblewrap(resolveBwrap(), plan.argv, plan.env, plan.filter);
}

/** A directory's subdirectories and symbolic links, as the launcher rebuilds them. */
export async function hostEntries(dir: string): Promise<HostEntry[]> {
  const out: HostEntry[] = [];
  for (const d of await fs.readdir(dir, { withFileTypes: true })) {
    if (d.isSymbolicLink()) out.push({ name: d.name, link: await fs.readlink(path.join(dir, d.name)) });
    else if (d.isDirectory()) out.push({ name: d.name });
  }
  return out.sort((a, b) => (a.name < b.name ? -1 : 1));
}

async function readFstab(file: string): Promise<MountEntry[]> {
  const text = await fs.readFile(file, "utf8").catch(() => "");
  return text
    .split("\n")
    .filter((l) => l.trim() && !l.startsWith("#"))
    .map((l) => {
      const [source, target, , options] = l.split(/\s+/) as [string, string, string, string];
      return { source, target, readOnly: options.split(",").includes("ro") };
    });
}
