import { describe, expect, it } from "vitest";
import dvb from "./dvb.js";
import { connectedContext, ruleLines, snippet, udevOf } from "./test-support.js";

const ctx = connectedContext(dvb, {}, {}, { system: true });

describe("dvb", () => {
  it("grants exactly snapd's rules and tags the DVB devices", () => {
    expect(ruleLines(snippet(dvb, "connectedPlug", ctx))).toEqual(["/dev/dvb/adapter[0-9]*/* rw,", "/run/udev/data/c212:[0-9]* r,"]);
    expect(udevOf(dvb, "connectedPlug", ctx)).toEqual(['SUBSYSTEM=="dvb"']);
  });

  it.each(["/dev/dvb/ r,", "/dev/dvb/adapter[0-9]*/ r,", "/sys/class/dvb/ r,", "/sys/devices/**/dvb/** r,"])("does not grant %s", (rule) => {
    expect(ruleLines(snippet(dvb, "connectedPlug", ctx))).not.toContain(rule);
  });
});
