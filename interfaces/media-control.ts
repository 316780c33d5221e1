import { defineInterface } from "../src/iface/index.js";

export default defineInterface({
  name: "media-control",
  summary: "allows configuring media controller devices and V4L2 sub-devices (camera pipelines)",
  // Connected by hand: the drivers trust what they are told here.
  implicitOn: { core: true, classic: true },
  baseDeclaration: {
    slots: { "allow-installation": { "slot-snap-type": ["core"] }, "deny-auto-connection": true },
  },
  connectedPlug: {
    apparmor: `
# Linking and configuring a media pipeline, and its sub-devices' formats and controls.
/dev/media[0-9]* rwk,
/dev/v4l-subdev[0-9]* rw,
`,
    udev: ['SUBSYSTEM=="media", KERNEL=="media[0-9]*"', 'SUBSYSTEM=="video4linux", KERNEL=="v4l-subdev[0-9]*"'],
  },
});
