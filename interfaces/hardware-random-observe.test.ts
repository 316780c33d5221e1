import { describe, expect, it } from "vitest";
import { type InterfaceModule } from "../src/iface/index.js";
import { connectedContext, ruleLines, snippet, udevOf } from "./test-support.js";

/** A connection of app:x to the system snap's slot. */
const connect = (m: InterfaceModule) => connectedContext(m, {}, {}, { system: true });
const rules = (m: InterfaceModule) => ruleLines(snippet(m, "connectedPlug", connect(m)));
const udev = (m: InterfaceModule) => udevOf(m, "connectedPlug", connect(m));
const devRules = (m: InterfaceModule) => rules(m).filter((l) => l.startsWith("/dev/"));
import hardwareRandomObserve from "./hardware-random-observe.js";

describe("hardware-random-observe", () => {
  it("reads /dev/hwrng and the rng settings, writes nothing", () => {
    expect(devRules(hardwareRandomObserve)).toEqual(["/dev/hwrng r,"]);
    for (const l of rules(hardwareRandomObserve)) expect(l).toMatch(/ r,$/);
    expect(udev(hardwareRandomObserve)).toEqual(['KERNEL=="hwrng"']);
  });
});
