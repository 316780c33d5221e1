import { describe, expect, it } from "vitest";
import { connectedContext, ruleLines, snippet } from "./test-support.js";
import snapRefreshObserve from "./snap-refresh-observe.js";

describe("snap-refresh-observe", () => {
  it("reaches the daemon's API and no file of its own state", () => {
    const rules = ruleLines(snippet(snapRefreshObserve, "connectedPlug", connectedContext(snapRefreshObserve, {}, {}, { system: true })));
    expect(rules).toEqual(["/run/snapd.socket rw,", "/run/plugboard.socket rw,"]);
    expect(rules.join("\n")).not.toMatch(/\/var\/lib\/(snapd|plugboard)/);
  });
});
