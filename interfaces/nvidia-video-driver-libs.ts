import { defineInterface } from "../src/iface/index.js";
import { checkCompatibility, checkSourceDirs, DRIVER_LIBS_BASE_DECLARATION, EXACTLY, FROM, keep } from "./driver-libs.js";

// A snap's NVIDIA video decoding and encoding libraries offered to the host
// (see driver-libs.ts).
//
// Not produced here (Plugboard has no backend for them): the ld.so.conf.d
// entry that adds library-source to the host's loader path, and on classic
// the list of library-source directories under /var/lib/snapd/export that
// snap-confine reads. snapd also gives the system snap an implicit plug of
// this interface on classic; Plugboard's system snap carries slots only.

export default defineInterface({
  name: "nvidia-video-driver-libs",
  summary: "allows a snap to offer NVIDIA video decoding and encoding libraries to the system",
  // snapd's implicit side is a plug of the system snap, not a slot.
  implicitOn: { core: false, classic: false },
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
  examples: { slot: { compatibility: "nvidia-video-12-2-ubuntu-2404", "library-source": ["$SNAP/usr/lib/x86_64-linux-gnu"] } },
});
