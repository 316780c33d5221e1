export * from "./types.js";
export * from "./compile.js";
export * from "./match-attrs.js";
export * from "./evaluate.js";
export * from "./check.js";
export * from "./levels.js";
