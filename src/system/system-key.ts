import { existsSync, readdirSync, readFileSync } from "node:fs";
import { createHash } from "node:crypto";
import { policyFeaturesFile } from "./apparmor.js";
import { runTool } from "./run.js";

/** What the kernel and tools can do, as far as generated profiles depend on it. */
export async function probeSecurityFeatures(): Promise<{ apparmorFeatures: string[]; parserVersion: string; policyFeatures: string; seccompActions: string }> {
  const featuresDir = "/sys/kernel/security/apparmor/features";
  const apparmorFeatures = existsSync(featuresDir) ? readdirSync(featuresDir).sort() : [];
  const parser = process.env["PLUGBOARD_APPARMOR_PARSER"] ?? "apparmor_parser";
  const parserVersion = (await runTool([parser, "--version"], { timeoutMs: 10_000 }).catch(() => "none")).split("\n")[0]!.trim();
  // The pinned ABI and its content: a parser upgrade that adds or changes an
  // ABI file changes what every profile means, so everything is recompiled.
  const abi = policyFeaturesFile();
  let policyFeatures = "parser default";
  if (abi !== undefined) {
    try {
      policyFeatures = `${abi} ${createHash("sha256").update(readFileSync(abi)).digest("hex").slice(0, 16)}`;
    } catch {
      policyFeatures = `${abi} unreadable`;
    }
  }
  let seccompActions = "none";
  try {
    seccompActions = readFileSync("/proc/sys/kernel/seccomp/actions_avail", "utf8").trim();
  } catch {
    // No seccomp in this kernel: the key records that.
  }
  return { apparmorFeatures, parserVersion, policyFeatures, seccompActions };
}

/** Names of the AppArmor profiles loaded in the kernel (empty without AppArmor). */
export function loadedProfiles(): Map<string, string> {
  const out = new Map<string, string>();
  try {
    for (const line of readFileSync("/sys/kernel/security/apparmor/profiles", "utf8").split("\n")) {
      const m = /^(.*) \((\w+)\)$/.exec(line.trim());
      if (m) out.set(m[1]!, m[2]!);
    }
  } catch {
    // No AppArmor: nothing is loaded.
  }
  return out;
}
