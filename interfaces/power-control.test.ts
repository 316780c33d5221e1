import { describe, expect, it } from "vitest";
import { connectedContext, ruleLines, snippet } from "./test-support.js";
import m from "./power-control.js";

const rules = ruleLines(snippet(m, "connectedPlug", connectedContext(m, {}, {}, { system: true })));

describe("power-control", () => {
  it.each([
    ["/sys/devices/**/power/{,*} r,", true],
    ["/sys/devices/**/power/control w,", true],
    ["/sys/module/lpm_levels/parameters/sleep_disabled rw,", true],
    ["/sys/devices/**/power_supply/BAT[0-9]*/charge_control_end_threshold rw,", true],
    ["/sys/devices/**/power_supply/AC/online r,", true],
    // Broader than snapd: gone.
    ["/sys/power/{wake_lock,wake_unlock} rw,", false],
    ["/sys/devices/**/power/{control,wakeup,autosuspend_delay_ms} rw,", false],
  ])("%s granted: %s", (rule, granted) => {
    expect(rules.includes(rule)).toBe(granted);
  });
  it("never writes the system's sleep state", () => {
    expect(rules.some((l) => l.startsWith("/sys/power/"))).toBe(false);
  });
});
