export * from "./response.js";
export * from "./connections.js";
export * from "./system-info.js";
export * from "./router.js";
export * from "./server.js";
