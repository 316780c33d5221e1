import { describe, expect, it } from "vitest";
import { AttributeProblem, type InterfaceModule } from "../src/iface/index.js";
import type { AttrMap } from "../src/snap/index.js";
import mod from "./netlink-driver.js";
import { connectedContext, endpointOf, ruleLines, seccompOf, snippet } from "./test-support.js";

const m: InterfaceModule = mod;
const slot = (attrs: AttrMap) => m.sanitizeSlot!(endpointOf(m, "gadget", attrs));
const plug = (attrs: AttrMap) => m.sanitizePlug!(endpointOf(m, "app", attrs));

describe("netlink-driver", () => {
  it.each<[AttrMap]>([[{ family: 31, "family-name": "foo-driver" }], [{ family: 0, "family-name": "ab" }], [{ family: 25, "family-name": "a1-2b" }]])("accepts the slot %j", (attrs) => {
    expect(() => slot(attrs)).not.toThrow();
  });

  it.each<[AttrMap, RegExp]>([
    [{ "family-name": "foo" }, /must set family/],
    [{ family: "31", "family-name": "foo" }, /family must be a whole number/],
    [{ family: 3.5, "family-name": "foo" }, /family must be a whole number/],
    [{ family: true, "family-name": "foo" }, /family must be a whole number/],
    [{ family: -1, "family-name": "foo" }, /not a netlink protocol number/],
    [{ family: 32, "family-name": "foo" }, /not a netlink protocol number/],
    [{ family: 31 }, /slot must set family-name/],
    [{ family: 31, "family-name": 7 }, /family-name must be a string/],
    [{ family: 31, "family-name": "foo", extra: 1 }, /unknown attribute "extra"/],
  ])("refuses the slot %j", (attrs, re) => {
    expect(() => slot(attrs)).toThrow(AttributeProblem);
    expect(() => slot(attrs)).toThrow(re);
  });

  it.each(["a", "-ab", "1ab", "ab-", "Ab", "a_b", "a b", "ab\n", "ab\nbind", "a,b", "a{b}", "ab#", "a/../b"])("refuses the family-name %j on both sides", (name) => {
    expect(() => plug({ "family-name": name })).toThrow(/is not a family name/);
    expect(() => slot({ family: 31, "family-name": name })).toThrow(/is not a family name/);
  });

  it("refuses a plug without family-name or with other attributes", () => {
    expect(() => plug({})).toThrow(/plug must set family-name/);
    expect(() => plug({ "family-name": "foo", family: 3 })).toThrow(/unknown attribute "family"/);
  });

  it("grants netlink sockets of the slot's protocol number only", () => {
    const ctx = connectedContext(m, { "family-name": "foo-driver" }, { family: 27, "family-name": "foo-driver" }, { slotSnap: "gadget" });
    expect(ruleLines(snippet(m, "connectedPlug", ctx))).toEqual(["network netlink,", "capability net_admin,"]);
    expect(ruleLines(seccompOf(m, "connectedPlug", ctx))).toEqual(["socket AF_NETLINK - 27", "bind"]);
  });
});
