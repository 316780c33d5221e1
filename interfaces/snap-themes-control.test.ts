import { describe, expect, it } from "vitest";
import { connectedContext, ruleLines, snippet } from "./test-support.js";
import m from "./snap-themes-control.js";

describe("snap-themes-control", () => {
  it("reaches the daemon's API sockets only", () => {
    expect(ruleLines(snippet(m, "connectedPlug", connectedContext(m, {}, {}, { system: true })))).toEqual(["/run/snapd.socket rw,", "/run/plugboard.socket rw,"]);
  });
});
