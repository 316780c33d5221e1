import { describe, expect, it } from "vitest";
import { ValidationError } from "../errors/index.js";
import { parseSnapYaml } from "./parse.js";

const withEnv = (block: string) => `name: t\nversion: '1'\n${block}\napps:\n  a:\n    command: bin/a\n`;

describe("snap.yaml environment names", () => {
  it.each([
    ['environment:\n  "A=B": x', 'environment."A=B"'],
    ['environment:\n  "BAD\\nNAME": x', 'environment."BAD\\nNAME"'],
    ['environment:\n  "NUL\\0": x', 'environment."NUL\\u0000"'],
    ['environment:\n  "": x', 'environment.""'],
    ['environment:\n  "9LIVES": x', 'environment."9LIVES"'],
    ['environment:\n  "has space": x', 'environment."has space"'],
    ['environment:\n  "dash-ed": x', 'environment."dash-ed"'],
  ])("refuses %j, naming the field", (block, field) => {
    let err: unknown;
    try {
      parseSnapYaml(withEnv(block), { file: "snap.yaml" });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ValidationError);
    expect((err as Error).message).toContain(field);
    expect((err as Error).message).toMatch(/invalid environment variable name/);
  });

  it("refuses an app's environment key the same way", () => {
    const y = "name: t\nversion: '1'\napps:\n  a:\n    command: bin/a\n    environment:\n      'X=Y': z\n";
    expect(() => parseSnapYaml(y, { file: "snap.yaml" })).toThrow(/apps\.a\.environment\."X=Y".*invalid environment variable name/);
  });

  it("refuses a value holding a NUL", () => {
    expect(() => parseSnapYaml(withEnv('environment:\n  A: "x\\0y"'), { file: "snap.yaml" })).toThrow(/environment\.A.*NUL/);
  });

  it("accepts ordinary names, loader variables included (they reach only the app)", () => {
    const info = parseSnapYaml(withEnv("environment:\n  LD_LIBRARY_PATH: $SNAP/lib\n  _private: '1'\n  Mixed_Case9: ok"), { file: "snap.yaml" });
    expect(info.environment).toEqual({ LD_LIBRARY_PATH: "$SNAP/lib", _private: "1", Mixed_Case9: "ok" });
  });
});
