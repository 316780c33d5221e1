import { describe, expect, it } from "vitest";
import { connectedContext, ruleLines, seccompOf, snippet, udevOf } from "./test-support.js";
import m from "./steam-support.js";

const ctx = connectedContext(m, {}, {}, { system: true });

describe("steam-support", () => {
  it("allows every mediated class, as snapd without 'allow all'", () => {
    expect(ruleLines(snippet(m, "connectedPlug", ctx))).toEqual([
      "allow capability,",
      "allow file,",
      "allow network,",
      "allow unix,",
      "allow ptrace,",
      "allow signal,",
      "allow mount,",
      "allow umount,",
      "allow pivot_root,",
      "allow dbus,",
    ]);
  });
  it("never changes profile", () => {
    expect(snippet(m, "connectedPlug", ctx)).not.toMatch(/^\s*(allow )?change_profile/m);
  });
  it("runs without a system call filter and tags no devices", () => {
    expect(ruleLines(seccompOf(m, "connectedPlug", ctx))).toEqual(["@unrestricted"]);
    expect(udevOf(m, "connectedPlug", ctx)).toEqual([]);
  });
});
