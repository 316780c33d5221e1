import { describe, expect, it } from "vitest";
import { snippetText, type InterfaceModule } from "../src/iface/index.js";
import { connectedContext, ruleLines, snippet, udevOf } from "./test-support.js";

/** A connection of app:x to the system snap's slot. */
const connect = (m: InterfaceModule) => connectedContext(m, {}, {}, { system: true });
const rules = (m: InterfaceModule) => ruleLines(snippet(m, "connectedPlug", connect(m)));
const udev = (m: InterfaceModule) => udevOf(m, "connectedPlug", connect(m));
const devRules = (m: InterfaceModule) => rules(m).filter((l) => l.startsWith("/dev/"));
import dmCrypt from "./dm-crypt.js";

describe("dm-crypt", () => {
  it("grants the device-mapper control node and tags device-mapper devices", () => {
    expect(devRules(dmCrypt)).toContain("/dev/mapper/control rw,");
    expect(devRules(dmCrypt)).toContain("/dev/dm-[0-9]* rwk,");
    expect(udev(dmCrypt)).toEqual(['KERNEL=="device-mapper"', 'KERNEL=="dm-[0-9]*"']);
    expect(snippetText(dmCrypt.connectedPlug!.seccomp, connect(dmCrypt))).toMatch(/^socket AF_ALG$/m);
  });
});
