import { describe, expect, it } from "vitest";
import { type InterfaceModule } from "../src/iface/index.js";
import { connectedContext, ruleLines, snippet, udevOf } from "./test-support.js";

/** A connection of app:x to the system snap's slot. */
const connect = (m: InterfaceModule) => connectedContext(m, {}, {}, { system: true });
const rules = (m: InterfaceModule) => ruleLines(snippet(m, "connectedPlug", connect(m)));
const udev = (m: InterfaceModule) => udevOf(m, "connectedPlug", connect(m));
const devRules = (m: InterfaceModule) => rules(m).filter((l) => l.startsWith("/dev/"));
import hardwareRandomControl from "./hardware-random-control.js";

describe("hardware-random-control", () => {
  it("adds choosing the current source to what observe grants", () => {
    expect(devRules(hardwareRandomControl)).toEqual(["/dev/hwrng r,", "/dev/random w,"]);
    expect(rules(hardwareRandomControl).filter((l) => / r?w,$/.test(l))).toEqual(["/sys/devices/virtual/misc/hw_random/rng_current w,", "/dev/random w,"]);
    expect(udev(hardwareRandomControl)).toEqual(['KERNEL=="hwrng"']);
  });
});
