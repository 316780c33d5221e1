import { ValidationError } from "../errors/index.js";

/**
 * The text form of assertions: a header block, an optional body, a signature.
 *
 *     <header block>
 *     (blank line, then exactly body-length bytes of body, when body-length > 0)
 *     <blank line>
 *     <signature: one line of base64>
 *
 * The signed content is everything before the last blank line. Because the
 * header block can never hold an empty line (see below), the first "\n\n" of
 * an assertion always ends its headers, and the body is cut by byte count, so
 * a body may hold anything, blank lines included.
 *
 * Header block encoding. Every line belongs to exactly one value and each
 * value has exactly one spelling, so decode(encode(x)) is x and nothing else
 * decodes to x. With `I` the indentation of an entry:
 *
 * - An entry is `key:` in a map or `-` in a list (the "opener"), written at I.
 * - A one-line string follows the opener after one space: `key: value`,
 *   `- value`. The empty string is the bare opener with nothing nested under it.
 * - A multi-line string is the bare opener followed by its lines, each
 *   indented by exactly I+4; an empty line inside it is written as those I+4
 *   spaces (never as an empty line, which would end the header block).
 * - A nested list or map is the bare opener followed by its entries at I+2;
 *   the first nested line says which: `-` starts a list, `key:` a map.
 * - So after a bare opener the next line decides: indented I+2 → list/map,
 *   I+4 → multi-line string, I or less → the empty string; anything else is
 *   refused.
 *
 * Strings never start or end with whitespace (which an editor would silently
 * change and a reader cannot see), never contain "\r" or NUL; lists and maps
 * are never empty; keys match KEY; indentation is spaces only.
 */

export type HeaderValue = string | readonly HeaderValue[] | { readonly [key: string]: HeaderValue };
export type Headers = { readonly [key: string]: HeaderValue };

export interface Assertion {
  readonly type: string;
  /** All headers, including type, authority-id, sign-key-sha3-384, body-length when present. */
  readonly headers: Headers;
  /** "" when none. */
  readonly body: string;
  /** The exact signed text: headers, and the blank line and body when there is one. */
  readonly content: string;
  /** Base64. */
  readonly signature: string;
  /** The full encoded assertion, without a trailing newline. */
  readonly text: string;
}

/** Bounds that keep a hostile stream from costing unbounded memory or recursion. */
export const FORMAT_LIMITS = {
  maxStreamBytes: 4 << 20,
  maxBodyBytes: 1 << 20,
  /** Containers (maps and lists) nested inside each other, the header block itself counting as one. */
  maxDepth: 16,
} as const;

const KEY = /^[a-z](?:-?[a-z0-9])*$/;
const DIGITS = /^(?:0|[1-9][0-9]*)$/;
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
const EDGE_SPACE = /^\s|\s$/;

// ─── encoding ────────────────────────────────────────────────────────────────

/** Encodes a header block (no trailing newline). Refuses what it could not read back exactly. */
export function encodeHeaders(headers: Headers): string {
  const out: string[] = [];
  if (!isHeaderMap(headers)) throw new ValidationError("headers must be a map of names to values");
  writeMap(headers, 0, 1, out, "");
  return out.join("\n");
}

function writeMap(map: Headers, indent: number, depth: number, out: string[], where: string): void {
  if (depth > FORMAT_LIMITS.maxDepth) throw encodeError(where, `nests deeper than ${FORMAT_LIMITS.maxDepth} levels`);
  const keys = Object.keys(map);
  if (keys.length === 0) throw encodeError(where, "is an empty map; empty maps cannot be encoded");
  for (const key of keys) {
    const at = where ? `${where}.${key}` : key;
    if (!KEY.test(key)) throw encodeError(at, `has an invalid name (want lowercase letters, digits and single dashes, starting with a letter)`);
    writeEntry(`${pad(indent)}${key}:`, map[key], indent, depth, out, at);
  }
}

function writeList(list: readonly HeaderValue[], indent: number, depth: number, out: string[], where: string): void {
  if (depth > FORMAT_LIMITS.maxDepth) throw encodeError(where, `nests deeper than ${FORMAT_LIMITS.maxDepth} levels`);
  if (list.length === 0) throw encodeError(where, "is an empty list; empty lists cannot be encoded");
  list.forEach((item, i) => writeEntry(`${pad(indent)}-`, item, indent, depth, out, `${where}[${i}]`));
}

function writeEntry(opener: string, value: HeaderValue | undefined, indent: number, depth: number, out: string[], where: string): void {
  if (typeof value === "string") {
    checkScalar(value, (msg) => encodeError(where, msg));
    if (value === "") out.push(opener);
    else if (!value.includes("\n")) out.push(`${opener} ${value}`);
    else {
      out.push(opener);
      for (const line of value.split("\n")) out.push(pad(indent + 4) + line);
    }
  } else if (Array.isArray(value)) {
    out.push(opener);
    writeList(value as readonly HeaderValue[], indent + 2, depth + 1, out, where);
  } else if (isHeaderMap(value)) {
    out.push(opener);
    writeMap(value, indent + 2, depth + 1, out, where);
  } else {
    const kind = value === null ? "null" : typeof value;
    throw encodeError(where, `is a ${kind}; header values are strings, lists or maps (write numbers and booleans as strings)`);
  }
}

function checkScalar(value: string, fail: (msg: string) => ValidationError): void {
  if (value.includes("\r")) throw fail("contains a carriage return");
  if (value.includes("\0")) throw fail("contains a NUL character");
  if (EDGE_SPACE.test(value)) throw fail("starts or ends with whitespace");
}

function encodeError(where: string, msg: string): ValidationError {
  return new ValidationError(`header ${where || "block"} ${msg}`);
}

// ─── decoding a header block ─────────────────────────────────────────────────

/** Decodes a header block as encodeHeaders writes it. Errors name the source and line. */
export function decodeHeaders(text: string, source: string): Headers {
  return decodeHeaderBlock(text, source, 1);
}

/** Reads one header block whose first line is line `firstLine` of `source`. */
function decodeHeaderBlock(text: string, source: string, firstLine: number): Headers {
  const r = new BlockReader(text.split("\n"), source, firstLine);
  r.checkAllLines();
  if (r.done()) throw r.fail(0, "no headers");
  const headers = r.readMap(0, 1);
  if (!r.done()) throw r.fail(r.pos, "unexpected indentation");
  return deepFreeze(headers);
}

class BlockReader {
  pos = 0;
  constructor(
    readonly lines: readonly string[],
    readonly source: string,
    readonly firstLine: number,
  ) {}

  done(): boolean {
    return this.pos >= this.lines.length;
  }

  fail(index: number, msg: string): ValidationError {
    return new ValidationError(`line ${this.firstLine + index}: ${msg}`, { file: this.source });
  }

  /** Problems that are wrong wherever they appear, checked once up front. */
  checkAllLines(): void {
    this.lines.forEach((line, i) => {
      if (line.includes("\r")) throw this.fail(i, "contains a carriage return (the format uses \\n line ends only)");
      if (line.includes("\0")) throw this.fail(i, "contains a NUL character");
      if (line === "") throw this.fail(i, "empty line inside the header block");
    });
  }

  private indentAt(i: number): number {
    const line = this.lines[i]!;
    let n = 0;
    while (line.charCodeAt(n) === 32) n++;
    return n;
  }

  /** A line holding only spaces is legal only inside a multi-line string, which consumes it. */
  private structural(i: number): { indent: number; rest: string } {
    const line = this.lines[i]!;
    const indent = this.indentAt(i);
    const rest = line.slice(indent);
    if (rest.trim() === "") throw this.fail(i, "blank line (a blank line inside a multi-line value is indented like the value)");
    if (/^\s/.test(rest)) throw this.fail(i, "indentation must be spaces only");
    return { indent, rest };
  }

  readMap(indent: number, depth: number): Headers {
    if (depth > FORMAT_LIMITS.maxDepth) throw this.fail(this.pos, `headers nest deeper than ${FORMAT_LIMITS.maxDepth} levels`);
    const out: Record<string, HeaderValue> = {};
    while (!this.done()) {
      const at = this.pos;
      const { indent: ind, rest } = this.structural(at);
      if (ind < indent) break;
      if (ind > indent) throw this.fail(at, "unexpected indentation");
      if (rest.startsWith("-")) throw this.fail(at, "a list item where a `name: value` header was expected");
      const colon = rest.indexOf(":");
      if (colon < 0) throw this.fail(at, "expected `name: value`");
      const key = rest.slice(0, colon);
      if (!KEY.test(key)) throw this.fail(at, `invalid header name ${JSON.stringify(key)}`);
      if (Object.hasOwn(out, key)) throw this.fail(at, `repeated header ${JSON.stringify(key)}`);
      out[key] = this.readEntry(rest.slice(colon + 1), indent, depth, "the colon");
    }
    return out;
  }

  readList(indent: number, depth: number): HeaderValue[] {
    if (depth > FORMAT_LIMITS.maxDepth) throw this.fail(this.pos, `headers nest deeper than ${FORMAT_LIMITS.maxDepth} levels`);
    const out: HeaderValue[] = [];
    while (!this.done()) {
      const at = this.pos;
      const { indent: ind, rest } = this.structural(at);
      if (ind < indent) break;
      if (ind > indent) throw this.fail(at, "unexpected indentation");
      if (!rest.startsWith("-")) throw this.fail(at, "a `name: value` header where a list item `- value` was expected");
      out.push(this.readEntry(rest.slice(1), indent, depth, "the dash"));
    }
    return out;
  }

  /** `after` is what follows the opener (`key:` or `-`) on its line. */
  private readEntry(after: string, indent: number, depth: number, opener: string): HeaderValue {
    const at = this.pos;
    this.pos++;
    if (after !== "") {
      if (!after.startsWith(" ")) throw this.fail(at, `expected a space after ${opener}`);
      const value = after.slice(1);
      if (value === "" || EDGE_SPACE.test(value)) throw this.fail(at, "value starts or ends with whitespace");
      return value;
    }
    if (this.done()) return "";
    const next = this.indentAt(this.pos);
    const nextLine = this.lines[this.pos]!;
    if (nextLine.trim() === "") throw this.fail(this.pos, "a value cannot start with a blank line");
    if (next <= indent) return "";
    if (next === indent + 2) {
      const { rest } = this.structural(this.pos);
      return rest.startsWith("-") ? this.readList(indent + 2, depth + 1) : this.readMap(indent + 2, depth + 1);
    }
    if (next === indent + 4) return this.readText(indent + 4);
    throw this.fail(this.pos, `unexpected indentation: expected ${indent + 2} spaces (a nested list or map) or ${indent + 4} (a multi-line value)`);
  }

  private readText(indent: number): string {
    const start = this.pos;
    const prefix = pad(indent);
    const parts: string[] = [];
    while (!this.done() && this.lines[this.pos]!.startsWith(prefix)) {
      parts.push(this.lines[this.pos]!.slice(indent));
      this.pos++;
    }
    if (parts.length < 2) throw this.fail(start, "a one-line value belongs on the line of its name, after the colon");
    const value = parts.join("\n");
    if (EDGE_SPACE.test(value)) throw this.fail(EDGE_SPACE.test(parts[0]!) ? start : this.pos - 1, "multi-line value starts or ends with whitespace");
    return value;
  }
}

// ─── decoding a stream of assertions ─────────────────────────────────────────

/**
 * Decodes every assertion of a stream (assertions separated by blank lines;
 * extra blank lines and a trailing newline are fine). Checks the format only:
 * types, required headers and signatures are checked by types.ts and the
 * database, so this stays usable on anything, e.g. to print a bad assertion.
 */
export function decodeAssertions(text: string, source: string): Assertion[] {
  const bytes = Buffer.from(text, "utf8");
  if (bytes.length > FORMAT_LIMITS.maxStreamBytes) {
    throw new ValidationError(`${bytes.length} bytes is more than the ${FORMAT_LIMITS.maxStreamBytes}-byte limit for assertions`, { file: source });
  }
  // A lone surrogate would be replaced on the way to bytes, and the signed bytes would no longer be the text.
  if (bytes.toString("utf8") !== text) throw new ValidationError("text is not valid Unicode", { file: source });

  const out: Assertion[] = [];
  const lines = new LineCounter(bytes);
  let pos = 0;
  for (;;) {
    const sepStart = pos;
    while (pos < bytes.length && bytes[pos] === NL) pos++;
    if (pos >= bytes.length) break;
    if (out.length > 0 && pos - sepStart < 2) {
      throw new ValidationError(`line ${lines.at(pos)}: expected a blank line between assertions`, { file: source });
    }
    const decoded = decodeOne(bytes, pos, source, lines);
    out.push(decoded.assertion);
    pos = decoded.end;
  }
  if (out.length === 0) throw new ValidationError("no assertions found", { file: source });
  return out;
}

const NL = 0x0a;

function decodeOne(bytes: Buffer, start: number, source: string, lines: LineCounter): { assertion: Assertion; end: number } {
  const fail = (offset: number, msg: string) => new ValidationError(`line ${lines.at(offset)}: ${msg}`, { file: source });
  const headerEnd = bytes.indexOf("\n\n", start);
  if (headerEnd < 0) {
    // CRLF text has no "\n\n" at all; say why rather than "no signature".
    const cr = bytes.indexOf("\r", start);
    if (cr >= 0) throw fail(cr, "contains a carriage return (the format uses \\n line ends only)");
    throw fail(start, "assertion has no signature (a blank line and the signature must follow the headers)");
  }
  const headers = decodeHeaderBlock(bytes.toString("utf8", start, headerEnd), source, lines.at(start));

  const [firstKey] = Object.keys(headers);
  const type = headers["type"];
  if (firstKey !== "type" || typeof type !== "string" || type === "") throw fail(start, "the first header must be `type: <assertion type>`");

  let cursor = headerEnd + 2;
  let body = "";
  const length = headers["body-length"];
  if (length !== undefined) {
    if (typeof length !== "string" || !DIGITS.test(length)) throw fail(start, "body-length must be a number of bytes");
    const n = Number(length);
    if (n > FORMAT_LIMITS.maxBodyBytes) throw fail(start, `body-length ${n} is more than the ${FORMAT_LIMITS.maxBodyBytes}-byte limit`);
    if (n > 0) {
      if (cursor + n > bytes.length) throw fail(cursor, `body is shorter than body-length ${n}`);
      try {
        body = STRICT_UTF8.decode(bytes.subarray(cursor, cursor + n));
      } catch {
        throw fail(cursor, `body-length ${n} cuts the body inside a character`);
      }
      cursor += n;
      if (bytes[cursor] !== NL || bytes[cursor + 1] !== NL) {
        throw fail(cursor, `body-length ${n} does not match the body: a blank line and the signature must follow exactly ${n} bytes of body`);
      }
      cursor += 2;
    }
  }

  const lineEnd = bytes.indexOf(NL, cursor);
  const end = lineEnd < 0 ? bytes.length : lineEnd;
  const signature = bytes.toString("utf8", cursor, end);
  if (signature === "" || !BASE64.test(signature)) throw fail(cursor, "the signature must be one line of base64");
  const assertion: Assertion = Object.freeze({
    type,
    headers,
    body,
    content: bytes.toString("utf8", start, cursor - 2),
    signature,
    text: bytes.toString("utf8", start, end),
  });
  return { assertion, end };
}

const STRICT_UTF8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

/** Line numbers of byte offsets, counted incrementally since offsets only grow. */
class LineCounter {
  private offset = 0;
  private line = 1;
  constructor(private readonly bytes: Buffer) {}
  at(offset: number): number {
    if (offset < this.offset) {
      this.offset = 0;
      this.line = 1;
    }
    for (; this.offset < offset && this.offset < this.bytes.length; this.offset++) if (this.bytes[this.offset] === NL) this.line++;
    return this.line;
  }
}

// ─── helpers ─────────────────────────────────────────────────────────────────

function pad(n: number): string {
  return " ".repeat(n);
}

export function isHeaderMap(v: unknown): v is Headers {
  if (typeof v !== "object" || v === null || Array.isArray(v)) return false;
  const proto = Object.getPrototypeOf(v) as unknown;
  return proto === Object.prototype || proto === null;
}

/** A string header, or undefined when absent (own properties only: "constructor" is a legal name). */
export function headerString(headers: Headers, name: string): string | undefined {
  if (!Object.hasOwn(headers, name)) return undefined;
  const v = headers[name];
  return typeof v === "string" ? v : undefined;
}

function deepFreeze<T>(v: T): T {
  if (typeof v === "object" && v !== null && !Object.isFrozen(v)) {
    for (const child of Object.values(v)) deepFreeze(child);
    Object.freeze(v);
  }
  return v;
}
