import { existsSync, promises as fs } from "node:fs";
import path from "node:path";
import { PolicyError, UsageError } from "../errors/index.js";
import type { MountEntry } from "../iface/index.js";
import { planLaunch, type HostEntry } from "../launcher/plan.js";
import type { Paths } from "../paths/index.js";
import { apparmorCanLoad, runBubblewrap } from "../system/index.js";
import { loadSystem } from "./system.js";

/** `run SNAP.APP` / `run --shell SNAP.APP`: start the app confined, return its exit status. */
export async function runApp(paths: Paths, target: string, opts: { shell?: boolean; args?: readonly string[] } = {}): Promise<number> {
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
  const mounts = await readFstab(path.join(paths.mountDir, `snap.${snapName}.fstab`));
  const host = {
    revision: (n: string) => sys.state.snaps[n]?.revision,
    contentDir: (n: string) => contentDir(paths, n, sys.state.snaps[n]?.revision, sys.state.snaps[n]?.source),
    dataDir: (n: string) => path.join(paths.root, "var/snap", n),
  };
  for (const n of Object.keys(sys.state.snaps)) {
    const rev = sys.state.snaps[n]!.revision;
    await fs.mkdir(path.join(host.dataDir(n), rev), { recursive: true });
    await fs.mkdir(path.join(host.dataDir(n), "common"), { recursive: true });
  }
  const plan = planLaunch(
    {
      snap: snap.info,
      revision: snap.revision,
      app: appName,
      shell: opts.shell === true,
      args: opts.args ?? [],
      seccompFilter: filter,
      mounts,
      useAppArmor: apparmorCanLoad(paths.root),
      baseEnv: process.env,
      hostRoot: await hostEntries("/"),
      hostVar: await hostEntries("/var"),
      ...(process.env["HOME"] && existsSync(process.env["HOME"]) ? { home: process.env["HOME"] } : {}),
    },
    host,
  );
  return runBubblewrap(plan.argv, plan.env, filter);
}

/** The snap's files on the host: its source directory, or the tree extracted from its .snap. */
function contentDir(paths: Paths, name: string, revision: string | undefined, source: string | undefined): string | undefined {
  if (!revision) return undefined;
  const extracted = path.join(paths.snapRevisionDir(name, revision), "root");
  if (existsSync(extracted)) return extracted;
  if (source && existsSync(path.join(source, "meta/snap.yaml"))) return source;
  if (source && source.endsWith("/meta/snap.yaml")) return path.dirname(path.dirname(source));
  return undefined;
}

async function hostEntries(dir: string): Promise<HostEntry[]> {
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
