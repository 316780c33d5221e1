import { defineInterface } from "../src/iface/index.js";
import { checkCompatibility, checkSourceDirs, DRIVER_LIBS_BASE_DECLARATION, FROM, keep } from "./driver-libs.js";

// A snap's CUDA driver libraries offered to the host (see driver-libs.ts).
//
// Not produced here (Plugboard has no backend for them): on classic, the
// ld.so.conf.d entry that adds library-source to the host's loader path; on
// classic and core, the list of library-source directories under
// /var/lib/snapd/export that snap-confine reads to bind them into snaps that
// use the GPU. snapd also gives the system snap an implicit plug of this
// interface on core and classic; Plugboard's system snap carries slots only,
// so nothing here can be connected until a snap declaration grants a plug.

export default defineInterface({
  name: "cuda-driver-libs",
  summary: "allows a snap to offer CUDA driver libraries to the system",
  // snapd's implicit side is a plug of the system snap, not a slot.
  implicitOn: { core: false, classic: false },
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
  examples: { slot: { compatibility: "cuda-(12..13)-ubuntu-2404", "library-source": ["$SNAP/usr/lib/x86_64-linux-gnu", "${SNAP}/lib"] } },
});
