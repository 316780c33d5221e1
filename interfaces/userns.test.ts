import { describe, expect, it } from "vitest";
import { BASELINE_HOST } from "../src/iface/index.js";
import { connectedContext, ruleLines, seccompOf, snippet } from "./test-support.js";
import userns from "./userns.js";

describe("userns", () => {
  it.each([
    ["a parser with userns rules", new Set(["userns"]), ["userns,"]],
    ["a parser without them", BASELINE_HOST.apparmorParser, []],
  ])("on %s, connected, allows clone and unshare and the AppArmor rule where it exists", (_what, features, rules) => {
    const ctx = { ...connectedContext(userns, {}, {}, { system: true }), host: { apparmorParser: features } };
    expect(ruleLines(snippet(userns, "connectedPlug", ctx))).toEqual(rules);
    expect(ruleLines(seccompOf(userns, "connectedPlug", ctx))).toEqual(["clone", "unshare"]);
  });
});
