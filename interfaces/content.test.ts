import { describe, expect, it } from "vitest";
import { AttributeProblem } from "../src/iface/index.js";
import type { AttrMap } from "../src/snap/index.js";
import content from "./content.js";
import { connectedContext, endpointOf, ruleLines, snippet } from "./test-support.js";

const m = content;
const plug = (attrs: AttrMap) => m.sanitizePlug!(endpointOf(m, "app", attrs));
const slot = (attrs: AttrMap) => m.sanitizeSlot!(endpointOf(m, "provider", attrs));

describe("content", () => {
  it("with a source section, the provider reaches each shared directory under the consumer's target by its name", () => {
    const ctx = connectedContext(m, { target: "$SNAP_DATA/in" }, { source: { write: ["$SNAP_DATA/a", "$SNAP_COMMON/b"] } });
    expect(ruleLines(snippet(m, "connectedSlot", ctx))).toEqual(["/var/snap/app/x1/in/a/** mrwklix,", "/var/snap/app/x1/in/b/** mrwklix,"]);
    expect(m.connectedPlug!.mount!(ctx)).toEqual([
      { source: "/var/snap/provider/x2/a", target: "/var/snap/app/x1/in/a", readOnly: false },
      { source: "/var/snap/provider/common/b", target: "/var/snap/app/x1/in/b", readOnly: false },
    ]);
  });

  it("without one, the provider reaches the consumer's target itself, and only for writable sharing", () => {
    const rw = connectedContext(m, { target: "$SNAP_DATA/in" }, { write: ["$SNAP_DATA/a"] });
    expect(ruleLines(snippet(m, "connectedSlot", rw))).toEqual(["/var/snap/app/x1/in/** mrwklix,"]);
    const ro = connectedContext(m, { target: "$SNAP/in" }, { read: ["lib"] });
    expect(ruleLines(snippet(m, "connectedSlot", ro))).toEqual([]);
    expect(ruleLines(snippet(m, "connectedPlug", ro))).toEqual(["/snap/provider/x2/lib/** mrkix,"]);
  });

  it("fills in the content label from the name unless a compatibility label is given", () => {
    expect(plug({ target: "$SNAP/x" })).toEqual({ target: "$SNAP/x", content: "x" });
    expect(plug({ target: "$SNAP/x", compatibility: "foo-1" })).toEqual({ target: "$SNAP/x", compatibility: "foo-1" });
    expect(slot({ read: ["."], compatibility: "foo-1" })).toEqual({ read: ["."], compatibility: "foo-1" });
  });

  it.each<[string, AttrMap]>([
    ["a compatibility label that is not a string", { target: "$SNAP/x", compatibility: 1 }],
    ["both labels", { target: "$SNAP/x", content: "a", compatibility: "foo-1" }],
  ])("plug refuses %s", (_l, attrs) => {
    expect(() => plug(attrs)).toThrow(AttributeProblem);
  });
});
