import { AttributeProblem, defineInterface } from "../src/iface/index.js";
import { checkCompatibility, checkSourceDirs, DRIVER_LIBS_BASE_DECLARATION, driverLibsOnHost, EXACTLY, FROM, keep, libraryPathProblem, member, sourceDirs } from "./driver-libs.js";

// A snap's EGL driver (a GLVND vendor library) offered to the host (see
// driver-libs.ts).
//
// Connected to the system's plug: on classic, the host's loader searches
// library-source and /etc/glvnd/egl_vendor.d gets a link to each vendor
// manifest of icd-source whose ICD.library_path names a file of
// library-source (named from priority plus the directory's place in
// icd-source, then the snap, slot and file, so GLVND orders them); on
// classic and core, library-source is listed for confined apps (see
// driver-libs.ts).

export default defineInterface({
  name: "egl-driver-libs",
  summary: "allows a snap to offer EGL driver libraries to the system",
  // The implicit side is a plug of the system snap, not a slot.
  implicitOn: { core: false, classic: false },
  implicitPlugOn: { core: true, classic: true },
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
  hostLibraries: (ctx) =>
    driverLibsOnHost(ctx, {
      links: (c) => [
        {
          kind: "manifests",
          sourceDirs: sourceDirs(c.slot.attrs, "icd-source"),
          hostDir: "/etc/glvnd/egl_vendor.d",
          priority: c.slot.attrs["priority"] as number,
          check: (manifest, hasLibrary) => libraryPathProblem(member(member(manifest, "ICD"), "library_path"), hasLibrary),
        },
      ],
    }),
  examples: { slot: { priority: 10, compatibility: "egl-1-5-ubuntu-2404", "icd-source": ["$SNAP/share/glvnd/egl_vendor.d"], "library-source": ["$SNAP/usr/lib/x86_64-linux-gnu"] } },
});
