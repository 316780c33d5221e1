export * from "./agent.js";
export * from "./log.js";
