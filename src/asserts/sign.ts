import { ValidationError } from "../errors/index.js";
import { keyIdOf, signContent, type PrivateKey } from "./crypto.js";
import { decodeAssertions, encodeHeaders, headerString, type HeaderValue, type Headers } from "./format.js";
import { validateAssertion } from "./types.js";

/**
 * Builds and signs an assertion; returns its full text. Headers come out as
 * type, authority-id, the caller's others in their order, then body-length
 * (only for a non-empty body) and sign-key-sha3-384, so the same input always
 * gives the same content.
 */
export function signAssertion(headers: Headers, body: string, key: PrivateKey): string {
  const type = headerString(headers, "type");
  const authority = headerString(headers, "authority-id");
  if (!type) throw new ValidationError("cannot sign: the headers need a type");
  if (!authority) throw new ValidationError(`cannot sign the ${type} assertion: the headers need an authority-id`);
  if (keyIdOf(key.publicKeyB64) !== key.keyId) throw new ValidationError(`cannot sign with key ${key.name}: its id does not match its public key`);

  const givenKey = headerString(headers, "sign-key-sha3-384");
  if (Object.hasOwn(headers, "sign-key-sha3-384") && givenKey !== key.keyId) {
    throw new ValidationError(`cannot sign the ${type} assertion: it names sign-key-sha3-384 ${JSON.stringify(givenKey)} but key ${key.name} has id ${key.keyId}`);
  }
  const length = String(Buffer.byteLength(body, "utf8"));
  if (Object.hasOwn(headers, "body-length") && headerString(headers, "body-length") !== length) {
    throw new ValidationError(`cannot sign the ${type} assertion: body-length ${JSON.stringify(headers["body-length"])} does not match the ${length}-byte body`);
  }

  const ordered: Record<string, HeaderValue> = { type, "authority-id": authority };
  for (const [name, value] of Object.entries(headers)) {
    if (!Object.hasOwn(ordered, name) && name !== "body-length" && name !== "sign-key-sha3-384") ordered[name] = value;
  }
  if (body !== "") ordered["body-length"] = length;
  ordered["sign-key-sha3-384"] = key.keyId;

  validateAssertion({ type, headers: ordered, body });
  const content = body === "" ? encodeHeaders(ordered) : `${encodeHeaders(ordered)}\n\n${body}`;
  const text = `${content}\n\n${signContent(content, key)}`;
  // Reading it back proves what we hand out parses to what we signed.
  const [again, ...rest] = decodeAssertions(text, `the new ${type} assertion`);
  if (!again || rest.length > 0 || again.content !== content) throw new Error(`internal error: signed ${type} assertion does not read back`);
  return text;
}
