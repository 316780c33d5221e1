import path from "node:path";
import { PolicyError, UsageError } from "../errors/index.js";
import type { MountEntry } from "../iface/index.js";
import { isValidEnvName, type SnapInfo } from "../snap/index.js";

/** Where each installed snap's files are on the host, and where its data lives. */
export interface HostLayout {
  /** Host directory holding the snap's files (mounted at /snap/NAME/REVISION). */
  contentDir(snap: string): string | undefined;
  revision(snap: string): string | undefined;
  /** Host directory mounted at /var/snap/NAME. */
  dataDir(snap: string): string;
}

/** Programs the launch needs, by absolute path. */
export interface LauncherTools {
  /** The static helper (native/confine-exec) on the host: bound into the sandbox and run as its first process. */
  readonly confineExec: string;
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
  /**
   * Capabilities the connected interfaces grant (lower-case names without
   * "cap_", as AppArmor writes them), or "all". Every other one is removed
   * before the app starts, so root in the sandbox is not root on the host.
   */
  readonly capabilities: readonly string[] | "all";
  readonly tools: LauncherTools;
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
  /** The environment bwrap itself runs with: fixed, nothing of the snap's or the caller's. */
  readonly env: Record<string, string>;
  /** The environment the app starts with (handed over inside the sandbox only). */
  readonly appEnv: Readonly<Record<string, string>>;
  readonly tag: string;
}

/** Where the helper appears inside the sandbox: on its private root, whatever the host path. */
export const CONFINE_EXEC_IN_SANDBOX = "/.plugboard/confine-exec";

/** What the launcher's own tools run with; a fixed PATH of system directories only. */
export const LAUNCHER_ENV: Readonly<Record<string, string>> = Object.freeze({ PATH: "/usr/sbin:/usr/bin:/sbin:/bin" });



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

  // The app's environment: the caller's, the snap's variables, then the
  // snap.yaml's top-level and app environment, each able to refer to what
  // came before. Loader variables (LD_PRELOAD, LD_LIBRARY_PATH, ...) reach
  // the app as in snapd, but only the app: no host tool ever runs with them.
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(req.baseEnv)) if (v !== undefined && isValidEnvName(k) && !v.includes("\0")) env[k] = v;
  env["PATH"] ??= "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";
  Object.assign(env, vars);
  for (const layer of [snap.environment, app.environment]) {
    for (const [k, v] of Object.entries(layer)) {
      const value = expand(v, env);
      // snap.yaml parsing refuses these already; a plan is never built from anything else.
      if (!isValidEnvName(k) || value.includes("\0")) throw new PolicyError(`snap ${JSON.stringify(snap.name)}: environment variable ${JSON.stringify(k)} is not a valid name or holds a NUL`);
      env[k] = value;
    }
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
  // The host's /dev, for the devices interfaces grant; confine-exec then lays
  // a private devpts over /dev/pts so no host terminal is reachable by path.
  argv.push("--dev-bind", "/dev", "/dev", "--proc", "/proc", "--tmpfs", "/tmp", "--dir", "/snap", "--dir", "/var/snap");
  // Without AppArmor nothing mediates signals or /proc, so the app gets a PID
  // namespace of its own: it cannot see or kill the host's processes.
  if (!req.useAppArmor) argv.push("--unshare-pid");
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
  if (!path.isAbsolute(req.tools.confineExec)) throw new PolicyError(`the launcher helper must be an absolute path, not ${JSON.stringify(req.tools.confineExec)}`);
  argv.push("--ro-bind", req.tools.confineExec, CONFINE_EXEC_IN_SANDBOX);
  // bwrap starts the helper with an empty environment; the helper sets up
  // the terminal, AppArmor, capabilities and seccomp (the filter on fd 3),
  // then starts the app with exactly the environment below.
  argv.push("--chdir", "/", "--clearenv", "--", CONFINE_EXEC_IN_SANDBOX, "--new-pts");
  if (req.useAppArmor) argv.push("--profile", tag);
  for (const cap of keptCapabilities(req.capabilities)) argv.push("--keep-cap", String(cap));
  for (const [k, v] of Object.entries(env).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) argv.push("--env", `${k}=${v}`);
  argv.push("--");
  if (req.shell) {
    argv.push("/bin/sh", ...req.args);
  } else {
    if (!app.command) throw new UsageError(`app ${snap.name}.${app.name} has no command`);
    const [cmd, ...cmdArgs] = app.command.trim().split(/\s+/).map((w) => expand(w, env));
    argv.push(cmd!.startsWith("/") ? cmd! : path.posix.join(vars["SNAP"]!, cmd!), ...cmdArgs, ...req.args);
  }
  return { argv, env: { ...LAUNCHER_ENV }, appEnv: env, tag };
}

/** Capability numbers to keep, from AppArmor's names; unknown names are kept out. */
function keptCapabilities(caps: readonly string[] | "all"): number[] {
  if (caps === "all") return CAPABILITIES.map((_, i) => i);
  const out = new Set<number>();
  for (const c of caps) {
    const i = CAPABILITIES.indexOf(c);
    if (i >= 0) out.add(i);
  }
  return [...out].sort((a, b) => a - b);
}

/** Linux capability names in number order (capability.h), as AppArmor rules name them. */
export const CAPABILITIES: readonly string[] = [
  "chown", "dac_override", "dac_read_search", "fowner", "fsetid", "kill", "setgid", "setuid",
  "setpcap", "linux_immutable", "net_bind_service", "net_broadcast", "net_admin", "net_raw", "ipc_lock", "ipc_owner",
  "sys_module", "sys_rawio", "sys_chroot", "sys_ptrace", "sys_pacct", "sys_admin", "sys_boot", "sys_nice",
  "sys_resource", "sys_time", "sys_tty_config", "mknod", "lease", "audit_write", "audit_control", "setfcap",
  "mac_override", "mac_admin", "syslog", "wake_alarm", "block_suspend", "audit_read", "perfmon", "bpf",
  "checkpoint_restore",
];

/**
 * The capabilities an AppArmor profile grants: the names in its `capability`
 * rules, or "all" for a bare `capability,`. Deny rules grant nothing.
 */
export function profileCapabilities(profile: string): readonly string[] | "all" {
  const out = new Set<string>();
  for (const raw of profile.split("\n")) {
    const line = raw.replace(/#.*/, "").trim();
    const m = /^(?:(allow|audit|deny)\s+)*capability\b([^,]*),/.exec(line);
    if (!m || /^(?:audit\s+)?deny\b/.test(line)) continue;
    const names = m[2]!.trim().split(/\s+/).filter(Boolean);
    if (names.length === 0) return "all";
    for (const n of names) out.add(n);
  }
  return [...out].sort();
}

/**
 * Whether a launch uses AppArmor: always where the kernel has it, whatever
 * --root says, and never without the app's profile loaded (the app would
 * otherwise run unconfined by it without anyone noticing).
 */
export function chooseAppArmor(kernelHasAppArmor: boolean, profileLoaded: boolean, tag: string, root: string): boolean {
  if (!kernelHasAppArmor) return false;
  if (profileLoaded) return true;
  const how = root === "/" ? "reconnect or reinstall the snap to load it" : `the profiles of a --root tree (${root}) are compiled but not loaded into the kernel; run the app from the system root`;
  throw new PolicyError(`AppArmor profile ${tag} is not loaded in the kernel; refusing to run it without it: ${how}`);
}
