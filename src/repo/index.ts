export * from "./refs.js";
export * from "./sanitize.js";
export * from "./system-snap.js";
export * from "./repository.js";
