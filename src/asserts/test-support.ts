// Builders shared by this folder's tests: real keys and signed assertions.
// Not exported from index.ts; nothing outside tests imports it.
import { promises as fs } from "node:fs";
import path from "node:path";
import { signContent, type PrivateKey } from "./crypto.js";
import { decodeAssertions, encodeHeaders, type Assertion, type Headers } from "./format.js";
import { signAssertion } from "./sign.js";

export const NOW = new Date("2026-06-01T00:00:00Z");

export function parseOne(text: string): Assertion {
  const all = decodeAssertions(text, "test");
  if (all.length !== 1) throw new Error(`expected one assertion, got ${all.length}`);
  return all[0]!;
}

/** An account-key for `subject`, speaking for `account`, signed by `signer` on behalf of `authority`. */
export function accountKey(
  signer: PrivateKey,
  authority: string,
  subject: PrivateKey,
  account: string,
  extra: Record<string, string> = {},
): Assertion {
  const headers: Headers = {
    type: "account-key",
    "authority-id": authority,
    "account-id": account,
    name: subject.name,
    "public-key-sha3-384": subject.keyId,
    since: "2025-01-01T00:00:00Z",
    ...extra,
  };
  return parseOne(signAssertion(headers, subject.publicKeyB64, signer));
}

/** A root key: self-signed, speaking for its own account. */
export function rootKey(key: PrivateKey, account: string, extra: Record<string, string> = {}): Assertion {
  return accountKey(key, account, key, account, extra);
}

export function snapDeclaration(signer: PrivateKey, authority: string, extra: Headers = {}, body = ""): Assertion {
  const headers: Headers = {
    type: "snap-declaration",
    "authority-id": authority,
    series: "16",
    "snap-id": "snapidfoo",
    "snap-name": "foo",
    "publisher-id": authority,
    timestamp: "2026-01-01T00:00:00Z",
    ...extra,
  };
  return parseOne(signAssertion(headers, body, signer));
}

/** Signs headers as given, skipping signAssertion's checks, to build assertions it would refuse. */
export function signRaw(headers: Headers, body: string, signer: PrivateKey): Assertion {
  const content = body === "" ? encodeHeaders(headers) : `${encodeHeaders(headers)}\n\n${body}`;
  return parseOne(`${content}\n\n${signContent(content, signer)}`);
}

/** Every file under `dir` with its bytes, to prove that nothing changed. */
export async function snapshot(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  const walk = async (d: string): Promise<void> => {
    for (const e of await fs.readdir(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) await walk(p);
      else out[path.relative(dir, p)] = (await fs.readFile(p)).toString("base64");
    }
  };
  await walk(dir);
  return out;
}
