import { describe, expect, it } from "vitest";
import jack1 from "./jack1.js";
import { connectedContext, ruleLines, snippet } from "./test-support.js";

describe("jack1", () => {
  it("grants exactly the server's endpoints, as snapd does, not the directories' listings", () => {
    expect(ruleLines(snippet(jack1, "connectedPlug", connectedContext(jack1, {}, {}, { system: true })))).toEqual(["owner /dev/shm/jack-[0-9]*/*/* rw,"]);
  });
});
