export * from "./types.js";
export * from "./attrs.js";
export * from "./registry.js";
export * from "./custom.js";
export * from "./verbatim.js";
