import { defineInterface } from "../src/iface/index.js";

const ZYNQMP_PCAP = "/sys/devices/platform/firmware:zynqmp-firmware/firmware:zynqmp-firmware:pcap";

export default defineInterface({
  name: "fpga",
  summary: "allows programming FPGAs through the kernel's FPGA manager framework",
  implicitOn: { core: true, classic: true },
  baseDeclaration: {
    slots: { "allow-installation": { "slot-snap-type": ["core"] }, "deny-auto-connection": true },
  },
  connectedPlug: {
    apparmor: `
# The FPGA device nodes bitstreams are written through.
/dev/fpga[0-9]* rw,
# State of the FPGA managers, regions and bridges, as the kernel documents
# them for the fpga_manager, fpga_region and fpga_bridge classes.
/sys/class/fpga_manager/fpga[0-9]*/{name,state,status} r,
/sys/class/fpga_region/region[0-9]*/compat_id r,
/sys/class/fpga_bridge/bridge[0-9]*/{name,state} r,
# Xilinx ZynqMP: the manager its firmware driver registers, where a
# bitstream is loaded by writing its firmware name, with flags and an
# optional decryption key.
${ZYNQMP_PCAP}/fpga_manager/fpga[0-9]*/{name,state,status} r,
${ZYNQMP_PCAP}/fpga_manager/fpga[0-9]*/firmware w,
${ZYNQMP_PCAP}/fpga_manager/fpga[0-9]*/{flags,key} rw,
/sys/devices/platform/fpga-full/fpga_region/region[0-9]*/compat_id r,
# How Xilinx's own ZynqMP driver reads a loaded bitstream back.
/sys/module/zynqmp_fpga/parameters/readback_type rw,
`,
    udev: ['SUBSYSTEM=="misc", KERNEL=="fpga[0-9]*"'],
  },
});
