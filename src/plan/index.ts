import path from "node:path";
import { renderProfile } from "../backends/apparmor/render.js";
import { mergeKmod, renderModprobe, renderModulesLoad } from "../backends/kmod/render.js";
import { renderFstab } from "../backends/mount/render.js";
import { renderSeccompSource } from "../backends/seccomp/render.js";
import { collectSnippets } from "../backends/snippets.js";
import { securityTags } from "../backends/tags.js";
import { renderUdevRules } from "../backends/udev/render.js";
import { exportListName, renderExportList, renderLinkRecord, renderLoaderPath } from "../backends/host-libraries/render.js";
import { resolveHostLibraries, type ResolvedHostLibraries } from "../backends/host-libraries/resolve.js";
import { connectedContext } from "../backends/snippets.js";
import type { HostFeatures, InterfaceRegistry } from "../iface/index.js";
import type { Paths } from "../paths/index.js";
import type { InstalledSnap, Repository } from "../repo/index.js";

/** The complete desired set of generated files for one snap: absolute path → content. */
export type SnapPlan = Map<string, string>;

/** Where a snap's files ($SNAP) are on this machine, or undefined when they are not here. */
export type SnapFilesLocator = (snap: string) => string | undefined;

/** The system snap's files: the host configuration its plugs' connections produce. */
export const loaderPathFile = (paths: Paths) => path.join(paths.ldconfigDir, "snap.system.conf");
export const linkRecordFile = (paths: Paths) => path.join(paths.exportDir, "system.links");

/** Which generated files belong to a snap, by backend directory and file name; `system` for the system snap. */
export function isSnapFile(paths: Paths, snapName: string, file: string, system = false): boolean {
  const dir = path.dirname(file);
  const base = path.basename(file);
  if (dir === paths.ldconfigDir) return system && file === loaderPathFile(paths);
  if (dir === paths.exportDir) return system && (file === linkRecordFile(paths) || (base.startsWith("system_") && base.endsWith(".library-source")));
  if (system) return false;
  if (dir === paths.apparmorProfilesDir) return base.startsWith(`snap.${snapName}.`);
  if (dir === paths.seccompDir) return base.startsWith(`snap.${snapName}.`) && (base.endsWith(".src") || base.endsWith(".bin"));
  if (dir === paths.udevRulesDir) return base === `70-plugboard.${snapName}.rules`;
  if (dir === paths.mountDir) return base === `snap.${snapName}.fstab`;
  if (dir === paths.modulesLoadDir || dir === paths.modprobeDir) return base === `snap.${snapName}.conf`;
  return false;
}

export const BACKEND_DIRS = (paths: Paths): string[] => [paths.apparmorProfilesDir, paths.seccompDir, paths.udevRulesDir, paths.mountDir, paths.modulesLoadDir, paths.modprobeDir];
/** Where the system snap's files go; kept apart because the host's own files share ld.so.conf.d. */
export const SYSTEM_DIRS = (paths: Paths): string[] => [paths.ldconfigDir, paths.exportDir];

/**
 * Renders every file of a snap from the repository: one AppArmor profile and
 * one seccomp source per app and hook, the udev rules when any interface
 * tags devices, the content mounts, and the kernel modules to load, configure
 * or refuse (modules-load.d, modprobe.d). Classic snaps are not confined and get
 * no files. Pure apart from reading the template once.
 */
export function planSnap(paths: Paths, repo: Repository, registry: InterfaceRegistry, snap: InstalledSnap, host?: HostFeatures, snapFiles?: SnapFilesLocator): SnapPlan {
  const plan: SnapPlan = new Map();
  const info = snap.info;
  if (snap.isSystem) return snapFiles ? planSystem(paths, repo, registry, snapFiles, host) : plan;
  if (info.confinement === "classic") return plan;
  const complain = info.confinement === "devmode";
  const { byTag, mounts, kmod } = collectSnippets(repo, registry, snap, host);
  const udev = new Map<string, readonly string[]>();
  for (const t of securityTags(info)) {
    const s = byTag.get(t.tag)!;
    plan.set(path.join(paths.apparmorProfilesDir, t.tag), renderProfile({ snapName: info.name, revision: snap.revision, tag: t.tag, complain, snippets: s.apparmor }));
    plan.set(path.join(paths.seccompDir, `${t.tag}.src`), renderSeccompSource(t.tag, complain, s.seccomp));
    if (s.udev.length) udev.set(t.tag, s.udev);
  }
  const rules = renderUdevRules(info.name, udev);
  if (rules) plan.set(path.join(paths.udevRulesDir, `70-plugboard.${info.name}.rules`), rules);
  const fstab = renderFstab(info.name, mounts);
  if (fstab) plan.set(path.join(paths.mountDir, `snap.${info.name}.fstab`), fstab);
  const modules = mergeKmod(info.name, kmod);
  const modulesLoad = renderModulesLoad(info.name, modules);
  if (modulesLoad) plan.set(path.join(paths.modulesLoadDir, `snap.${info.name}.conf`), modulesLoad);
  const modprobe = renderModprobe(info.name, modules);
  if (modprobe) plan.set(path.join(paths.modprobeDir, `snap.${info.name}.conf`), modprobe);
  return plan;
}

/** Debian's multiarch triplet of the architecture Node runs on, where per-architecture libraries live. */
export function multiarchTriplet(arch: string = process.arch): string {
  const triplets: Readonly<Record<string, string>> = {
    x64: "x86_64-linux-gnu",
    arm64: "aarch64-linux-gnu",
    arm: "arm-linux-gnueabihf",
    ia32: "i386-linux-gnu",
    ppc64: "powerpc64le-linux-gnu",
    s390x: "s390x-linux-gnu",
    riscv64: "riscv64-linux-gnu",
  };
  return triplets[arch] ?? `${arch}-linux-gnu`;
}

/**
 * The system snap's files: what its plugs' connections make the host do (the
 * loader's search path, the export lists, and the record of the links into
 * the host's driver directories). Reads the slot snaps' manifests, which
 * decide the links; a refused manifest refuses the whole plan.
 */
export function planSystem(paths: Paths, repo: Repository, registry: InterfaceRegistry, snapFiles: SnapFilesLocator, host?: HostFeatures): SnapPlan {
  const plan: SnapPlan = new Map();
  const resolved: ResolvedHostLibraries[] = [];
  const multiarch = multiarchTriplet();
  for (const c of repo.activeConnections()) {
    const plugSnap = repo.snap(c.plug.snap);
    const hook = registry.get(c.interface)?.hostLibraries;
    if (!plugSnap?.isSystem || !hook) continue;
    const ctx = connectedContext(repo, c, host ?? { apparmorParser: new Set() }, repo.device.mode);
    if (!ctx) continue;
    const snippet = hook({ ...ctx, multiarch });
    resolved.push(resolveHostLibraries({ snap: c.slot.snap, slot: c.slot.name, interface: c.interface, filesDir: snapFiles(c.slot.snap), root: paths.root }, snippet));
  }
  const loader = renderLoaderPath(resolved);
  if (loader) plan.set(loaderPathFile(paths), loader);
  for (const e of resolved) if (e.exportList) plan.set(path.join(paths.exportDir, exportListName(e)), renderExportList(e));
  const record = renderLinkRecord(resolved);
  if (record) plan.set(linkRecordFile(paths), record);
  return plan;
}
