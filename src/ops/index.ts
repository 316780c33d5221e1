export * from "./system.js";
export * from "./source.js";
export * from "./install.js";
export * from "./remove.js";
export * from "./connect.js";
export * from "./disconnect.js";
