// Signed assertions: the text format, keys and signatures, the known types,
// the user's key store, and the database of accepted assertions.
export {
  decodeAssertions,
  decodeHeaders,
  encodeHeaders,
  FORMAT_LIMITS,
  headerString,
  type Assertion,
  type HeaderValue,
  type Headers,
} from "./format.js";
export {
  DEFAULT_KEY_BITS,
  generatePrivateKey,
  keyIdOf,
  MIN_KEY_BITS,
  privateKeyFromPem,
  verifySignature,
  type PrivateKey,
} from "./crypto.js";
export { signAssertion } from "./sign.js";
export {
  assertionTime,
  describeAssertion,
  KNOWN_TYPES,
  parseTime,
  primaryKey,
  revisionOf,
  validateAssertion,
} from "./types.js";
export { KeyStore } from "./keystore.js";
export { AssertionDatabase, type AddOptions, type IgnoredAssertion } from "./database.js";
