import { describe, expect, it } from "vitest";
import hardwareRandomObserve from "./hardware-random-observe.js";
import { connectedContext, ruleLines, snippet, udevOf } from "./test-support.js";

const m = hardwareRandomObserve;
const ctx = connectedContext(m, {}, {}, { system: true });
const rules = ruleLines(snippet(m, "connectedPlug", ctx));

describe("hardware-random-observe", () => {
  it("grants exactly snapd's read-only rules", () => {
    expect(rules).toEqual([
      "/dev/hwrng r,",
      "/run/udev/data/c10:183 r,",
      "/sys/devices/virtual/misc/ r,",
      "/sys/devices/virtual/misc/hw_random/rng_{available,current} r,",
    ]);
  });

  it.each([
    "/sys/class/misc/ r,",
    "/sys/class/misc/hw_random r,",
    "/sys/devices/virtual/misc/hw_random/ r,",
    "/sys/devices/virtual/misc/hw_random/{rng_available,rng_current,rng_selected,rng_quality,dev,uevent} r,",
  ])("does not grant %s, which snapd does not", (rule) => {
    expect(rules).not.toContain(rule);
  });

  it("tags the misc device by its kernel name, hw_random", () => {
    expect(udevOf(m, "connectedPlug", ctx)).toEqual(['KERNEL=="hw_random"']);
  });
});
