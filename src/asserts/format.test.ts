import { describe, expect, it } from "vitest";
import { ValidationError } from "../errors/index.js";
import { decodeAssertions, decodeHeaders, encodeHeaders, FORMAT_LIMITS, type HeaderValue, type Headers } from "./format.js";

const SIG = "c2lnbmF0dXJl";

/** `depth` containers: the outer header map, then maps nested inside it. */
function nestedMaps(depth: number): Headers {
  let v: HeaderValue = "leaf";
  for (let i = 1; i < depth; i++) v = { k: v };
  return { type: "x", ...(depth > 1 ? { k: v } : {}) };
}

describe("header blocks", () => {
  it("encodes the documented example exactly", () => {
    const headers: Headers = {
      type: "snap-declaration",
      "authority-id": "acme",
      plugs: {
        docker: { "allow-auto-connection": "true" },
        content: { "allow-auto-connection": [{ "plug-attributes": { content: "docker-executables" } }, { "on-classic": "false" }] },
      },
      "slot-snap-type": ["core", "app"],
      multi: "first line\nsecond line",
    };
    const text = [
      "type: snap-declaration",
      "authority-id: acme",
      "plugs:",
      "  docker:",
      "    allow-auto-connection: true",
      "  content:",
      "    allow-auto-connection:",
      "      -",
      "        plug-attributes:",
      "          content: docker-executables",
      "      -",
      "        on-classic: false",
      "slot-snap-type:",
      "  - core",
      "  - app",
      "multi:",
      "    first line",
      "    second line",
    ].join("\n");
    expect(encodeHeaders(headers)).toBe(text);
    expect(decodeHeaders(text, "t")).toEqual(headers);
  });

  it.each<[string, Headers]>([
    ["flat strings", { type: "a", "authority-id": "b", x: "some: value - with: colons" }],
    ["the empty string", { type: "a", e: "", f: "x" }],
    ["a list of scalars", { type: "a", l: ["one", "two", "three"] }],
    ["a list with empty strings", { type: "a", l: ["", "x", ""] }],
    ["nested maps", { type: "a", m: { n: { o: { p: "deep" } }, q: "r" } }],
    ["a list of maps", { type: "a", l: [{ a: "1", b: "2" }, { c: ["x", "y"] }] }],
    ["lists of lists", { type: "a", l: [["x", ["y", "z"]], ["w"]] }],
    ["a multi-line string", { type: "a", m: "first\nsecond\nthird" }],
    ["blank and indented lines inside a multi-line string", { type: "a", m: "first\n\n  indented\n   \nlast" }],
    ["multi-line strings in lists and maps", { type: "a", l: ["a\nb", { m: "c\nd" }], z: "after" }],
    ["values that look like syntax", { type: "a", l: ["- x", "k: v", "-"], m: "-\nk:" }],
    ["a name that is an Object.prototype member", { type: "a", constructor: "c", tostring: "t" }],
    ["unicode", { type: "a", name: "café ☕ 日本" }],
    [`${FORMAT_LIMITS.maxDepth} levels of nesting`, nestedMaps(FORMAT_LIMITS.maxDepth)],
  ])("round-trips %s", (_l, headers) => {
    const text = encodeHeaders(headers);
    const back = decodeHeaders(text, "t");
    expect(back).toEqual(headers);
    expect(JSON.stringify(back)).toBe(JSON.stringify(headers)); // order too
    expect(encodeHeaders(back)).toBe(text);
  });

  it("round-trips randomly generated values", () => {
    let seed = 42;
    const rand = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    const words = ["a", "b c", "x:y", "- z", "", "é", "tab\there", "1"];
    const scalar = (): string => {
      const lines = Array.from({ length: 1 + rand(3) }, () => words[rand(words.length)]!);
      const s = lines.join("\n");
      return /^\s|\s$/.test(s) ? "w" : s;
    };
    const value = (depth: number): HeaderValue => {
      const kind = depth > 4 ? 0 : rand(3);
      if (kind === 0) return scalar();
      const n = 1 + rand(3);
      if (kind === 1) return Array.from({ length: n }, () => value(depth + 1));
      return Object.fromEntries(Array.from({ length: n }, (_, i) => [`k${i}`, value(depth + 1)]));
    };
    for (let i = 0; i < 300; i++) {
      const headers = { type: "t", v: value(1) };
      expect(decodeHeaders(encodeHeaders(headers), "t")).toEqual(headers);
    }
  });

  it.each<[string, unknown, RegExp]>([
    ["an empty list", { type: "a", l: [] }, /header l is an empty list/],
    ["an empty map", { type: "a", m: {} }, /header m is an empty map/],
    ["a nested empty map", { type: "a", l: ["x", {}] }, /header l\[1\] is an empty map/],
    ["a number", { type: "a", n: 1 }, /header n is a number/],
    ["a boolean", { type: "a", b: true }, /header b is a boolean/],
    ["null", { type: "a", b: null }, /header b is a null/],
    ["an invalid name", { type: "a", Bad: "x" }, /header Bad has an invalid name/],
    ["a name with a double dash", { type: "a", "a--b": "x" }, /invalid name/],
    ["a carriage return", { type: "a", x: "a\r\nb" }, /carriage return/],
    ["a NUL", { type: "a", x: "a\0b" }, /NUL/],
    ["leading whitespace", { type: "a", x: " a" }, /starts or ends with whitespace/],
    ["trailing whitespace", { type: "a", x: "a\t" }, /starts or ends with whitespace/],
    ["a trailing blank line", { type: "a", x: "a\nb\n" }, /starts or ends with whitespace/],
    ["a leading blank line", { type: "a", x: "\na" }, /starts or ends with whitespace/],
    ["too deep nesting", nestedMaps(FORMAT_LIMITS.maxDepth + 1), /nests deeper than 16/],
    ["no headers", {}, /empty map/],
  ])("refuses to encode %s", (_l, headers, re) => {
    expect(() => encodeHeaders(headers as Headers)).toThrow(ValidationError);
    expect(() => encodeHeaders(headers as Headers)).toThrow(re);
  });

  it.each<[string, string, RegExp]>([
    ["deeper indentation", "type: a\n  b: c", /line 2: unexpected indentation/],
    ["a repeated header", "type: a\nx: 1\nx: 2", /line 3: repeated header "x"/],
    ["no space after the colon", "type:a", /line 1: expected a space after the colon/],
    ["trailing whitespace", "type: a ", /line 1: value starts or ends with whitespace/],
    ["a colon and space but no value", "type: a\nx: ", /line 2: value starts or ends with whitespace/],
    ["an invalid name", "type: a\nBad: x", /line 2: invalid header name "Bad"/],
    ["a line without a colon", "type: a\nnonsense", /line 2: expected `name: value`/],
    ["a one-line value on its own line", "type: a\nx:\n    one", /line 3: a one-line value belongs on the line of its name/],
    ["odd indentation", "type: a\nx:\n   three", /line 3: unexpected indentation: expected 2 spaces/],
    ["an over-indented multi-line value", "type: a\nx:\n      a\n      b", /line 3: unexpected indentation: expected 2 spaces .* or 4/],
    ["a list item in a map", "type: a\n- b", /line 2: a list item where/],
    ["a map entry in a list", "type: a\nl:\n  - a\n  b: c", /line 4: a `name: value` header where a list item/],
    ["no space after the dash", "type: a\nl:\n  -x", /line 3: expected a space after the dash/],
    ["a tab for indentation", "type: a\n\tx: b", /line 2: indentation must be spaces only/],
    ["a carriage return", "type: a\r\nx: b", /line 1: contains a carriage return/],
    ["a NUL", "type: a\nx: \0", /line 2: contains a NUL/],
    ["an empty line", "type: a\n\nx: b", /line 2: empty line inside the header block/],
    ["a trailing newline", "type: a\n", /line 2: empty line/],
    ["a value starting with a blank line", "type: a\nx:\n    \n    b", /line 3: a value cannot start with a blank line/],
    ["a multi-line value ending with whitespace", "type: a\nx:\n    a\n    b\n    ", /line 5: multi-line value starts or ends with whitespace/],
    ["a blank line between headers", "type: a\n  \nx: b", /line 2: blank line/],
    ["nothing", "", /line 1: empty line/],
    [
      "nesting deeper than 16",
      ["type: a", ...Array.from({ length: 16 }, (_, i) => `${"  ".repeat(i)}k:`), `${"  ".repeat(16)}k: v`].join("\n"),
      /line 18: headers nest deeper than 16 levels/,
    ],
  ])("refuses to decode %s", (_l, text, re) => {
    expect(() => decodeHeaders(text, "/src/file")).toThrow(ValidationError);
    expect(() => decodeHeaders(text, "/src/file")).toThrow(re);
    expect(() => decodeHeaders(text, "/src/file")).toThrow(/^\/src\/file: /);
  });

  it("decodes a nesting of exactly 16 levels", () => {
    const text = ["type: a", ...Array.from({ length: 15 }, (_, i) => `${"  ".repeat(i)}k:`), `${"  ".repeat(15)}k: v`].join("\n");
    expect(JSON.stringify(decodeHeaders(text, "t"))).toContain('"k":"v"');
  });

  it("returns frozen values", () => {
    const h = decodeHeaders("type: a\nl:\n  - x", "t");
    expect(Object.isFrozen(h)).toBe(true);
    expect(Object.isFrozen(h["l"])).toBe(true);
  });
});

describe("assertion streams", () => {
  const first = "type: account\nauthority-id: acme\nrevision: 2";
  const secondBody = "line one\n\nafter a blank line, é\n";
  const second = `type: snap-declaration\nbody-length: ${Buffer.byteLength(secondBody)}\nx:\n    a\n    b`;
  const third = "type: store\nbody-length: 0";

  it("decodes several assertions, bodies and extra blank lines included", () => {
    const stream = `\n${first}\n\n${SIG}\n\n\n\n${second}\n\n${secondBody}\n\nAAAA\n\n${third}\n\nAA==\n\n`;
    const all = decodeAssertions(stream, "s");
    expect(all.map((a) => a.type)).toEqual(["account", "snap-declaration", "store"]);
    const [a, b, c] = all;
    expect(a).toMatchObject({ body: "", content: first, signature: SIG, text: `${first}\n\n${SIG}` });
    expect(a!.headers).toEqual({ type: "account", "authority-id": "acme", revision: "2" });
    expect(b).toMatchObject({ body: secondBody, content: `${second}\n\n${secondBody}`, signature: "AAAA" });
    expect(b!.text).toBe(`${second}\n\n${secondBody}\n\nAAAA`);
    expect(b!.headers["x"]).toBe("a\nb");
    expect(c).toMatchObject({ body: "", content: third, signature: "AA==" });
  });

  it("decodes a single assertion without a trailing newline", () => {
    expect(decodeAssertions(`${first}\n\n${SIG}`, "s")).toHaveLength(1);
  });

  const big = "x".repeat(FORMAT_LIMITS.maxStreamBytes);
  it.each<[string, string, RegExp]>([
    ["nothing", "\n\n", /no assertions found/],
    ["a missing signature", first, /line 1: assertion has no signature/],
    ["an empty signature", `${first}\n\n\n`, /line 5: the signature must be one line of base64/],
    ["a signature that is not base64", `${first}\n\nnot base64!`, /line 5: the signature must be one line of base64/],
    ["a signature with a trailing space", `${first}\n\n${SIG} `, /signature must be one line of base64/],
    ["a first header other than type", `authority-id: a\ntype: b\n\n${SIG}`, /line 1: the first header must be `type/],
    ["a body-length that is not a number", `type: a\nbody-length: 01\n\nx\n\n${SIG}`, /body-length must be a number/],
    ["a body longer than body-length", `type: a\nbody-length: 2\n\nabc\n\n${SIG}`, /line 4: body-length 2 does not match the body/],
    ["a body shorter than body-length", `type: a\nbody-length: 9\n\nabc\n\n${SIG}`, /body-length 9 does not match the body/],
    ["a body running past the end", `type: a\nbody-length: 99\n\nabc\n\n${SIG}`, /body is shorter than body-length 99/],
    ["a body-length cutting a character", `type: a\nbody-length: 1\n\né\n\n${SIG}`, /cuts the body inside a character/],
    ["a body over the limit", `type: a\nbody-length: ${FORMAT_LIMITS.maxBodyBytes + 1}\n\nx\n\n${SIG}`, /more than the 1048576-byte limit/],
    ["a stream over the limit", `type: a\n\n${SIG}\n\n${big}`, /more than the 4194304-byte limit/],
    ["assertions not separated by a blank line", `${first}\n\n${SIG}\n${first}\n\n${SIG}`, /line 6: expected a blank line between assertions/],
    ["CRLF line ends", `${first.replace(/\n/g, "\r\n")}\r\n\r\n${SIG}`, /line 1: contains a carriage return/],
    ["a malformed header in the second assertion", `${first}\n\n${SIG}\n\ntype: b\nbad\n\n${SIG}`, /line 8: expected `name: value`/],
  ])("refuses %s", (_l, text, re) => {
    expect(() => decodeAssertions(text, "/in")).toThrow(ValidationError);
    expect(() => decodeAssertions(text, "/in")).toThrow(re);
    expect(() => decodeAssertions(text, "/in")).toThrow(/^\/in: /);
  });
});
