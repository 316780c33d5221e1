import {
  constants,
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPair,
  sign,
  verify,
  type KeyObject,
} from "node:crypto";
import { ValidationError } from "../errors/index.js";
import type { Assertion } from "./format.js";

/**
 * Key material and the raw signature scheme: RSA, PKCS#1 v1.5 with SHA-512
 * over the UTF-8 bytes of the signed content. Public keys travel as base64 of
 * their DER SubjectPublicKeyInfo; a key's id is the unpadded base64url of the
 * SHA3-384 of that DER, so an id names exactly one key.
 */

export interface PrivateKey {
  readonly name: string;
  readonly keyId: string;
  readonly privateKeyPem: string;
  readonly publicKeyB64: string;
}

export const DEFAULT_KEY_BITS = 4096;
/** Below this an RSA key is too weak to trust for anything. */
export const MIN_KEY_BITS = 2048;
const MAX_KEY_BITS = 16384;

const RSA = { padding: constants.RSA_PKCS1_PADDING } as const;
const DIGEST = "sha512";

/** Generates a new RSA key pair (asynchronously: a 4096-bit key takes a while). */
export async function generatePrivateKey(name: string, opts: { bits?: number } = {}): Promise<PrivateKey> {
  const bits = opts.bits ?? DEFAULT_KEY_BITS;
  if (!Number.isInteger(bits) || bits < MIN_KEY_BITS || bits > MAX_KEY_BITS) {
    throw new ValidationError(`key size must be a whole number of bits from ${MIN_KEY_BITS} to ${MAX_KEY_BITS}, not ${bits}`);
  }
  const privateKey = await new Promise<KeyObject>((resolve, reject) =>
    generateKeyPair("rsa", { modulusLength: bits, publicExponent: 0x10001 }, (err, _pub, priv) => (err ? reject(err) : resolve(priv))),
  );
  return privateKeyFromObject(name, privateKey);
}

/** Rebuilds a PrivateKey from its PEM (PKCS#8), deriving the public half and the id. */
export function privateKeyFromPem(name: string, pem: string, source: string): PrivateKey {
  let key: KeyObject;
  try {
    key = createPrivateKey({ key: pem, format: "pem" });
  } catch (e) {
    throw new ValidationError(`not a readable private key: ${e instanceof Error ? e.message : String(e)}`, { file: source });
  }
  if (key.asymmetricKeyType !== "rsa") throw new ValidationError(`not an RSA key (${key.asymmetricKeyType ?? "unknown"})`, { file: source });
  return privateKeyFromObject(name, key);
}

function privateKeyFromObject(name: string, key: KeyObject): PrivateKey {
  const publicKeyB64 = createPublicKey(key).export({ type: "spki", format: "der" }).toString("base64");
  return Object.freeze({
    name,
    keyId: keyIdOf(publicKeyB64),
    privateKeyPem: key.export({ type: "pkcs8", format: "pem" }).toString(),
    publicKeyB64,
  });
}

/** The id of a public key: unpadded base64url of SHA3-384 of its DER. */
export function keyIdOf(publicKeyB64: string): string {
  return createHash("sha3-384").update(decodeBase64(publicKeyB64, "public key")).digest("base64url");
}

/**
 * Reads a public key, refusing anything but an RSA key of at least
 * MIN_KEY_BITS: a weak or exotic key must not be able to vouch for anything.
 */
export function publicKeyFrom(publicKeyB64: string): KeyObject {
  const der = decodeBase64(publicKeyB64, "public key");
  let key: KeyObject;
  try {
    key = createPublicKey({ key: der, format: "der", type: "spki" });
  } catch {
    throw new ValidationError("public key is not a DER SubjectPublicKeyInfo");
  }
  if (key.asymmetricKeyType !== "rsa") throw new ValidationError(`public key is not an RSA key (${key.asymmetricKeyType ?? "unknown"})`);
  const bits = key.asymmetricKeyDetails?.modulusLength ?? 0;
  if (bits < MIN_KEY_BITS) throw new ValidationError(`public key has ${bits} bits; at least ${MIN_KEY_BITS} are needed`);
  return key;
}

/** Signs content; returns the base64 signature. */
export function signContent(content: string, key: PrivateKey): string {
  return sign(DIGEST, Buffer.from(content, "utf8"), { key: createPrivateKey(key.privateKeyPem), ...RSA }).toString("base64");
}

/** True when `signatureB64` is a signature of `content` by the key; false for any malformed input. */
export function verifyContent(content: string, signatureB64: string, publicKeyB64: string): boolean {
  try {
    const key = publicKeyFrom(publicKeyB64);
    const sig = decodeBase64(signatureB64, "signature");
    return verify(DIGEST, Buffer.from(content, "utf8"), { key, ...RSA }, sig);
  } catch {
    return false;
  }
}

export function verifySignature(a: Assertion, publicKeyB64: string): boolean {
  return verifyContent(a.content, a.signature, publicKeyB64);
}

/**
 * Node's base64 decoder skips characters it does not know; two spellings of
 * one key would then share an id. Only the canonical spelling is accepted.
 */
function decodeBase64(text: string, what: string): Buffer {
  const buf = Buffer.from(text, "base64");
  if (text === "" || buf.toString("base64") !== text) throw new ValidationError(`${what} is not canonical base64`);
  return buf;
}
