export * from "./agent-client.js";
export * from "./listening.js";
