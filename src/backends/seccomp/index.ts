export { DEFAULT_SECCOMP_TEMPLATE } from "./default-template.js";
export { SECCOMP_CONSTANTS } from "./constants.js";
export {
  parseSeccompSource,
  serializeForCompiler,
  type ParseOptions,
  type SeccompArg,
  type SeccompMode,
  type SeccompOp,
  type SeccompProgram,
  type SeccompRule,
} from "./source.js";
