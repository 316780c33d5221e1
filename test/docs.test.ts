import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { builtinInterfaces, builtinRegistry } from "../interfaces/index.js";
import { baseDeclarationOf, interfacesMarkdown, summarizeInterface } from "../src/ops/index.js";

const DOC = path.resolve(import.meta.dirname, "../docs/interfaces.md");

describe("docs/interfaces.md", () => {
  it("is generated from the modules and up to date", () => {
    const text = interfacesMarkdown(builtinInterfaces, baseDeclarationOf(builtinRegistry()));
    if (process.env["UPDATE_DOCS"]) writeFileSync(DOC, text);
    expect(readFileSync(DOC, "utf8"), "docs/interfaces.md is stale: rerun with UPDATE_DOCS=1").toBe(text);
  });

  it.each([
    ["network", "yes", false],
    ["camera", "no", false],
    ["home", "depends on attributes", false],
    ["docker-support", "no", true],
    ["content", "depends on attributes", false],
  ])("%s: auto-connect %s, super-privileged %s", (name, auto, sup) => {
    const s = summarizeInterface(builtinRegistry().get(name)!, baseDeclarationOf(builtinRegistry()));
    expect(s.autoConnect).toBe(auto);
    expect(s.superPrivileged).toBe(sup);
  });
});
