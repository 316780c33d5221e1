import { describe, expect, it } from "vitest";
import { connectedContext, ruleLines, snippet } from "./test-support.js";
import systemSourceCode from "./system-source-code.js";

describe("system-source-code", () => {
  it("reads /usr/src and nothing else", () => {
    expect(ruleLines(snippet(systemSourceCode, "connectedPlug", connectedContext(systemSourceCode, {}, {}, { system: true })))).toEqual(["/usr/src/{,**} r,"]);
  });
});
