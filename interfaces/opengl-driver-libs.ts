import { defineInterface } from "../src/iface/index.js";
import { checkCompatibility, checkSourceDirs, DRIVER_LIBS_BASE_DECLARATION, FROM, keep } from "./driver-libs.js";

// A snap's OpenGL driver libraries offered to the host (see driver-libs.ts).
//
// Not produced here (Plugboard has no backend for them): on classic, the
// ld.so.conf.d entry that adds library-source to the host's loader path; on
// classic and core, the list of library-source directories under
// /var/lib/snapd/export that snap-confine reads. snapd also gives the system
// snap an implicit plug of this interface on core and classic; Plugboard's
// system snap carries slots only.

export default defineInterface({
  name: "opengl-driver-libs",
  summary: "allows a snap to offer OpenGL driver libraries to the system",
  // snapd's implicit side is a plug of the system snap, not a slot.
  implicitOn: { core: false, classic: false },
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
  examples: { slot: { compatibility: "opengl-4-6-ubuntu-2404", "library-source": ["$SNAP/usr/lib/x86_64-linux-gnu"] } },
});
