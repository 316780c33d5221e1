export * from "./run.js";
export * from "./squashfs.js";
export * from "./apparmor.js";
export * from "./udev.js";
export * from "./launch.js";
export * from "./seccomp.js";
export * from "./kernel-log.js";
export * from "./system-key.js";
