import { defineInterface } from "../src/iface/index.js";

export default defineInterface({
  name: "xilinx-dma",
  summary: "allows moving data to and from a Xilinx PCIe card through its XDMA or QDMA engine",
  implicitOn: { core: true, classic: true },
  // The card's DMA engines reach host memory, so plugs need a store declaration.
  baseDeclaration: {
    plugs: { "allow-installation": false, "deny-auto-connection": true },
    slots: { "allow-installation": { "slot-snap-type": ["core"] }, "deny-auto-connection": true },
  },
  connectedPlug: {
    apparmor: `
# XDMA driver: per-channel card-to-host and host-to-card streams, event
# nodes, and the control, user and debug (xvc) register windows.
/dev/xdma[0-9]*_{c2h,h2c,events}_[0-9]* rw,
/dev/xdma[0-9]*_{control,user,xvc} rw,
# With several cards the driver puts each card's nodes in a directory.
/dev/xdma/card[0-9]*/** rw,
# QDMA driver (physical and virtual functions): memory-mapped and streaming queues.
/dev/qdma{,vf}[0-9]*-{MM,ST}-[0-9]* rw,
# Both drivers' load-time parameters, which tools read to know the layout.
/sys/module/xdma/parameters/* r,
/sys/module/qdma/parameters/* r,
# QDMA queues are configured through the card's sysfs directory.
/sys/devices/pci*/**/qdma/* rw,
`,
    // Every node of these drivers belongs to one of their device classes.
    udev: ['SUBSYSTEM=="xdma"', 'SUBSYSTEM=="qdma-pf"', 'SUBSYSTEM=="qdma-vf"'],
  },
});
