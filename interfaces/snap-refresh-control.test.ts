import { describe, expect, it } from "vitest";
import { connectedContext, ruleLines, snippet } from "./test-support.js";
import snapRefreshControl from "./snap-refresh-control.js";

describe("snap-refresh-control", () => {
  it("reaches the daemon for snapctl refresh and is super-privileged", () => {
    const rules = ruleLines(snippet(snapRefreshControl, "connectedPlug", connectedContext(snapRefreshControl, {}, {}, { system: true })));
    expect(rules).toEqual(["/run/snapd.socket rw,", "/run/plugboard.socket rw,"]);
    expect(snapRefreshControl.baseDeclaration.plugs?.["allow-installation"]).toBe(false);
  });
});
