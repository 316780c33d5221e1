import fc from "fast-check";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { lineBeyondNesting } from "./nesting.js";

// The pre-parse count must never exceed the real nesting (or it would refuse
// documents the converter accepts), and must grow with it (or deep input
// would reach the recursive parser again).

type Value = string | number | boolean | null | Value[] | { [k: string]: Value };

const nesting = (v: Value): number =>
  Array.isArray(v) ? 1 + Math.max(0, ...v.map(nesting)) : v !== null && typeof v === "object" ? 1 + Math.max(0, ...Object.values(v).map(nesting)) : 0;

// Strings that look like YAML syntax, so quoting, block scalars and comments are exercised.
const text = fc.oneof(fc.string(), fc.constantFrom("[", "]", "{a: [", "- - x", "a: b", "#", "? k", "x\n- y\n  - z", "|", ">-", "&a", "*a", "'", '"', "---"));
const { value } = fc.letrec<{ value: Value }>((tie) => ({
  value: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    fc.oneof(text, fc.integer(), fc.boolean(), fc.constant(null)),
    fc.array(tie("value"), { maxLength: 3 }),
    fc.dictionary(fc.oneof(fc.string({ minLength: 1, maxLength: 5 }), fc.constantFrom("-", "?", "a b", "[k]")), tie("value"), { maxKeys: 3 }),
  ),
}));

describe("lineBeyondNesting", () => {
  it("never counts more levels than a document has, in any layout the yaml library writes", () => {
    fc.assert(
      fc.property(value, fc.integer({ min: 1, max: 4 }), fc.boolean(), fc.constantFrom<"any" | "block" | "flow">("any", "block", "flow"), (v, indent, indentSeq, collectionStyle) => {
        const doc = stringify(v, { indent, indentSeq, collectionStyle });
        expect(lineBeyondNesting(doc, nesting(v))).toBeNull();
      }),
      { numRuns: 2000 },
    );
  });

  it("counts every level of a flow document, and at least half of a block one", () => {
    fc.assert(
      fc.property(value, fc.integer({ min: 1, max: 4 }), fc.boolean(), (v, indent, indentSeq) => {
        const depth = nesting(v);
        fc.pre(depth >= 2);
        expect(lineBeyondNesting(stringify(v, { collectionStyle: "flow" }), depth - 1)).not.toBeNull();
        expect(lineBeyondNesting(stringify(v, { indent, indentSeq, collectionStyle: "block" }), Math.ceil(depth / 2) - 1)).not.toBeNull();
      }),
      { numRuns: 1000 },
    );
  });

  it("finds no document in the snap.yaml corpus nested more than 64 levels", () => {
    const dir = path.resolve(import.meta.dirname, "../../test/fixtures");
    const files = readdirSync(dir, { recursive: true, encoding: "utf8" }).filter((f) => /\.ya?ml$/.test(f));
    expect(files.length).toBeGreaterThan(200);
    for (const f of files) expect([f, lineBeyondNesting(readFileSync(path.join(dir, f), "utf8"), 65)]).toEqual([f, null]);
  });

  it("names the line where the limit is passed", () => {
    expect(lineBeyondNesting("a: 1\nb:\n  c: [[[x]]]\n", 3)).toBe(3);
    expect(lineBeyondNesting("a: 1\nb:\n  c: [[[x]]]\n", 5)).toBeNull();
  });
});
