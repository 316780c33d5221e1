import { describe, expect, it } from "vitest";
import hardwareRandomControl from "./hardware-random-control.js";
import { connectedContext, ruleLines, snippet, udevOf } from "./test-support.js";

const m = hardwareRandomControl;
const ctx = connectedContext(m, {}, {}, { system: true });
const rules = ruleLines(snippet(m, "connectedPlug", ctx));

describe("hardware-random-control", () => {
  it.each([
    "/dev/hwrng rw,",
    "/run/udev/data/c10:183 r,",
    "/sys/devices/virtual/misc/ r,",
    "/sys/devices/virtual/misc/hw_random/rng_{available,current} r,",
    "/sys/devices/virtual/misc/hw_random/rng_current w,",
  ])("grants %s, as snapd does", (rule) => {
    expect(rules).toContain(rule);
  });

  it.each(["/dev/hwrng r,", "/dev/random w,", "/sys/class/misc/ r,", "/sys/class/misc/hw_random r,"])("does not grant %s", (rule) => {
    expect(rules).not.toContain(rule);
  });

  it("has nothing else, and tags the hw_random device", () => {
    expect(rules).toHaveLength(5);
    expect(udevOf(m, "connectedPlug", ctx)).toEqual(['KERNEL=="hw_random"']);
  });
});
