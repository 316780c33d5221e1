import { ValidationError } from "../errors/index.js";
import { keyIdOf, publicKeyFrom } from "./crypto.js";
import { headerString, isHeaderMap, type Assertion, type Headers } from "./format.js";

/**
 * The assertion types Plugboard knows and what each must carry. Headers not
 * listed are allowed and kept (they are signed), but nothing reads them.
 * The content of `plugs` and `slots` is the policy engine's business: it
 * checks them through AddOptions.validate, so this file only checks shape.
 */

interface TypeSpec {
  /** Non-empty one-line strings. */
  readonly required: readonly string[];
  /** Non-empty one-line strings when present. */
  readonly optional?: readonly string[];
  /** Maps when present. */
  readonly maps?: readonly string[];
  /** Headers whose values together identify the assertion; later revisions replace earlier ones. */
  readonly primaryKey: readonly string[];
  /** Headers holding RFC 3339 times. */
  readonly times: readonly string[];
  readonly check?: (a: AssertionParts, where: string) => void;
  /**
   * Who may speak for this type, beyond holding a key that chains to a root:
   * "trusted" is the account of a trusted root key itself (the store or a
   * brand store), "brand" is the account the assertion names in brand-id.
   * Unset: any account with such a key (account-keys, whose chain is
   * the database's business).
   */
  readonly signedBy?: "trusted" | "brand";
}

type AssertionParts = Pick<Assertion, "type" | "headers" | "body">;

const ALWAYS = ["authority-id", "sign-key-sha3-384"] as const;

const TYPES: { readonly [type: string]: TypeSpec } = {
  account: {
    required: ["account-id", "display-name", "validation", "timestamp"],
    primaryKey: ["account-id"],
    times: ["timestamp"],
    signedBy: "trusted",
    check(a, where) {
      const v = headerString(a.headers, "validation");
      if (v !== "unproven" && v !== "starred" && v !== "verified") {
        throw new ValidationError(`${where}: validation must be unproven, starred or verified, not ${JSON.stringify(v)}`);
      }
    },
  },
  "account-key": {
    required: ["account-id", "name", "public-key-sha3-384", "since"],
    optional: ["until"],
    primaryKey: ["public-key-sha3-384"],
    times: ["since", "until"],
    check(a, where) {
      if (a.body === "") throw new ValidationError(`${where}: the body must hold the public key`);
      let id: string;
      try {
        publicKeyFrom(a.body);
        id = keyIdOf(a.body);
      } catch (e) {
        throw new ValidationError(`${where}: body: ${e instanceof Error ? e.message : String(e)}`);
      }
      if (id !== headerString(a.headers, "public-key-sha3-384")) {
        throw new ValidationError(`${where}: public-key-sha3-384 does not match the key in the body (whose id is ${id})`);
      }
      const until = headerString(a.headers, "until");
      if (until !== undefined && parseTime(until, "until") <= parseTime(headerString(a.headers, "since")!, "since")) {
        throw new ValidationError(`${where}: until must be later than since`);
      }
    },
  },
  "snap-declaration": {
    required: ["series", "snap-id", "snap-name", "publisher-id", "timestamp"],
    maps: ["plugs", "slots"],
    primaryKey: ["series", "snap-id"],
    times: ["timestamp"],
    // A declaration grants a name its privileges: an account the store merely
    // gave a key to must not be able to grant them to itself.
    signedBy: "trusted",
  },
  model: {
    required: ["series", "brand-id", "model", "timestamp"],
    optional: ["store", "classic", "base", "gadget", "kernel"],
    primaryKey: ["series", "brand-id", "model"],
    times: ["timestamp"],
    signedBy: "brand",
    check(a, where) {
      const classic = headerString(a.headers, "classic");
      if (classic !== undefined && classic !== "true" && classic !== "false") {
        throw new ValidationError(`${where}: classic must be "true" or "false", not ${JSON.stringify(classic)}`);
      }
    },
  },
  store: {
    required: ["store", "operator-id", "timestamp"],
    primaryKey: ["store"],
    times: ["timestamp"],
    signedBy: "trusted",
  },
};

export const KNOWN_TYPES: readonly string[] = Object.keys(TYPES);

function specOf(type: string): TypeSpec {
  const spec = Object.hasOwn(TYPES, type) ? TYPES[type] : undefined;
  if (!spec) throw new ValidationError(`unknown assertion type ${JSON.stringify(type)} (known: ${KNOWN_TYPES.join(", ")})`);
  return spec;
}

/** Checks an assertion's headers and body against its type. Signatures are not this file's job. */
export function validateAssertion(a: AssertionParts): void {
  const spec = specOf(a.type);
  const where = describeAssertion(a);
  if (headerString(a.headers, "type") !== a.type) throw new ValidationError(`${where}: the type header does not match`);
  for (const name of [...ALWAYS, ...spec.required]) {
    if (!Object.hasOwn(a.headers, name)) throw new ValidationError(`${where}: missing required header ${name}`);
    oneLine(a.headers, name, where);
  }
  for (const name of spec.optional ?? []) if (Object.hasOwn(a.headers, name)) oneLine(a.headers, name, where);
  for (const name of spec.maps ?? []) {
    if (Object.hasOwn(a.headers, name) && !isHeaderMap(a.headers[name])) throw new ValidationError(`${where}: header ${name} must be a map`);
  }
  if (Object.hasOwn(a.headers, "revision")) {
    const rev = oneLine(a.headers, "revision", where);
    if (!/^(?:0|[1-9][0-9]{0,8})$/.test(rev)) throw new ValidationError(`${where}: revision must be a whole number, not ${JSON.stringify(rev)}`);
  }
  for (const name of spec.times) {
    const t = headerString(a.headers, name);
    if (t === undefined) continue;
    try {
      parseTime(t, name);
    } catch (e) {
      throw new ValidationError(`${where}: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  spec.check?.(a, where);
}

function oneLine(headers: Headers, name: string, where: string): string {
  const v = headerString(headers, name);
  if (v === undefined || v === "" || v.includes("\n")) throw new ValidationError(`${where}: header ${name} must be a non-empty one-line string`);
  return v;
}

/**
 * Why `a`'s authority may not speak for an assertion of its type, or
 * undefined when it may. `trustedAccounts` are the accounts of the trusted
 * root keys. This depends on the trusted roots, not only on the text, so it
 * is checked when an assertion is added and again whenever it is read.
 */
export function authorityProblem(a: Pick<Assertion, "type" | "headers">, trustedAccounts: ReadonlySet<string>): string | undefined {
  const rule = specOf(a.type).signedBy;
  const authority = headerString(a.headers, "authority-id") ?? "";
  if (rule === "trusted" && !trustedAccounts.has(authority)) {
    const trusted = trustedAccounts.size ? [...trustedAccounts].sort().join(", ") : "none";
    const name = a.type === "snap-declaration" ? ` for snap ${JSON.stringify(headerString(a.headers, "snap-name"))}` : "";
    return (
      `authority-id ${authority} is not a directly trusted authority (trusted: ${trusted}); ` +
      `${article(a.type)} ${a.type}${name} must be signed by the account of a trusted root key, not by an account that only holds a key it signed`
    );
  }
  if (rule === "brand" && authority !== headerString(a.headers, "brand-id")) {
    return `authority-id ${authority} is not the brand ${headerString(a.headers, "brand-id")}; ${article(a.type)} ${a.type} must be signed by its brand`;
  }
  return undefined;
}

function article(word: string): string {
  return /^[aeiou]/.test(word) ? "an" : "a";
}

/** The values that identify an assertion of its type (before revisions). */
export function primaryKey(a: Pick<Assertion, "type" | "headers">): string[] {
  return specOf(a.type).primaryKey.map((name) => {
    const v = headerString(a.headers, name);
    if (v === undefined || v === "") throw new ValidationError(`${a.type} assertion has no ${name}`);
    return v;
  });
}

/** "snap-declaration series=16 snap-id=abc": how messages name an assertion, even a broken one. */
export function describeAssertion(a: Pick<Assertion, "type" | "headers">): string {
  const spec = Object.hasOwn(TYPES, a.type) ? TYPES[a.type] : undefined;
  if (!spec) return `${a.type} assertion`;
  const parts = spec.primaryKey.map((name) => `${name}=${headerString(a.headers, name) ?? "?"}`);
  return [a.type, ...parts].join(" ");
}

export function revisionOf(a: Pick<Assertion, "headers">): number {
  return Number(headerString(a.headers, "revision") ?? "0");
}

/** The time an assertion speaks for: its timestamp, or since for an account-key. */
export function assertionTime(a: Pick<Assertion, "type" | "headers">): Date | undefined {
  const name = a.type === "account-key" ? "since" : "timestamp";
  const v = headerString(a.headers, name);
  return v === undefined ? undefined : parseTime(v, name);
}

const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(\.\d{1,9})?(?:([Zz])|([+-])(\d{2}):(\d{2}))$/;

/** Parses an RFC 3339 time (e.g. 2026-01-02T03:04:05Z, with fractional seconds or an offset). */
export function parseTime(value: string, field: string): Date {
  const bad = () =>
    new ValidationError(`${field}: ${JSON.stringify(value)} is not an RFC 3339 time (write it like 2026-01-02T03:04:05Z)`);
  const m = RFC3339.exec(value);
  if (!m) throw bad();
  const [year, month, day, hour, minute, second] = [1, 2, 3, 4, 5, 6].map((i) => Number(m[i]));
  // Milliseconds from the digits, not from float arithmetic (0.57 * 1000 is 569.99…).
  const fraction = Number((m[7] ?? ".").slice(1).padEnd(3, "0").slice(0, 3));
  if (month! < 1 || month! > 12 || day! < 1 || day! > daysIn(year!, month!) || hour! > 23 || minute! > 59 || second! > 59) throw bad();
  let offsetMinutes = 0;
  if (!m[8]) {
    const oh = Number(m[10]);
    const om = Number(m[11]);
    if (oh > 23 || om > 59) throw bad();
    offsetMinutes = (m[9] === "-" ? -1 : 1) * (oh * 60 + om);
  }
  // setUTCFullYear, unlike Date.UTC, does not read years 0-99 as 1900-1999.
  const date = new Date(0);
  date.setUTCFullYear(year!, month! - 1, day!);
  date.setUTCHours(hour!, minute!, second!, fraction);
  return new Date(date.getTime() - offsetMinutes * 60_000);
}

const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

function daysIn(year: number, month: number): number {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return month === 2 && leap ? 29 : DAYS[month - 1]!;
}
