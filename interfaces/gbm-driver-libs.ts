import { AttributeProblem, defineInterface } from "../src/iface/index.js";
import { checkCompatibility, checkSourceDirs, DRIVER_LIBS_BASE_DECLARATION, EXACTLY, FROM, keep } from "./driver-libs.js";

// A snap's GBM back-end offered to the host (see driver-libs.ts).
//
// Not produced here (Plugboard has no backend for them): on classic, the
// ld.so.conf.d entry that adds library-source to the host's loader path, and
// the link /usr/lib/ARCH-linux-gnu/gbm/CLIENT-DRIVER to the first
// library-source directory holding that file; on classic and core, the list
// of library-source directories under /var/lib/snapd/export that
// snap-confine reads. snapd also gives the system snap an implicit plug of
// this interface on core and classic; Plugboard's system snap carries slots
// only.

const CLIENT_DRIVER = /^[-0-9a-zA-Z_.]+$/;

export default defineInterface({
  name: "gbm-driver-libs",
  summary: "allows a snap to offer a GBM back-end library to the system",
  // snapd's implicit side is a plug of the system snap, not a slot.
  implicitOn: { core: false, classic: false },
  baseDeclaration: DRIVER_LIBS_BASE_DECLARATION,
  sanitizeSlot: (slot) => {
    // The back-end's file name, as libgbm looks it up in its directory.
    const driver = slot.attrs["client-driver"];
    if (driver === undefined) throw new AttributeProblem("client-driver must be set (the back-end library's file name)");
    if (typeof driver !== "string") throw new AttributeProblem(`client-driver must be a string, not ${JSON.stringify(driver)}`);
    if (driver.includes("/")) throw new AttributeProblem(`client-driver ${JSON.stringify(driver)} must be a file name, not a path`);
    if (!CLIENT_DRIVER.test(driver) || driver === "." || driver === "..") {
      throw new AttributeProblem(`client-driver ${JSON.stringify(driver)} is not a file name of letters, digits, ".", "_" and "-"`);
    }
    // The GBM back-end ABI, 32- or 64-bit (arch32/arch64, no value), and the Ubuntu release.
    const forArch = (arch: string) => [
      { tag: "gbmbackend", values: [FROM(0)] },
      { tag: arch, values: [EXACTLY(0)] },
      { tag: "ubuntu", values: [FROM(0)] },
    ];
    checkCompatibility(slot.attrs, forArch("arch32"), forArch("arch64"));
    checkSourceDirs(slot.attrs, "library-source");
    return keep(slot);
  },
  examples: { slot: { "client-driver": "nvidia-drm_gbm.so", compatibility: "gbmbackend-(0..2)-arch64-ubuntu-2404", "library-source": ["$SNAP/usr/lib/x86_64-linux-gnu"] } },
});
