import { AssertionDatabase, decodeAssertions, KeyStore, signAssertion, type Assertion, type HeaderValue, type Headers } from "../asserts/index.js";
import { PolicyError, ValidationError } from "../errors/index.js";
import type { Paths } from "../paths/index.js";
import { compileDeclaration } from "../policy/index.js";
import { withStateLock } from "../state/index.js";
import { parseYaml11, type YNode } from "../yaml/index.js";

/** Header values from YAML: every scalar as the text written, as assertion headers are strings. */
export function headersFromYaml(text: string, source: string): { headers: Headers; body: string } {
  const root = parseYaml11(text, source, { maxBytes: 4 << 20, maxDepth: 16, maxNodes: 100_000 });
  if (!root || root.kind !== "map") throw new ValidationError("expected a map of assertion headers", { file: source });
  const convert = (n: YNode, field: string): HeaderValue => {
    if (n.kind === "scalar") {
      if (n.value === null) throw new ValidationError("header values cannot be empty", { file: source, field });
      return n.source;
    }
    if (n.kind === "seq") return n.items.map((x, i) => convert(x, `${field}[${i}]`));
    return Object.fromEntries([...n.entries].map(([k, v]) => [k, convert(v, `${field}.${k}`)]));
  };
  let body = "";
  const headers: [string, HeaderValue][] = [];
  for (const [k, v] of root.entries) {
    if (k === "body") {
      if (v.kind !== "scalar" || typeof v.value !== "string") throw new ValidationError("body must be a string", { file: source, field: "body" });
      body = v.value;
      continue;
    }
    headers.push([k, convert(v, k)]);
  }
  return { headers: Object.fromEntries(headers), body };
}

/** `sign -k KEY`: headers (YAML) in, a signed assertion out. */
export async function signFromYaml(keysDir: string, keyName: string, yamlText: string): Promise<string> {
  const key = await new KeyStore(keysDir).get(keyName);
  const { headers, body } = headersFromYaml(yamlText, "standard input");
  return signAssertion(headers, body, key);
}

/** `export-key NAME --account=ID`: the account-key request (YAML headers and body) for the signer. */
export async function exportKeyRequest(keysDir: string, keyName: string, account: string, authority: string, since: Date): Promise<string> {
  if (!/^[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,62})$/.test(account) || !/^[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,62})$/.test(authority)) {
    throw new ValidationError(`account and authority ids must be letters, digits and hyphens, not ${JSON.stringify(account)} / ${JSON.stringify(authority)}`);
  }
  const key = await new KeyStore(keysDir).get(keyName);
  return [
    "type: account-key",
    `authority-id: ${authority}`,
    `account-id: ${account}`,
    `name: ${key.name}`,
    `public-key-sha3-384: ${key.keyId}`,
    // Whole seconds: assertions stamped with `date -u +%FT%TZ` in the same second must fall inside the key's validity.
    `since: ${new Date(Math.floor(since.getTime() / 1000) * 1000).toISOString().replace(".000Z", "Z")}`,
    `body: ${key.publicKeyB64}`,
    "",
  ].join("\n");
}

/** Declarations carry policy rules; refuse them at ack time if they do not compile. */
function validateForPolicy(a: Assertion): void {
  if (a.type !== "snap-declaration") return;
  compileDeclaration(a.headers["plugs"], a.headers["slots"], `snap-declaration for ${String(a.headers["snap-name"])}`);
}

/** `ack FILE`: verify every assertion of the stream and add them all, or none. */
export async function acknowledge(paths: Paths, text: string, source: string, now = new Date()): Promise<{ added: number; unchanged: number }> {
  const assertions = decodeAssertions(text, source);
  if (assertions.length === 0) throw new ValidationError("no assertions found", { file: source });
  return withStateLock(paths, async () => {
    const db = await AssertionDatabase.open(paths);
    const r = await db.add(assertions, { now, validate: validateForPolicy });
    return { added: r.added.length, unchanged: r.unchanged.length };
  });
}

/** `trust FILE`: add a self-signed root account-key. */
export async function trustRootKey(paths: Paths, text: string, source: string, now = new Date()): Promise<string> {
  const assertions = decodeAssertions(text, source);
  const [key] = assertions;
  if (assertions.length !== 1 || key?.type !== "account-key") {
    throw new ValidationError("expected exactly one account-key assertion", { file: source });
  }
  if (paths.root === "/" && typeof process.getuid === "function" && process.getuid() !== 0) {
    throw new PolicyError("only root can add a trusted key to the system");
  }
  await withStateLock(paths, () => AssertionDatabase.trust(paths, key, { now }));
  return String(key.headers["public-key-sha3-384"]);
}

/** `known TYPE [HEADER=VALUE…]`. */
export async function knownAssertions(paths: Paths, type: string, filters: readonly string[]): Promise<Assertion[]> {
  const match: Record<string, string> = {};
  for (const f of filters) {
    const eq = f.indexOf("=");
    if (eq <= 0) throw new ValidationError(`filter ${JSON.stringify(f)} must be HEADER=VALUE`);
    match[f.slice(0, eq)] = f.slice(eq + 1);
  }
  // Trusted roots are included for account-key, as they are keys the system knows.
  return (await AssertionDatabase.open(paths)).find(type, match);
}
