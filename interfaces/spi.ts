import { AttributeProblem, defineInterface } from "../src/iface/index.js";
import { safeAbsolutePath } from "../src/backends/validate.js";
import type { AttrMap, SlotInfo } from "../src/snap/index.js";

const SPI_PATH = /^\/dev\/spidev(?:0|[1-9][0-9]{0,3})\.(?:0|[1-9][0-9]{0,3})$/;

function spiPath(slot: SlotInfo): string {
  const p = slot.attrs["path"];
  if (typeof p !== "string" || !SPI_PATH.test(p)) throw new AttributeProblem(`path must be an SPI device such as /dev/spidev0.0, not ${JSON.stringify(p)}`);
  return safeAbsolutePath(p, `spi slot ${slot.snap}:${slot.name} path`);
}

export default defineInterface({
  name: "spi",
  summary: "allows access to one SPI bus device chosen by the gadget",
  implicitOn: { core: false, classic: false },
  baseDeclaration: {
    slots: { "allow-installation": { "slot-snap-type": ["core", "gadget"] }, "deny-auto-connection": true },
  },
  sanitizeSlot: (slot): AttrMap => {
    // Only path is checked, as in snapd; other attributes are ignored.
    if (slot.attrs["path"] === undefined) throw new AttributeProblem("spi slot must set path");
    spiPath(slot);
    return slot.attrs;
  },
  connectedPlug: {
    apparmor: (ctx) => {
      const path = spiPath(ctx.slot);
      const busCs = path.slice("/dev/spidev".length);
      return `
# The one spidev node the slot names, and the sysfs entries of that bus and
# chip select (the SPI device and its spidev child) on platform controllers.
${path} rw,
/sys/devices/platform/**/**.spi/**/{spidev,spi}${busCs}/** rw,
`;
    },
    udev: (ctx) => [`KERNEL=="${spiPath(ctx.slot).slice("/dev/".length)}"`],
  },
  examples: { slot: { path: "/dev/spidev0.0" } },
});
