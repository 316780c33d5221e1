import { defineInterface } from "../src/iface/index.js";
import { checkCompatibility, checkSourceDirs, DRIVER_LIBS_BASE_DECLARATION, driverLibsOnHost, FROM, keep } from "./driver-libs.js";

// A snap's OpenGL driver libraries offered to the host (see driver-libs.ts).
//
// Connected to the system's plug: on classic, the host's loader searches
// library-source; on classic and core, library-source is listed for confined
// apps (see driver-libs.ts).

export default defineInterface({
  name: "opengl-driver-libs",
  summary: "allows a snap to offer OpenGL driver libraries to the system",
  // The implicit side is a plug of the system snap, not a slot.
  implicitOn: { core: false, classic: false },
  implicitPlugOn: { core: true, classic: true },
  baseDeclaration: DRIVER_LIBS_BASE_DECLARATION,
  sanitizeSlot: (slot) => {
    // The OpenGL version (major and minor) and the Ubuntu release whose ABI the build follows.
    checkCompatibility(slot.attrs, [
      { tag: "opengl", values: [FROM(0), FROM(0)] },
      { tag: "ubuntu", values: [FROM(0)] },
    ]);
    checkSourceDirs(slot.attrs, "library-source");
    return keep(slot);
  },
  hostLibraries: (ctx) => driverLibsOnHost(ctx),
  examples: { slot: { compatibility: "opengl-4-6-ubuntu-2404", "library-source": ["$SNAP/usr/lib/x86_64-linux-gnu"] } },
});
