import { defineInterface, onClassic } from "../src/iface/index.js";
import { checkCompatibility, checkSourceDirs, DRIVER_LIBS_BASE_DECLARATION, driverLibsOnHost, EXACTLY, FROM, keep } from "./driver-libs.js";

// A snap's NVIDIA video decoding and encoding libraries offered to the host
// (see driver-libs.ts).
//
// Connected to the system's plug (which only classic systems have): the
// host's loader searches library-source, and library-source is listed for
// confined apps (see driver-libs.ts).

export default defineInterface({
  name: "nvidia-video-driver-libs",
  summary: "allows a snap to offer NVIDIA video decoding and encoding libraries to the system",
  // The implicit side is a plug of the system snap, not a slot.
  implicitOn: { core: false, classic: false },
  implicitPlugOn: { core: false, classic: true },
  baseDeclaration: DRIVER_LIBS_BASE_DECLARATION,
  sanitizeSlot: (slot) => {
    // nvidia (only 0, the default), the Video Codec SDK's major and minor
    // version, and the Ubuntu release (24.04 or later) that sets the ABI.
    checkCompatibility(slot.attrs, [
      { tag: "nvidia", values: [EXACTLY(0)] },
      { tag: "video", values: [FROM(0), FROM(0)] },
      { tag: "ubuntu", values: [FROM(2404)] },
    ]);
    checkSourceDirs(slot.attrs, "library-source");
    return keep(slot);
  },
  hostLibraries: (ctx) => driverLibsOnHost(ctx, { loaderPath: true, exportList: onClassic(ctx) }),
  examples: { slot: { compatibility: "nvidia-video-12-2-ubuntu-2404", "library-source": ["$SNAP/usr/lib/x86_64-linux-gnu"] } },
});
