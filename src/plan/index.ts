import path from "node:path";
import { renderProfile } from "../backends/apparmor/render.js";
import { mergeKmod, renderModprobe, renderModulesLoad } from "../backends/kmod/render.js";
import { renderFstab } from "../backends/mount/render.js";
import { renderSeccompSource } from "../backends/seccomp/render.js";
import { collectSnippets } from "../backends/snippets.js";
import { securityTags } from "../backends/tags.js";
import { renderUdevRules } from "../backends/udev/render.js";
import type { HostFeatures, InterfaceRegistry } from "../iface/index.js";
import type { Paths } from "../paths/index.js";
import type { InstalledSnap, Repository } from "../repo/index.js";

/** The complete desired set of generated files for one snap: absolute path → content. */
export type SnapPlan = Map<string, string>;

/** Which generated files belong to a snap, by backend directory and file name. */
export function isSnapFile(paths: Paths, snapName: string, file: string): boolean {
  const dir = path.dirname(file);
  const base = path.basename(file);
  if (dir === paths.apparmorProfilesDir) return base.startsWith(`snap.${snapName}.`);
  if (dir === paths.seccompDir) return base.startsWith(`snap.${snapName}.`) && (base.endsWith(".src") || base.endsWith(".bin"));
  if (dir === paths.udevRulesDir) return base === `70-plugboard.${snapName}.rules`;
  if (dir === paths.mountDir) return base === `snap.${snapName}.fstab`;
  if (dir === paths.modulesLoadDir || dir === paths.modprobeDir) return base === `snap.${snapName}.conf`;
  return false;
}

export const BACKEND_DIRS = (paths: Paths): string[] => [paths.apparmorProfilesDir, paths.seccompDir, paths.udevRulesDir, paths.mountDir, paths.modulesLoadDir, paths.modprobeDir];

/**
 * Renders every file of a snap from the repository: one AppArmor profile and
 * one seccomp source per app and hook, the udev rules when any interface
 * tags devices, the content mounts, and the kernel modules to load, configure
 * or refuse (modules-load.d, modprobe.d). Classic snaps are not confined and get
 * no files. Pure apart from reading the template once.
 */
export function planSnap(paths: Paths, repo: Repository, registry: InterfaceRegistry, snap: InstalledSnap, host?: HostFeatures): SnapPlan {
  const plan: SnapPlan = new Map();
  const info = snap.info;
  if (snap.isSystem || info.confinement === "classic") return plan;
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
