import { defineInterface } from "../src/iface/index.js";

// Read-only access to the static data of a ROS installation on the host
// (robot descriptions, meshes, configuration, workspace setup scripts) by
// file type, not to anything else under /opt/ros. snapd grants these through
// /var/lib/snapd/hostfs, its view of the host's root; apps here run on the
// host's root itself, so the same files are at /opt/ros.

export default defineInterface({
  name: "ros-opt-data",
  summary: "allows reading ROS data files (descriptions, meshes, configuration) in the host's /opt/ros",
  implicitOn: { core: false, classic: true },
  baseDeclaration: {
    slots: { "allow-installation": { "slot-snap-type": ["core"] } },
  },
  connectedPlug: {
    apparmor: `
# Listing the tree.
/opt/ros/ r,
/opt/ros/**/ r,
# Robot configuration, macro and description files.
/opt/ros/**/*.config r,
/opt/ros/**/*.yaml r,
/opt/ros/**/*.xacro r,
/opt/ros/**/*.urdf r,
# Meshes and their textures.
/opt/ros/**/*.stl r,
/opt/ros/**/*.dae r,
/opt/ros/**/*.png r,
/opt/ros/**/*.jpg r,
# Workspace setup scripts, for sourcing, and package metadata.
/opt/ros/**/*.sh r,
/opt/ros/**/*.zsh r,
/opt/ros/**/*.bash r,
/opt/ros/**/package.xml r,
`,
  },
});
