import { AttributeProblem, defineInterface } from "../src/iface/index.js";
import { checkCompatibility, checkSourceDirs, DRIVER_LIBS_BASE_DECLARATION, EXACTLY, FROM, keep } from "./driver-libs.js";

// A snap's EGL driver (a GLVND vendor library) offered to the host (see
// driver-libs.ts).
//
// Not produced here (Plugboard has no backend for them): on classic, the
// ld.so.conf.d entry that adds library-source to the host's loader path, and
// the links in /etc/glvnd/egl_vendor.d to each vendor JSON file of
// icd-source (after checking that its ICD.library_path names a file in
// library-source; the link names start with priority, then the directory's
// place in icd-source); on classic and core, the list of library-source
// directories under /var/lib/snapd/export that snap-confine reads. snapd also
// gives the system snap an implicit plug of this interface on core and
// classic; Plugboard's system snap carries slots only.

export default defineInterface({
  name: "egl-driver-libs",
  summary: "allows a snap to offer EGL driver libraries to the system",
  // snapd's implicit side is a plug of the system snap, not a slot.
  implicitOn: { core: false, classic: false },
  baseDeclaration: DRIVER_LIBS_BASE_DECLARATION,
  sanitizeSlot: (slot) => {
    // Where its vendor files sort among the host's: a positive whole number.
    const priority = slot.attrs["priority"];
    if (priority === undefined) throw new AttributeProblem("priority must be set (a positive whole number)");
    if (typeof priority !== "number" || !Number.isSafeInteger(priority)) throw new AttributeProblem(`priority must be a whole number, not ${JSON.stringify(priority)}`);
    if (priority <= 0) throw new AttributeProblem(`priority must be a positive whole number, not ${priority}`);
    // EGL 1.5, and the Ubuntu release whose ABI the build follows.
    checkCompatibility(slot.attrs, [
      { tag: "egl", values: [EXACTLY(1), EXACTLY(5)] },
      { tag: "ubuntu", values: [FROM(0)] },
    ]);
    checkSourceDirs(slot.attrs, "icd-source");
    checkSourceDirs(slot.attrs, "library-source");
    return keep(slot);
  },
  examples: { slot: { priority: 10, compatibility: "egl-1-5-ubuntu-2404", "icd-source": ["$SNAP/share/glvnd/egl_vendor.d"], "library-source": ["$SNAP/usr/lib/x86_64-linux-gnu"] } },
});
