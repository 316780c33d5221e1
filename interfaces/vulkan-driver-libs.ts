import { defineInterface } from "../src/iface/index.js";
import { checkCompatibility, checkSourceDirs, DRIVER_LIBS_BASE_DECLARATION, EXACTLY, FROM, keep } from "./driver-libs.js";

// A snap's Vulkan driver (an ICD, and optionally layers) offered to the host
// (see driver-libs.ts).
//
// Not produced here (Plugboard has no backend for them): on classic, the
// ld.so.conf.d entry that adds library-source to the host's loader path, and
// the links in /etc/vulkan/icd.d, implicit_layer.d and explicit_layer.d to
// the JSON manifests of icd-source, implicit-layer-source and
// explicit-layer-source (after checking that each manifest's api_version
// fits compatibility and its library_path names a file in library-source);
// on classic and core, the list of library-source directories under
// /var/lib/snapd/export that snap-confine reads. snapd also gives the system
// snap an implicit plug of this interface on core and classic; Plugboard's
// system snap carries slots only.

export default defineInterface({
  name: "vulkan-driver-libs",
  summary: "allows a snap to offer a Vulkan driver and layers to the system",
  // snapd's implicit side is a plug of the system snap, not a slot.
  implicitOn: { core: false, classic: false },
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
  examples: { slot: { compatibility: "vulkan-1-(0..3)-ubuntu-2404", "library-source": ["$SNAP/usr/lib/x86_64-linux-gnu"], "icd-source": ["$SNAP/share/vulkan/icd.d"], "implicit-layer-source": ["$SNAP/share/vulkan/implicit_layer.d"] } },
});
