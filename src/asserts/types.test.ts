import { beforeAll, describe, expect, it } from "vitest";
import { ValidationError } from "../errors/index.js";
import { generatePrivateKey, type PrivateKey } from "./crypto.js";
import type { Headers } from "./format.js";
import { assertionTime, authorityProblem, describeAssertion, parseTime, primaryKey, revisionOf, validateAssertion } from "./types.js";

let key: PrivateKey;
let other: PrivateKey;
beforeAll(async () => {
  [key, other] = await Promise.all([generatePrivateKey("k", { bits: 2048 }), generatePrivateKey("o", { bits: 2048 })]);
});

const common = { "authority-id": "acme", "sign-key-sha3-384": "id" };
const T = "2026-01-01T00:00:00Z";

const samples = (): Record<string, { headers: Headers; body: string; pk: string[] }> => ({
  account: {
    headers: { type: "account", ...common, "account-id": "acme", "display-name": "Acme Inc.", validation: "verified", timestamp: T },
    body: "",
    pk: ["acme"],
  },
  "account-key": {
    headers: { type: "account-key", ...common, "account-id": "acme", name: "default", "public-key-sha3-384": key.keyId, since: T },
    body: key.publicKeyB64,
    pk: [key.keyId],
  },
  "snap-declaration": {
    headers: { type: "snap-declaration", ...common, series: "16", "snap-id": "sid", "snap-name": "foo", "publisher-id": "acme", timestamp: T, plugs: { docker: { "allow-auto-connection": "true" } } },
    body: "",
    pk: ["16", "sid"],
  },
  model: {
    headers: { type: "model", ...common, series: "16", "brand-id": "acme", model: "gizmo", timestamp: T, classic: "true" },
    body: "",
    pk: ["16", "acme", "gizmo"],
  },
  store: {
    headers: { type: "store", ...common, store: "acme-store", "operator-id": "acme", timestamp: T },
    body: "",
    pk: ["acme-store"],
  },
});

const required: Record<string, string[]> = {
  account: ["account-id", "display-name", "validation", "timestamp"],
  "account-key": ["account-id", "name", "public-key-sha3-384", "since"],
  "snap-declaration": ["series", "snap-id", "snap-name", "publisher-id", "timestamp"],
  model: ["series", "brand-id", "model", "timestamp"],
  store: ["store", "operator-id", "timestamp"],
};

function without(headers: Headers, name: string): Headers {
  return Object.fromEntries(Object.entries(headers).filter(([k]) => k !== name));
}

describe("assertion types", () => {
  it.each(Object.keys(required))("accepts a complete %s and knows its primary key", (type) => {
    const s = samples()[type]!;
    expect(() => validateAssertion({ type, headers: s.headers, body: s.body })).not.toThrow();
    expect(primaryKey({ type, headers: s.headers })).toEqual(s.pk);
  });

  it.each(Object.entries(required).flatMap(([type, names]) => [...names, "authority-id", "sign-key-sha3-384"].map((n) => [type, n] as const)))(
    "refuses a %s without %s",
    (type, name) => {
      const s = samples()[type]!;
      const check = () => validateAssertion({ type, headers: without(s.headers, name), body: s.body });
      expect(check).toThrow(ValidationError);
      expect(check).toThrow(new RegExp(`^${type}\\b.*: missing required header ${name}$`));
    },
  );

  it.each<[string, string, Record<string, unknown>, RegExp, string?]>([
    ["an unknown type", "frobnicate", {}, /unknown assertion type "frobnicate" \(known: account, account-key, snap-declaration, model, store\)/],
    ["a bad validation", "account", { validation: "great" }, /validation must be unproven, starred or verified, not "great"/],
    ["a bad classic", "model", { classic: "yes" }, /classic must be "true" or "false", not "yes"/],
    ["a list where a string belongs", "store", { store: ["a"] }, /header store must be a non-empty one-line string/],
    ["a multi-line id", "store", { store: "a\nb" }, /header store must be a non-empty one-line string/],
    ["plugs that are not a map", "snap-declaration", { plugs: ["docker"] }, /header plugs must be a map/],
    ["a negative revision", "store", { revision: "-1" }, /revision must be a whole number, not "-1"/],
    ["a revision with a leading zero", "store", { revision: "01" }, /revision must be a whole number/],
    ["a bad timestamp", "store", { timestamp: "2026-01-01" }, /store store=acme-store: timestamp: "2026-01-01" is not an RFC 3339 time/],
    ["a bad until", "account-key", { until: "soon" }, /until: "soon" is not an RFC 3339 time/],
    ["until before since", "account-key", { until: "2025-01-01T00:00:00Z" }, /until must be later than since/],
    ["a key id that does not match the body", "account-key", { "public-key-sha3-384": "x" }, /public-key-sha3-384 does not match the key in the body \(whose id is/],
    ["a body that is not a key", "account-key", {}, /body: public key is not a DER SubjectPublicKeyInfo/, "aGVsbG8="],
    ["no body", "account-key", {}, /the body must hold the public key/, ""],
    ["a mismatched type header", "store", { type: "model" }, /the type header does not match/],
  ])("refuses %s", (_l, type, change, re, body) => {
    const s = samples()[type] ?? samples()["store"]!;
    const check = () => validateAssertion({ type, headers: { ...s.headers, ...change } as Headers, body: body ?? s.body });
    expect(check).toThrow(ValidationError);
    expect(check).toThrow(re);
  });

  it("checks the account-key body against its id with a real second key", () => {
    const s = samples()["account-key"]!;
    expect(() => validateAssertion({ type: "account-key", headers: s.headers, body: other.publicKeyB64 })).toThrow(/does not match the key in the body/);
  });

  it("names assertions by type and primary key, even broken ones", () => {
    expect(describeAssertion({ type: "model", headers: samples()["model"]!.headers })).toBe("model series=16 brand-id=acme model=gizmo");
    expect(describeAssertion({ type: "store", headers: {} })).toBe("store store=?");
    expect(describeAssertion({ type: "odd", headers: {} })).toBe("odd assertion");
  });

  it("reads revisions and the assertion's time", () => {
    expect(revisionOf({ headers: {} })).toBe(0);
    expect(revisionOf({ headers: { revision: "12" } })).toBe(12);
    expect(assertionTime({ type: "store", headers: { timestamp: T } })?.toISOString()).toBe("2026-01-01T00:00:00.000Z");
    expect(assertionTime({ type: "account-key", headers: { since: "2025-05-05T00:00:00Z", timestamp: T } })?.toISOString()).toBe(
      "2025-05-05T00:00:00.000Z",
    );
    expect(assertionTime({ type: "store", headers: {} })).toBeUndefined();
  });
});

describe("authorityProblem", () => {
  // samples() are all signed by authority acme.
  it.each([
    ["account", ["root"], /^authority-id acme is not a directly trusted authority \(trusted: root\); an account must be signed/],
    ["snap-declaration", ["root", "brand"], /^authority-id acme is not a directly trusted authority \(trusted: brand, root\); a snap-declaration for snap "foo" must be signed/],
    ["store", [], /\(trusted: none\)/],
    ["account", ["acme"], undefined],
    ["snap-declaration", ["acme"], undefined],
    ["store", ["acme"], undefined],
    // account-keys chain to a root, whoever signs them; a model needs its brand, trusted or not.
    ["account-key", [], undefined],
    ["model", [], undefined],
  ] as const)("%s with trusted accounts %j", (type, trusted, problem) => {
    const found = authorityProblem({ type, headers: samples()[type]!.headers }, new Set(trusted));
    if (problem === undefined) expect(found).toBeUndefined();
    else expect(found).toMatch(problem);
  });

  it("wants a model signed by its brand", () => {
    const headers = { ...samples()["model"]!.headers, "brand-id": "other" };
    expect(authorityProblem({ type: "model", headers }, new Set(["acme"]))).toBe("authority-id acme is not the brand other; a model must be signed by its brand");
  });
});

describe("parseTime", () => {
  it.each([
    ["2026-01-02T03:04:05Z", "2026-01-02T03:04:05.000Z"],
    ["2026-01-02t03:04:05z", "2026-01-02T03:04:05.000Z"],
    ["2026-01-02T03:04:05.57Z", "2026-01-02T03:04:05.570Z"],
    ["2026-01-02T03:04:05.123456789Z", "2026-01-02T03:04:05.123Z"],
    ["2026-01-02T03:04:05+02:00", "2026-01-02T01:04:05.000Z"],
    ["2026-01-02T03:04:05-05:30", "2026-01-02T08:34:05.000Z"],
    ["2024-02-29T00:00:00Z", "2024-02-29T00:00:00.000Z"],
    ["0050-06-01T00:00:00Z", "0050-06-01T00:00:00.000Z"],
  ])("reads %s", (text, iso) => {
    expect(parseTime(text, "t").toISOString()).toBe(iso);
  });

  it.each([
    "2026-01-02",
    "2026-01-02 03:04:05Z",
    "2026-01-02T03:04:05",
    "2026-13-01T00:00:00Z",
    "2026-02-29T00:00:00Z",
    "2026-04-31T00:00:00Z",
    "2026-01-01T24:00:00Z",
    "2026-01-01T00:60:00Z",
    "2026-01-01T00:00:60Z",
    "2026-01-01T00:00:00+24:00",
    "2026-01-01T00:00:00.Z",
    "26-01-01T00:00:00Z",
    " 2026-01-01T00:00:00Z",
  ])("refuses %s", (text) => {
    expect(() => parseTime(text, "since")).toThrow(ValidationError);
    expect(() => parseTime(text, "since")).toThrow(/^since: ".*" is not an RFC 3339 time/);
  });
});
