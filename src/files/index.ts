export * from "./atomic.js";
export * from "./package-root.js";
