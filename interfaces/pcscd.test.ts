import { describe, expect, it } from "vitest";
import type { InterfaceModule } from "../src/iface/index.js";
import { connectedContext, ruleLines, seccompOf, snippet, udevOf } from "./test-support.js";
import mod from "./pcscd.js";

const m: InterfaceModule = mod;
const ctx = () => connectedContext(m, {}, {}, { system: true });
const rules = () => ruleLines(snippet(m, "connectedPlug", ctx()));

describe("pcscd", () => {
  it.each([
    "/{var/,}run/pcscd/pcscd.comm rw,",
    "/etc/{opensc/,}opensc.conf r,",
  ])("the connected plug grants %s", (line) => {
    expect(rules()).toContain(line);
  });

  it("grants the socket and the configuration only", () => {
    expect(rules()).toHaveLength(2);
  });
});
