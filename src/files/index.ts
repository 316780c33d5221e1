export * from "./atomic.js";
