import { defineInterface } from "../src/iface/index.js";
import { checkCompatibility, checkSourceDirs, compatible, DRIVER_LIBS_BASE_DECLARATION, driverLibsOnHost, EXACTLY, FROM, keep, libraryPathProblem, member, sourceDirs } from "./driver-libs.js";

// A snap's Vulkan driver (an ICD, and optionally layers) offered to the host
// (see driver-libs.ts).
//
// Connected to the system's plug: on classic, the host's loader searches
// library-source, and /etc/vulkan/icd.d, implicit_layer.d and
// explicit_layer.d get a link to each manifest of icd-source,
// implicit-layer-source and explicit-layer-source whose api_version fits
// compatibility and whose library_path names a file of library-source; on
// classic and core, library-source is listed for confined apps (see
// driver-libs.ts).

type HasLibrary = (file: string) => boolean;

/**
 * Why a manifest's api_version is not one the slot's compatibility covers:
 * MAJOR.MINOR[.PATCH] read as the label vulkan-MAJOR-MINOR-ubuntu-(any).
 */
function apiVersionProblem(apiVersion: unknown, compat: string): string | undefined {
  if (typeof apiVersion !== "string" || apiVersion === "") return "no api_version value found";
  const parts = apiVersion.split(".");
  if (parts.length < 2) return `api_version is not a version: ${apiVersion}`;
  const [major, minor] = parts as [string, string];
  if (!/^[0-9]+$/.test(major)) return `invalid major: api_version ${apiVersion}`;
  if (!/^[0-9]+$/.test(minor)) return `invalid minor: api_version ${apiVersion}`;
  const label = `vulkan-${Number(major)}-${Number(minor)}-ubuntu-(0..99999999)`;
  if (!compatible(compat, label)) return `api_version ${apiVersion} is not compatible with the interface compatibility label ${compat}`;
  return undefined;
}

/** An ICD manifest: {"ICD": {"api_version": ..., "library_path": ...}}. */
export function vulkanIcdProblem(manifest: unknown, compat: string, hasLibrary: HasLibrary): string | undefined {
  const icd = member(manifest, "ICD");
  return apiVersionProblem(member(icd, "api_version"), compat) ?? libraryPathProblem(member(icd, "library_path"), hasLibrary);
}

/**
 * A layers manifest: one "layer" or a list of "layers", each with an
 * api_version and either a library_path of the slot or component_layers (a
 * meta-layer made of other layers, which names no library).
 */
export function vulkanLayersProblem(manifest: unknown, compat: string, hasLibrary: HasLibrary): string | undefined {
  const one = member(manifest, "layer");
  const many = member(manifest, "layers");
  const list = Array.isArray(many) ? many : [];
  if (one === undefined && list.length === 0) return "either layer or layers should be present in layers file";
  if (one !== undefined && list.length > 0) return "layer and layers cannot be both present in layers file";
  for (const layer of one !== undefined ? [one] : list) {
    const problem = apiVersionProblem(member(layer, "api_version"), compat);
    if (problem) return problem;
    const lib = member(layer, "library_path");
    const components = member(layer, "component_layers");
    const hasLib = typeof lib === "string" && lib !== "";
    const hasComponents = Array.isArray(components) && components.length > 0;
    if (!hasLib && !hasComponents) return "either library_path or component_layers should be present in layer";
    if (hasLib && hasComponents) return "library_path and component_layers cannot be both present in layers file";
    if (hasLib) {
      const libProblem = libraryPathProblem(lib, hasLibrary);
      if (libProblem) return libProblem;
    }
  }
  return undefined;
}

export default defineInterface({
  name: "vulkan-driver-libs",
  summary: "allows a snap to offer a Vulkan driver and layers to the system",
  // The implicit side is a plug of the system snap, not a slot.
  implicitOn: { core: false, classic: false },
  implicitPlugOn: { core: true, classic: true },
  baseDeclaration: DRIVER_LIBS_BASE_DECLARATION,
  sanitizeSlot: (slot) => {
    // Vulkan 1.0 to 1.10, and the Ubuntu release whose ABI the build follows.
    checkCompatibility(slot.attrs, [
      { tag: "vulkan", values: [EXACTLY(1), { min: 0, max: 10 }] },
      { tag: "ubuntu", values: [FROM(0)] },
    ]);
    checkSourceDirs(slot.attrs, "library-source");
    checkSourceDirs(slot.attrs, "icd-source");
    checkSourceDirs(slot.attrs, "implicit-layer-source", true);
    checkSourceDirs(slot.attrs, "explicit-layer-source", true);
    return keep(slot);
  },
  hostLibraries: (ctx) =>
    driverLibsOnHost(ctx, {
      links: (c) => {
        const compat = c.slot.attrs["compatibility"] as string;
        const dirs = (key: string, hostDir: string, check: (m: unknown, has: (f: string) => boolean) => string | undefined) => ({
          kind: "manifests" as const,
          sourceDirs: sourceDirs(c.slot.attrs, key),
          hostDir,
          check,
        });
        return [
          dirs("icd-source", "/etc/vulkan/icd.d", (m, has) => vulkanIcdProblem(m, compat, has)),
          dirs("implicit-layer-source", "/etc/vulkan/implicit_layer.d", (m, has) => vulkanLayersProblem(m, compat, has)),
          dirs("explicit-layer-source", "/etc/vulkan/explicit_layer.d", (m, has) => vulkanLayersProblem(m, compat, has)),
        ];
      },
    }),
  examples: { slot: { compatibility: "vulkan-1-(0..3)-ubuntu-2404", "library-source": ["$SNAP/usr/lib/x86_64-linux-gnu"], "icd-source": ["$SNAP/share/vulkan/icd.d"], "implicit-layer-source": ["$SNAP/share/vulkan/implicit_layer.d"] } },
});
