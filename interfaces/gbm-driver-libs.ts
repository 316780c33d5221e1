import { AttributeProblem, defineInterface } from "../src/iface/index.js";
import { checkCompatibility, checkSourceDirs, DRIVER_LIBS_BASE_DECLARATION, driverLibsOnHost, EXACTLY, FROM, keep } from "./driver-libs.js";

// A snap's GBM back-end offered to the host (see driver-libs.ts).
//
// Connected to the system's plug: on classic, the host's loader searches
// library-source and /usr/lib/TRIPLET/gbm/CLIENT-DRIVER links to the first
// library-source directory holding that file, where libgbm looks for
// back-ends; on classic and core, library-source is listed for confined apps
// (see driver-libs.ts).

const CLIENT_DRIVER = /^[-0-9a-zA-Z_.]+$/;

export default defineInterface({
  name: "gbm-driver-libs",
  summary: "allows a snap to offer a GBM back-end library to the system",
  // The implicit side is a plug of the system snap, not a slot.
  implicitOn: { core: false, classic: false },
  implicitPlugOn: { core: true, classic: true },
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
  hostLibraries: (ctx) =>
    driverLibsOnHost(ctx, {
      links: (c) => [{ kind: "library", file: c.slot.attrs["client-driver"] as string, hostDir: `/usr/lib/${c.multiarch}/gbm` }],
    }),
  examples: { slot: { "client-driver": "nvidia-drm_gbm.so", compatibility: "gbmbackend-(0..2)-arch64-ubuntu-2404", "library-source": ["$SNAP/usr/lib/x86_64-linux-gnu"] } },
});
