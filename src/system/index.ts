export * from "./run.js";
export * from "./squashfs.js";
