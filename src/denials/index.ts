export * from "./parse.js";
export * from "./suggest.js";
