import { describe, expect, it } from "vitest";
import { connectedContext, ruleLines, seccompOf, snippet } from "./test-support.js";
import m from "./multipass-support.js";

const ctx = connectedContext(m, {}, {}, { system: true });
const rules = ruleLines(snippet(m, "connectedPlug", ctx));
const calls = ruleLines(seccompOf(m, "connectedPlug", ctx));

describe("multipass-support", () => {
  it("changes profile only into its own helpers' profiles, from its own directory", () => {
    expect(rules.filter((l) => l.startsWith("change_profile"))).toEqual(["change_profile unsafe /var/snap/{@{SNAP_NAME},@{SNAP_INSTANCE_NAME}}/usr/bin/* -> multipass.*,"]);
  });
  it.each([
    ["chown", true],
    ["fchownat", true],
    ["setgroups 0 -", true],
    ["setuid u:root", true],
    // Broader than snapd: any target ID.
    ["setuid", false],
    ["setresuid", false],
  ])("seccomp %s granted: %s", (call, granted) => {
    expect(calls.includes(call)).toBe(granted);
  });
});
