import { defineInterface } from "../src/iface/index.js";
import { checkCompatibility, checkSourceDirs, DRIVER_LIBS_BASE_DECLARATION, driverLibsOnHost, FROM, keep } from "./driver-libs.js";

// A snap's CUDA driver libraries offered to the host (see driver-libs.ts).
//
// Connected to the system's plug: on classic, the host's loader searches
// library-source; on classic and core, library-source is listed for confined
// apps (see driver-libs.ts).

export default defineInterface({
  name: "cuda-driver-libs",
  summary: "allows a snap to offer CUDA driver libraries to the system",
  // The implicit side is a plug of the system snap, not a slot.
  implicitOn: { core: false, classic: false },
  implicitPlugOn: { core: true, classic: true },
  baseDeclaration: DRIVER_LIBS_BASE_DECLARATION,
  sanitizeSlot: (slot) => {
    // cuda-N (or a range) for the CUDA driver API, and the Ubuntu release the build's ABI follows (24.04 or later).
    checkCompatibility(slot.attrs, [
      { tag: "cuda", values: [FROM(0)] },
      { tag: "ubuntu", values: [FROM(2404)] },
    ]);
    checkSourceDirs(slot.attrs, "library-source");
    return keep(slot);
  },
  hostLibraries: (ctx) => driverLibsOnHost(ctx),
  examples: { slot: { compatibility: "cuda-(12..13)-ubuntu-2404", "library-source": ["$SNAP/usr/lib/x86_64-linux-gnu", "${SNAP}/lib"] } },
});
