import { describe, expect, it } from "vitest";
import { parseYaml11, type YMap, type YNode } from "./index.js";

const get = (n: YNode | null, ...path: string[]): YNode | undefined => {
  let cur: YNode | undefined = n ?? undefined;
  for (const p of path) cur = cur?.kind === "map" ? cur.entries.get(p) : undefined;
  return cur;
};

describe("parseYaml11", () => {
  it.each([
    ["yes", true],
    ["No", false],
    ["on", true],
    ["OFF", false],
    ["y", true],
    ["'yes'", "yes"],
    ["1.10", 1.1],
    ["0755", 493],
    ["1_000", 1000],
    [".", "."],
    ["1:20", "1:20"],
    ["~", null],
  ])("resolves %s as snapd's YAML 1.1 reader does", (text, expected) => {
    const n = get(parseYaml11(`v: ${text}\n`, "t.yaml"), "v");
    expect(n).toMatchObject({ kind: "scalar", value: expected });
  });

  it("keeps the source text of every scalar", () => {
    expect(get(parseYaml11("version: 1.10\n", "t.yaml"), "version")).toMatchObject({ source: "1.10", value: 1.1 });
  });

  it("applies merge keys with explicit keys winning", () => {
    const n = parseYaml11("base: &b {a: 1, b: 2}\nx:\n  <<: *b\n  b: 3\n", "t.yaml");
    const x = get(n, "x") as YMap;
    expect([...x.entries.keys()].sort()).toEqual(["a", "b"]);
    expect(x.entries.get("b")).toMatchObject({ value: 3 });
  });

  it("accepts quoted continuation lines indented like their key, as libyaml does", () => {
    const text = 'a:\n  k: "one \\\n  two"\n  j: x\n';
    expect(get(parseYaml11(text, "t.yaml"), "a", "k")).toMatchObject({ value: "one two" });
  });

  it.each([
    ["duplicate keys", "a: 1\na: 2\n", /Map keys must be unique/],
    ["unterminated quote", 'a: "x\n', /cannot parse YAML/],
    ["NUL byte", "a: \0\n", /NUL/],
  ])("refuses %s with the file named", (_label, text, re) => {
    expect(() => parseYaml11(text, "meta/snap.yaml")).toThrow(/^meta\/snap.yaml: /);
    expect(() => parseYaml11(text, "meta/snap.yaml")).toThrow(re);
  });

  it("refuses an alias bomb without expanding it", () => {
    const lines = ['a0: &a0 ["x","x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 10; i++) lines.push(`a${i}: &a${i} [${Array(10).fill(`*a${i - 1}`).join(",")}]`);
    const started = Date.now();
    expect(() => parseYaml11(lines.join("\n") + "\n", "bomb.yaml")).toThrow(/more than \d+ nodes/);
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it("refuses a narrow, deep alias chain quickly (each alias was looked up by walking the whole document: 10 s for 300 bytes)", () => {
    // Found by test/fuzz.test.ts: a 2-wide, 20-deep chain took about 10 s to refuse on a 2-core machine.
    const lines = ['l0: &l0 ["x"]'];
    for (let i = 1; i <= 20; i++) lines.push(`l${i}: &l${i} [*l${i - 1}, *l${i - 1}]`);
    const started = Date.now();
    expect(() => parseYaml11(lines.join("\n") + "\n", "chain.yaml")).toThrow(/more than \d+ nodes/);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it("an alias names the last anchor of that name before it", () => {
    const doc = parseYaml11("a: &x 1\nb: *x\nc: &x 2\nd: *x\n", "redefined.yaml") as YMap;
    expect([..."abcd"].map((k) => (doc.entries.get(k) as { value: unknown }).value)).toEqual([1, 1, 2, 2]);
    expect(() => parseYaml11("a: *nowhere\n", "dangling.yaml")).toThrow(/alias/);
    expect(() => parseYaml11("a: &a [*a]\n", "self.yaml")).toThrow(/nest|alias/);
  });

  it("refuses deep nesting", () => {
    expect(() => parseYaml11("a: " + "[".repeat(500) + "]".repeat(500) + "\n", "deep.yaml")).toThrow(/nest/);
  });

  // The parser and composer recurse per level: past a few hundred levels the
  // user got "cannot parse YAML: Maximum call stack size exceeded" after
  // seconds of work, instead of the depth limit.
  const blockMaps = (n: number) => Array.from({ length: n }, (_, i) => `${" ".repeat(i)}k${i}:`).join("\n") + "\n";
  const blockSeqs = (n: number) => Array.from({ length: n }, (_, i) => `${" ".repeat(i)}-`).join("\n") + "\n";
  it.each([
    ["flow sequences", 5_000, (n: number) => `a: ${"[".repeat(n)}${"]".repeat(n)}\n`],
    ["flow sequences", 100_000, (n: number) => `a: ${"[".repeat(n)}${"]".repeat(n)}\n`],
    ["flow sequences, unclosed", 100_000, (n: number) => `a: ${"[".repeat(n)}\n`],
    ["flow maps", 5_000, (n: number) => `a: ${"{a: ".repeat(n)}${"}".repeat(n)}\n`],
    ["flow maps", 100_000, (n: number) => `${"{a: ".repeat(n)}x${"}".repeat(n)}\n`],
    ["compact block sequences", 5_000, (n: number) => `${"- ".repeat(n)}x\n`],
    ["compact block sequences", 100_000, (n: number) => `${"- ".repeat(n)}x\n`],
    ["compact block sequences under a key, then a dedent", 100_000, (n: number) => `a:\n  ${"- ".repeat(n)}x\nb: 1\n`],
    ["block maps, one space per level", 1_400, blockMaps],
    ["block sequences, one space per level", 1_400, blockSeqs],
    ["key-and-sequence pairs at one column each (two levels a pair)", 700, (n: number) => Array.from({ length: n }, (_, i) => `${"  ".repeat(i)}- k${i}:`).join("\n") + "\n"],
  ])("refuses %s nested %i deep with the depth-limit error, quickly", (_shape, depth, make) => {
    const text = make(depth);
    expect(Buffer.byteLength(text)).toBeLessThanOrEqual(1 << 20);
    const started = Date.now();
    expect(() => parseYaml11(text, "deep.yaml")).toThrow(/^deep\.yaml: document nests deeper than 64 levels \(line \d+\)$/);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it("block maps too deep to fit in 1 MB (5,000 levels need 12 MB of indentation) are refused by size", () => {
    expect(() => parseYaml11(blockMaps(5_000), "deep.yaml")).toThrow(/larger than the 1048576-byte limit/);
  });

  it.each([63, 64, 65, 66])("refuses nesting past the limit exactly as the converter does (%i levels of flow lists)", (n) => {
    // A map, then n lists, then a scalar at depth n + 1.
    const withScalar = `a: ${"[".repeat(n)}x${"]".repeat(n)}\n`;
    const empty = `a: ${"[".repeat(n)}${"]".repeat(n)}\n`;
    if (n + 1 <= 64) expect(parseYaml11(withScalar, "d.yaml")).toBeTruthy();
    else expect(() => parseYaml11(withScalar, "d.yaml")).toThrow(/document nests deeper than 64 levels \(line 1\)/);
    if (n <= 64) expect(parseYaml11(empty, "d.yaml")).toBeTruthy();
    else expect(() => parseYaml11(empty, "d.yaml")).toThrow(/document nests deeper than 64 levels \(line 1\)/);
    const block = Array.from({ length: n }, (_, i) => `${" ".repeat(i)}k${i}:`).join("\n") + ` x\n`;
    // n maps, the last with a scalar at depth n.
    if (n <= 64) expect(parseYaml11(block, "b.yaml")).toBeTruthy();
    else expect(() => parseYaml11(block, "b.yaml")).toThrow(/document nests deeper than 64 levels \(line \d+\)/);
  });

  it("deep nesting inside block scalars, quotes and comments is text, not nesting", () => {
    const deep = "[".repeat(5_000);
    const doc = parseYaml11(`a: |\n  ${deep}\nb: '${deep}'\nc: "${deep}"\n# ${deep}\nd: x${deep}\n`, "text.yaml") as YMap;
    expect((doc.entries.get("a") as { value: unknown }).value).toBe(`${deep}\n`);
    expect((doc.entries.get("d") as { value: unknown }).value).toBe(`x${deep}`);
  });

  it("refuses a 10 MB document before parsing it", () => {
    const big = "a: " + "x".repeat(10 * 1024 * 1024) + "\n";
    expect(() => parseYaml11(big, "big.yaml")).toThrow(/big.yaml: document is \d+ bytes, larger than the 1048576-byte limit/);
  });
});
