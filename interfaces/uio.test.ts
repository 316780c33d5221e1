import { describe, expect, it } from "vitest";
import { AttributeProblem, type ConnectedContext, type InterfaceModule } from "../src/iface/index.js";
import { safeUdevMatch } from "../src/backends/validate.js";
import type { AttrMap } from "../src/snap/index.js";
import { connectedContext, devRuleLines, plugInfo as endpoint, ruleLines, snippet, udevOf as udevFor } from "./test-support.js";

/** app:x connected to gadget:x (or to the system snap), with these attributes. */
const connect = (m: InterfaceModule, plugAttrs: AttrMap, slotAttrs: AttrMap, system = false) => connectedContext(m, plugAttrs, slotAttrs, { system, slotSnap: "gadget" });
const apparmorOf = (m: InterfaceModule, ctx: ConnectedContext) => snippet(m, "connectedPlug", ctx);
const udevOf = (m: InterfaceModule, ctx: ConnectedContext) => udevFor(m, "connectedPlug", ctx);
const rules = ruleLines;
const devRules = devRuleLines;
import uio from "./uio.js";

describe("uio", () => {
  it.each<[string, AttrMap, RegExp]>([
    ["no path", {}, /must set path/],
    ["a glob", { path: "/dev/uio*" }, /userspace I\/O device/],
    ["another device", { path: "/dev/mem" }, /userspace I\/O device/],
    ["a leading zero", { path: "/dev/uio01" }, /userspace I\/O device/],
    ["an injected rule", { path: "/dev/uio0 rw,\n/** rwx" }, /userspace I\/O device/],
  ])("slot refuses %s", (_l, attrs, re) => {
    expect(() => uio.sanitizeSlot!(endpoint("gadget", "uio", attrs))).toThrow(AttributeProblem);
    expect(() => uio.sanitizeSlot!(endpoint("gadget", "uio", attrs))).toThrow(re);
  });

  it("grants and tags exactly the named device", () => {
    const ctx = connect(uio, {}, { path: "/dev/uio4" });
    expect(devRules(apparmorOf(uio, ctx))).toEqual(["/dev/uio4 rw,"]);
    expect(rules(apparmorOf(uio, ctx)).filter((l) => l.includes("/uio/uio"))).toEqual(["/sys/devices/platform/**/uio/uio[0-9]** r,"]);
    expect(udevOf(uio, ctx)).toEqual(['SUBSYSTEM=="uio", KERNEL=="uio4"']);
    for (const u of udevOf(uio, ctx)) expect(safeUdevMatch(u, "t")).toBe(u);
  });

  it("ignores attributes snapd does not check", () => {
    expect(uio.sanitizeSlot!(endpoint("gadget", "uio", { path: "/dev/uio0", irq: 3 }))).toEqual({ path: "/dev/uio0", irq: 3 });
  });
});
