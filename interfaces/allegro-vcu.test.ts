import { describe, expect, it } from "vitest";
import { safeUdevMatch } from "../src/backends/validate.js";
import { connectedContext, ruleLines, snippet, udevOf } from "./test-support.js";
import allegroVcu from "./allegro-vcu.js";

/** A connection of app:x to the system snap's slot. */
const ctx = connectedContext(allegroVcu, {}, {}, { system: true });
const rules = ruleLines(snippet(allegroVcu, "connectedPlug", ctx));

describe("allegro-vcu", () => {
  it.each([
    ["/dev/allegroDecodeIP rw,"],
    ["/dev/allegroIP rw,"],
    ["/dev/dmaproxy rw,"],
  ])("grants %s", (rule) => {
    expect(rules).toContain(rule);
  });
  it("tags the devices snapd tags, with matches the udev renderer accepts", () => {
    expect(udevOf(allegroVcu, "connectedPlug", ctx)).toEqual(['SUBSYSTEM=="allegro_decode_class", KERNEL=="allegroDecodeIP"', 'SUBSYSTEM=="allegro_encode_class", KERNEL=="allegroIP"', 'SUBSYSTEM=="char", KERNEL=="dmaproxy"']);
    for (const u of udevOf(allegroVcu, "connectedPlug", ctx)) expect(safeUdevMatch(u, "t")).toBe(u);
  });
});
