import { describe, expect, it } from "vitest";
import { type ConnectedContext, type InterfaceModule } from "../src/iface/index.js";
import { safeUdevMatch } from "../src/backends/validate.js";
import type { AttrMap } from "../src/snap/index.js";
import { connectedContext, devRuleLines, ruleLines, seccompOf, snippet, udevOf as udevFor } from "./test-support.js";

/** app:x connected to gadget:x (or to the system snap), with these attributes. */
const connect = (m: InterfaceModule, plugAttrs: AttrMap, slotAttrs: AttrMap, system = false) => connectedContext(m, plugAttrs, slotAttrs, { system, slotSnap: "gadget" });
const apparmorOf = (m: InterfaceModule, ctx: ConnectedContext) => snippet(m, "connectedPlug", ctx);
const udevOf = (m: InterfaceModule, ctx: ConnectedContext) => udevFor(m, "connectedPlug", ctx);
const devRules = devRuleLines;
import m from "./time-control.js";

describe("time-control", () => {
  it("grants and tags exactly its devices", () => {
    const ctx = connect(m, {}, {}, true);
    expect(devRules(apparmorOf(m, ctx))).toEqual(["/dev/rtc[0-9]* rw,", "/dev/pps[0-9]* rw,"]);
    expect(udevOf(m, ctx)).toEqual(['SUBSYSTEM=="rtc"', 'KERNEL=="pps[0-9]*"']);
    for (const u of udevOf(m, ctx)) expect(safeUdevMatch(u, "t")).toBe(u);
  });

  it.each([
    ["/sys/class/rtc/*/** rw,", true],
    ["/sys/devices/virtual/pps/*/** rw,", true],
    ['dbus (send) bus=system path=/org/freedesktop/timedate1 interface=org.freedesktop.timedate1 member="Set{Time,LocalRTC}" peer=(label=unconfined),', true],
    ["deny @{PROC}/1/environ r,", true],
    // Broader than snapd: switching NTP on or off is timeserver-control's.
    ["dbus (send) bus=system path=/org/freedesktop/timedate1 interface=org.freedesktop.timedate1 member={SetTime,SetNTP,SetLocalRTC} peer=(label=unconfined),", false],
  ])("AppArmor %s granted: %s", (rule, granted) => {
    expect(ruleLines(apparmorOf(m, connect(m, {}, {}, true))).includes(rule)).toBe(granted);
  });

  it.each([
    ["socket AF_NETLINK - NETLINK_AUDIT", true],
    ["clock_settime", true],
    ["stime", false],
  ])("seccomp %s granted: %s", (rule, granted) => {
    expect(ruleLines(seccompOf(m, "connectedPlug", connect(m, {}, {}, true))).includes(rule)).toBe(granted);
  });
});
