import { describe, expect, it } from "vitest";
import { AttributeProblem, type ConnectedContext, type InterfaceModule } from "../src/iface/index.js";
import type { AttrMap } from "../src/snap/index.js";
import { connectedContext, plugInfo as endpoint, ruleLines, snippet } from "./test-support.js";

/** app:x connected to gadget:x (or to the system snap), with these attributes. */
const connect = (m: InterfaceModule, plugAttrs: AttrMap, slotAttrs: AttrMap, system = false) => connectedContext(m, plugAttrs, slotAttrs, { system, slotSnap: "gadget" });
const apparmorOf = (m: InterfaceModule, ctx: ConnectedContext) => snippet(m, "connectedPlug", ctx);
const rules = ruleLines;
import snapdControl from "./snapd-control.js";

describe("snapd-control", () => {
  it.each<[string, AttrMap, RegExp]>([
    ["another schedule", { "refresh-schedule": "daily" }, /must be "managed"/],
    ["an empty schedule", { "refresh-schedule": "" }, /must be "managed"/],
  ])("plug refuses %s", (_l, attrs, re) => {
    expect(() => snapdControl.sanitizePlug!(endpoint("app", "snapd-control", attrs))).toThrow(AttributeProblem);
    expect(() => snapdControl.sanitizePlug!(endpoint("app", "snapd-control", attrs))).toThrow(re);
  });

  it("accepts what snapd accepts", () => {
    for (const attrs of [{ "refresh-schedule": "managed" }, { "refresh-schedule": true }, { admin: true }] as AttrMap[]) {
      expect(snapdControl.sanitizePlug!(endpoint("app", "snapd-control", attrs))).toEqual(attrs);
    }
  });

  it("grants the API sockets only", () => {
    expect(rules(apparmorOf(snapdControl, connect(snapdControl, {}, {}, true)))).toEqual(["/run/snapd.socket rw,", "/run/plugboard.socket rw,"]);
  });
});
