import { readdirSync, readFileSync, realpathSync } from "node:fs";
import path from "node:path";
import type { HostFeatures } from "../iface/index.js";
import { parserTimeoutMs } from "./apparmor.js";
import { runTool } from "./run.js";

// A probe that cannot answer in time counts as "not supported": the
// compile that follows meets the same parser and reports it properly.
// Rules a parser may or may not understand, by the names snapd gives the
// features. Each is tried on a one-rule profile: compiling is the only
// reliable answer (distributions backport features across versions).
const PROBES: Readonly<Record<string, string>> = {
  userns: "userns,",
  "mqueue-posix": 'mqueue (getattr) type=posix "/",',
};

let cached: Promise<HostFeatures> | undefined;

function cpuFlags(): string[] {
  try {
    return /^flags\s+:\s+(.*)$/m.exec(readFileSync("/proc/cpuinfo", "utf8"))?.[1]?.split(/\s+/) ?? [];
  } catch {
    return [];
  }
}

function backlights(dir = "/sys/class/backlight"): string[] {
  let names: string[];
  try {
    names = readdirSync(dir).sort();
  } catch {
    return [];
  }
  return names.flatMap((n) => {
    try {
      return [realpathSync(path.join(dir, n))];
    } catch {
      return [];
    }
  });
}

/** What this machine offers the interfaces that depend on it, probed once per process. */
export function probeHostFeatures(): Promise<HostFeatures> {
  cached ??= (async () => {
    const parser = process.env["PLUGBOARD_APPARMOR_PARSER"] ?? "apparmor_parser";
    const found = new Set<string>();
    await Promise.all(
      Object.entries(PROBES).map(async ([name, rule]) => {
        const profile = `abi <abi/4.0>,\nprofile plugboard-feature-probe {\n  ${rule}\n}\n`;
        const ok = await runTool([parser, "-Q", "-K", "--quiet"], { input: profile, timeoutMs: Math.min(5_000, parserTimeoutMs(5_000)) }).then(
          () => true,
          () => false,
        );
        if (ok) found.add(name);
      }),
    );
    const notify = process.env["NOTIFY_SOCKET"];
    return { apparmorParser: found, cpuFlags: cpuFlags(), backlights: backlights(), ...(notify ? { notifySocket: notify } : {}) };
  })();
  return cached;
}
