import path from "node:path";
import { PolicyError, UsageError } from "../errors/index.js";
import type { MountEntry } from "../iface/index.js";
import type { SnapInfo } from "../snap/index.js";

/** Where each installed snap's files are on the host, and where its data lives. */
export interface HostLayout {
  /** Host directory holding the snap's files (mounted at /snap/NAME/REVISION). */
  contentDir(snap: string): string | undefined;
  revision(snap: string): string | undefined;
  /** Host directory mounted at /var/snap/NAME. */
  dataDir(snap: string): string;
}

export interface LaunchRequest {
  readonly snap: SnapInfo;
  readonly revision: string;
  readonly app: string;
  readonly shell: boolean;
  readonly args: readonly string[];
  readonly seccompFilter: string;
  readonly mounts: readonly MountEntry[];
  readonly useAppArmor: boolean;
  readonly baseEnv: Readonly<Record<string, string | undefined>>;
  /** The host's top-level entries and those of /var: the sandbox root is rebuilt from them. */
  readonly hostRoot: readonly HostEntry[];
  readonly hostVar: readonly HostEntry[];
  /** The user's home directory, bound writable (AppArmor decides what is reachable in it). */
  readonly home?: string;
}

export interface HostEntry {
  readonly name: string;
  /** For a symbolic link, its target. */
  readonly link?: string;
}

// Left out of the rebuilt root: replaced by the sandbox's own, or private.
const OWN_TOP = new Set(["proc", "dev", "tmp", "snap", "var", "lost+found"]);
// Bound writable: the kernel's attribute files (a GPIO line's value, an LED's
// brightness) are written through sysfs, and the AppArmor profile, not the
// mount, decides which of them an app may write.
const WRITABLE_TOP = new Set(["sys"]);

export interface LaunchPlan {
  /** argv for bwrap; the seccomp filter is expected on fd 3. */
  readonly argv: readonly string[];
  readonly env: Record<string, string>;
  readonly tag: string;
}

/** The host path behind a sandbox path under /snap/NAME/REV or /var/snap/NAME. */
function hostPathOf(p: string, host: HostLayout): string {
  const snapFile = /^\/snap\/([a-z0-9-]+)\/([a-z0-9]+)(\/.*)?$/.exec(p);
  if (snapFile) {
    const dir = host.contentDir(snapFile[1]!);
    if (!dir || host.revision(snapFile[1]!) !== snapFile[2]) throw new PolicyError(`content source ${p} belongs to a snap revision that is not installed`);
    return dir + (snapFile[3] ?? "");
  }
  const data = /^\/var\/snap\/([a-z0-9-]+)(\/.*)?$/.exec(p);
  if (data) return host.dataDir(data[1]!) + (data[2] ?? "");
  throw new PolicyError(`content source ${p} is not inside a snap`);
}

const SNAP_VAR = /\$\{?(SNAP_DATA|SNAP_COMMON|SNAP_NAME|SNAP_INSTANCE_NAME|SNAP_REVISION|SNAP)\}?/g;

/**
 * The bubblewrap command that runs an app confined: a read-only view of the
 * host, a private /tmp, the snap's files at $SNAP, its data at $SNAP_DATA and
 * $SNAP_COMMON, the content mounts of its connected plugs, its seccomp filter,
 * and its AppArmor profile through aa-exec where the kernel has AppArmor.
 */
export function planLaunch(req: LaunchRequest, host: HostLayout): LaunchPlan {
  const { snap, revision } = req;
  const app = snap.apps[req.app];
  if (!app) throw new UsageError(`snap ${JSON.stringify(snap.name)} has no app named ${JSON.stringify(req.app)}`);
  const tag = `snap.${snap.name}.${app.name}`;
  const vars: Record<string, string> = {
    SNAP: `/snap/${snap.name}/${revision}`,
    SNAP_NAME: snap.name,
    SNAP_INSTANCE_NAME: snap.name,
    SNAP_REVISION: revision,
    SNAP_DATA: `/var/snap/${snap.name}/${revision}`,
    SNAP_COMMON: `/var/snap/${snap.name}/common`,
  };
  const expand = (s: string, env: Record<string, string>) =>
    s.replace(SNAP_VAR, (_m, v: string) => vars[v]!).replace(/\$\{?([A-Z_][A-Z0-9_]*)\}?/g, (m, v: string) => env[v] ?? (v in vars ? vars[v]! : m));

  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(req.baseEnv)) if (v !== undefined) env[k] = v;
  env["PATH"] ??= "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";
  Object.assign(env, vars);
  // Top-level environment first, then the app's, each able to refer to what came before.
  for (const layer of [snap.environment, app.environment]) {
    for (const [k, v] of Object.entries(layer)) env[k] = expand(v, env);
  }

  // The root is a fresh tmpfs with the host's directories bound read-only into
  // it, so /snap and /var/snap can be made here even when the host has none.
  const argv = ["--die-with-parent", "--tmpfs", "/"];
  const entries = (dir: string, list: readonly HostEntry[], skip: ReadonlySet<string>) => {
    for (const e of list) {
      if (skip.has(e.name)) continue;
      if (e.link !== undefined) argv.push("--symlink", e.link, `${dir}/${e.name}`);
      else argv.push(dir === "" && WRITABLE_TOP.has(e.name) ? "--bind" : "--ro-bind", `${dir}/${e.name}`, `${dir}/${e.name}`);
    }
  };
  entries("", req.hostRoot, OWN_TOP);
  argv.push("--dir", "/var");
  entries("/var", req.hostVar, new Set(["snap"]));
  argv.push("--dev-bind", "/dev", "/dev", "--proc", "/proc", "--tmpfs", "/tmp", "--dir", "/snap", "--dir", "/var/snap");
  // A service started by init has HOME=/; binding that would lay the real root
  // over the sandbox's own (found by the VM tests), so only a real home is bound.
  if (req.home && path.posix.resolve(req.home) !== "/") argv.push("--bind", req.home, req.home);
  const bound = new Set<string>();
  const bindSnap = (name: string) => {
    if (bound.has(name)) return;
    const rev = host.revision(name);
    const dir = host.contentDir(name);
    if (!rev) throw new PolicyError(`snap ${JSON.stringify(name)} is not installed`);
    bound.add(name);
    if (dir) argv.push("--ro-bind", dir, `/snap/${name}/${rev}`);
    else argv.push("--dir", `/snap/${name}/${rev}`);
    argv.push("--bind", host.dataDir(name), `/var/snap/${name}`);
  };
  bindSnap(snap.name);
  for (const m of req.mounts) {
    // bwrap reads bind sources from the host, so sandbox paths are mapped back to where the files are.
    argv.push(m.readOnly ? "--ro-bind" : "--bind", hostPathOf(m.source, host), m.target);
  }
  argv.push("--chdir", "/", "--seccomp", "3", "--");
  if (req.useAppArmor) argv.push("aa-exec", "-p", tag, "--");
  if (req.shell) {
    argv.push("/bin/sh", ...req.args);
  } else {
    if (!app.command) throw new UsageError(`app ${snap.name}.${app.name} has no command`);
    const [cmd, ...cmdArgs] = app.command.trim().split(/\s+/).map((w) => expand(w, env));
    argv.push(cmd!.startsWith("/") ? cmd! : path.posix.join(vars["SNAP"]!, cmd!), ...cmdArgs, ...req.args);
  }
  return { argv, env, tag };
}
