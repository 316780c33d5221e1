import { createHash, createPublicKey } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { ValidationError } from "../errors/index.js";
import { DEFAULT_KEY_BITS, generatePrivateKey, keyIdOf, privateKeyFromPem, verifySignature, type PrivateKey } from "./crypto.js";
import { type Headers } from "./format.js";
import { signAssertion } from "./sign.js";
import { parseOne } from "./test-support.js";

let key: PrivateKey;
let other: PrivateKey;
beforeAll(async () => {
  [key, other] = await Promise.all([generatePrivateKey("main", { bits: 2048 }), generatePrivateKey("other", { bits: 2048 })]);
});

const decl: Headers = {
  type: "snap-declaration",
  "authority-id": "acme",
  series: "16",
  "snap-id": "id1",
  "snap-name": "foo",
  "publisher-id": "acme",
  timestamp: "2026-01-01T00:00:00Z",
};

const { "snap-id": _dropped, ...withoutSnapId } = decl;

describe("keys", () => {
  it("names a key by the SHA3-384 of its DER, in unpadded base64url", () => {
    const der = Buffer.from(key.publicKeyB64, "base64");
    expect(createPublicKey({ key: der, format: "der", type: "spki" }).asymmetricKeyDetails?.modulusLength).toBe(2048);
    expect(key.keyId).toBe(createHash("sha3-384").update(der).digest("base64url"));
    expect(key.keyId).toMatch(/^[A-Za-z0-9_-]{64}$/);
    expect(keyIdOf(other.publicKeyB64)).not.toBe(key.keyId);
  });

  it("refuses a non-canonical spelling of a public key", () => {
    expect(() => keyIdOf(`${key.publicKeyB64.slice(0, 10)}!${key.publicKeyB64.slice(10)}`)).toThrow(/not canonical base64/);
    expect(() => keyIdOf("")).toThrow(ValidationError);
  });

  it("rebuilds the same key from its PEM", () => {
    expect(privateKeyFromPem("main", key.privateKeyPem, "f")).toEqual(key);
    expect(() => privateKeyFromPem("x", "not a pem", "/k")).toThrow(/^\/k: not a readable private key/);
  });

  it("refuses weak key sizes", async () => {
    await expect(generatePrivateKey("weak", { bits: 1024 })).rejects.toThrow(/from 2048 to 16384, not 1024/);
  });

  it(`makes ${DEFAULT_KEY_BITS}-bit keys by default`, async () => {
    const big = await generatePrivateKey("big");
    const der = Buffer.from(big.publicKeyB64, "base64");
    expect(createPublicKey({ key: der, format: "der", type: "spki" }).asymmetricKeyDetails?.modulusLength).toBe(4096);
  });
});

describe("signAssertion", () => {
  it("orders headers and adds body-length and the key id", () => {
    const text = signAssertion({ zeta: "z", "snap-name": "foo", ...decl, alpha: "a" }, "the body", key);
    const a = parseOne(text);
    expect(Object.keys(a.headers)).toEqual([
      "type",
      "authority-id",
      "zeta",
      "snap-name",
      "series",
      "snap-id",
      "publisher-id",
      "timestamp",
      "alpha",
      "body-length",
      "sign-key-sha3-384",
    ]);
    expect(a.headers["body-length"]).toBe("8");
    expect(a.headers["sign-key-sha3-384"]).toBe(key.keyId);
    expect(a.body).toBe("the body");
    expect(a.text).toBe(text);
    expect(verifySignature(a, key.publicKeyB64)).toBe(true);
  });

  it("leaves body-length out without a body, and accepts correct given values", () => {
    const a = parseOne(signAssertion({ ...decl, "body-length": "0", "sign-key-sha3-384": key.keyId }, "", key));
    expect(Object.hasOwn(a.headers, "body-length")).toBe(false);
    expect(a.content).not.toContain("\n\n");
    expect(verifySignature(a, key.publicKeyB64)).toBe(true);
  });

  it("counts body-length in bytes", () => {
    expect(parseOne(signAssertion(decl, "é☕", key)).headers["body-length"]).toBe("5");
  });

  it("does not verify with another key, or after any change", () => {
    const a = parseOne(signAssertion(decl, "body", key));
    expect(verifySignature(a, other.publicKeyB64)).toBe(false);
    expect(verifySignature({ ...a, content: a.content.replace("snap-name: foo", "snap-name: fop") }, key.publicKeyB64)).toBe(false);
    expect(verifySignature({ ...a, content: a.content.replace(/body$/, "bodY") }, key.publicKeyB64)).toBe(false);
    const sig = Buffer.from(a.signature, "base64");
    sig[10] = sig[10]! ^ 1;
    expect(verifySignature({ ...a, signature: sig.toString("base64") }, key.publicKeyB64)).toBe(false);
    expect(verifySignature(a, "bm90IGEga2V5")).toBe(false);
  });

  it.each<[string, Headers, string, RegExp]>([
    ["no type", { "authority-id": "acme" }, "", /the headers need a type/],
    ["no authority-id", { type: "snap-declaration" }, "", /the snap-declaration assertion: the headers need an authority-id/],
    ["another key's id", { ...decl, "sign-key-sha3-384": "abc" }, "", /names sign-key-sha3-384 "abc" but key main has id/],
    ["a wrong body-length", { ...decl, "body-length": "3" }, "four", /body-length "3" does not match the 4-byte body/],
    ["a body-length without a body", { ...decl, "body-length": "3" }, "", /does not match the 0-byte body/],
    ["an unknown type", { ...decl, type: "frobnicate" }, "", /unknown assertion type "frobnicate"/],
    ["a missing required header", withoutSnapId, "", /snap-declaration series=16 snap-id=\?: missing required header snap-id/],
    ["a bad timestamp", { ...decl, timestamp: "yesterday" }, "", /timestamp: "yesterday" is not an RFC 3339 time/],
  ])("refuses %s", (_l, headers, body, re) => {
    expect(() => signAssertion(headers, body, key)).toThrow(ValidationError);
    expect(() => signAssertion(headers, body, key)).toThrow(re);
  });

  it("refuses a key whose id does not match its public key", () => {
    expect(() => signAssertion(decl, "", { ...key, keyId: other.keyId })).toThrow(/its id does not match its public key/);
  });
});
