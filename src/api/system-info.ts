// GET /v2/system-info: what `snap version` and snapd-glib's system
// information read. Facts Plugboard has no equivalent for (refresh
// schedules, store login) are left out rather than invented.
import os from "node:os";
import type { DeviceInfo } from "../device/index.js";
import { syncResponse, type ApiResponse } from "./response.js";

export interface SystemFacts {
  readonly version: string;
  readonly device: DeviceInfo;
  /** ID and VERSION_ID of the root's os-release, as snapd reports them. */
  readonly osRelease: { readonly id: string; readonly versionId?: string };
  /** "strict" where the kernel enforces AppArmor, "partial" otherwise (as `plugboard status` says). */
  readonly confinement: "strict" | "partial";
}

/** The two os-release fields snapd reports, from the file's text (unquoted as the format allows). */
export function parseOsRelease(text: string | undefined): SystemFacts["osRelease"] {
  const fields = new Map<string, string>();
  for (const line of (text ?? "").split("\n")) {
    const m = /^([A-Z_]+)=(.*)$/.exec(line.trim());
    if (m) fields.set(m[1]!, m[2]!.replace(/^(["'])(.*)\1$/, "$2"));
  }
  const versionId = fields.get("VERSION_ID");
  return { id: fields.get("ID") ?? "linux", ...(versionId !== undefined ? { versionId } : {}) };
}

export function systemInfoResponse(facts: SystemFacts): ApiResponse {
  return syncResponse({
    series: "16",
    version: facts.version,
    "os-release": { id: facts.osRelease.id, ...(facts.osRelease.versionId !== undefined ? { "version-id": facts.osRelease.versionId } : {}) },
    "on-classic": facts.device.mode === "classic",
    managed: false,
    "kernel-version": os.release(),
    locations: { "snap-mount-dir": "/snap", "snap-bin-dir": "/snap/bin" },
    architecture: debianArchitecture(),
    confinement: facts.confinement,
  });
}

/** Node's names for the CPU, in Debian's spelling (what snapd reports). */
function debianArchitecture(): string {
  const map: Record<string, string> = { x64: "amd64", arm64: "arm64", arm: "armhf", ia32: "i386", ppc64: "ppc64el", s390x: "s390x", riscv64: "riscv64" };
  return map[process.arch] ?? process.arch;
}
