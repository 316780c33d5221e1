export * from "./info.js";
export * from "./names.js";
export { parseSnapYaml, snapInfoFromYaml, type MetadataFlavour, type ParseOptions } from "./parse.js";
export { parseGadgetConnections, type GadgetConnection, type GadgetEnd } from "./gadget.js";
