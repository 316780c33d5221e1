import { describe, expect, it } from "vitest";
import { type InterfaceModule } from "../src/iface/index.js";
import { connectedContext, ruleLines, snippet, udevOf } from "./test-support.js";

/** A connection of app:x to the system snap's slot. */
const connect = (m: InterfaceModule) => connectedContext(m, {}, {}, { system: true });
const rules = (m: InterfaceModule) => ruleLines(snippet(m, "connectedPlug", connect(m)));
const udev = (m: InterfaceModule) => udevOf(m, "connectedPlug", connect(m));
const devRules = (m: InterfaceModule) => rules(m).filter((l) => l.startsWith("/dev/"));
import dvb from "./dvb.js";

describe("dvb", () => {
  it("grants and tags only the DVB adapters", () => {
    expect(devRules(dvb)).toEqual(["/dev/dvb/ r,", "/dev/dvb/adapter[0-9]*/ r,", "/dev/dvb/adapter[0-9]*/* rw,"]);
    expect(udev(dvb)).toEqual(['SUBSYSTEM=="dvb"']);
  });
});
