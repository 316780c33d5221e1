import type { HostFeatures } from "../iface/index.js";
import { runTool } from "./run.js";

// Rules a parser may or may not understand, by the names snapd gives the
// features. Each is tried on a one-rule profile: compiling is the only
// reliable answer (distributions backport features across versions).
const PROBES: Readonly<Record<string, string>> = {
  userns: "userns,",
  "mqueue-posix": 'mqueue (getattr) type=posix "/",',
};

let cached: Promise<HostFeatures> | undefined;

/** The features of this machine's apparmor_parser, probed once per process. */
export function probeHostFeatures(): Promise<HostFeatures> {
  cached ??= (async () => {
    const parser = process.env["PLUGBOARD_APPARMOR_PARSER"] ?? "apparmor_parser";
    const found = new Set<string>();
    await Promise.all(
      Object.entries(PROBES).map(async ([name, rule]) => {
        const profile = `abi <abi/4.0>,\nprofile plugboard-feature-probe {\n  ${rule}\n}\n`;
        const ok = await runTool([parser, "-Q", "-K", "--quiet"], { input: profile, timeoutMs: 20_000 }).then(
          () => true,
          () => false,
        );
        if (ok) found.add(name);
      }),
    );
    return { apparmorParser: found };
  })();
  return cached;
}
