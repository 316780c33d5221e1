import { defineInterface } from "../src/iface/index.js";

export default defineInterface({
  name: "allegro-vcu",
  summary: "allows using the Allegro video codec unit of Xilinx devices to encode and decode video",
  implicitOn: { core: true, classic: true },
  // The codec driver trusts what it is given, so a connection is an admin's choice.
  baseDeclaration: {
    slots: { "allow-installation": { "slot-snap-type": ["core"] }, "deny-auto-connection": true },
  },
  connectedPlug: {
    apparmor: `
# The decoder and encoder of the video codec unit, and the DMA proxy device
# that moves frame buffers to and from it.
/dev/allegroDecodeIP rw,
/dev/allegroIP rw,
/dev/dmaproxy rw,
`,
    udev: ['SUBSYSTEM=="allegro_decode_class", KERNEL=="allegroDecodeIP"', 'SUBSYSTEM=="allegro_encode_class", KERNEL=="allegroIP"', 'SUBSYSTEM=="char", KERNEL=="dmaproxy"'],
  },
});
