import { existsSync } from "node:fs";
import path from "node:path";
import { readIfExists } from "../files/index.js";
import type { Paths } from "../paths/index.js";
import { securityTags, udevTag } from "../backends/tags.js";
import { apparmorCanLoad, kernelHasAppArmor, loadedProfiles } from "../system/index.js";
import { fileDigest } from "./converge.js";
import type { LoadedSystem } from "./system.js";

export interface AppStatus {
  readonly tag: string;
  readonly profile?: string;
  /** "enforce", "complain", "not loaded", or "no AppArmor in the kernel". */
  readonly loaded: string;
  readonly seccompFilter: boolean;
  readonly udevTagged: boolean;
}

/** How apps launched on this kernel are confined. */
export interface Confinement {
  /** "strict": AppArmor and seccomp; "partial": no AppArmor in the kernel. */
  readonly level: "strict" | "partial";
  readonly note?: string;
}

export function launchConfinement(kernelAppArmor: boolean): Confinement {
  return kernelAppArmor
    ? { level: "strict" }
    : { level: "partial", note: "no AppArmor in this kernel: apps run with seccomp, their own mount and PID namespaces and the capabilities their interfaces grant; file, network and D-Bus access are not mediated" };
}

/** `status`: per app, what is on disk and in the kernel, plus the agent's last apply and counters. */
export interface SystemStatus {
  readonly confinement: Confinement;
  readonly apps: AppStatus[];
  readonly agent: unknown;
}

export async function systemStatus(paths: Paths, sys: LoadedSystem): Promise<SystemStatus> {
  const canLoad = apparmorCanLoad(paths.root);
  const loaded = canLoad ? loadedProfiles() : new Map<string, string>();
  const apps: AppStatus[] = [];
  for (const snap of sys.repo.snaps()) {
    if (snap.isSystem) continue;
    const rules = (await readIfExists(path.join(paths.udevRulesDir, `70-plugboard.${snap.info.name}.rules`))) ?? "";
    for (const t of securityTags(snap.info)) {
      const profile = await fileDigest(path.join(paths.apparmorProfilesDir, t.tag));
      apps.push({
        tag: t.tag,
        ...(profile ? { profile } : {}),
        loaded: canLoad ? (loaded.get(t.tag) ?? "not loaded") : "no AppArmor in the kernel (compiled only)",
        seccompFilter: existsSync(path.join(paths.seccompDir, `${t.tag}.bin`)),
        udevTagged: rules.includes(`TAG+="${udevTag(t.tag)}"`),
      });
    }
  }
  const agentText = await readIfExists(path.join(paths.varLib, "agent-status.json"));
  return { confinement: launchConfinement(kernelHasAppArmor()), apps, agent: agentText ? JSON.parse(agentText) : null };
}
