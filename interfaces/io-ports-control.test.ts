import { describe, expect, it } from "vitest";
import { snippetText, type InterfaceModule } from "../src/iface/index.js";
import { connectedContext, ruleLines, snippet, udevOf } from "./test-support.js";

/** A connection of app:x to the system snap's slot. */
const connect = (m: InterfaceModule) => connectedContext(m, {}, {}, { system: true });
const rules = (m: InterfaceModule) => ruleLines(snippet(m, "connectedPlug", connect(m)));
const udev = (m: InterfaceModule) => udevOf(m, "connectedPlug", connect(m));
const devRules = (m: InterfaceModule) => rules(m).filter((l) => l.startsWith("/dev/"));
import ioPortsControl from "./io-ports-control.js";

describe("io-ports-control", () => {
  it("grants /dev/port, CAP_SYS_RAWIO and ioperm/iopl, and tags /dev/port", () => {
    expect(devRules(ioPortsControl)).toEqual(["/dev/port rw,"]);
    expect(rules(ioPortsControl)).toContain("capability sys_rawio,");
    expect(snippetText(ioPortsControl.connectedPlug!.seccomp, connect(ioPortsControl)).trim().split("\n")).toEqual(["ioperm", "iopl"]);
    expect(udev(ioPortsControl)).toEqual(['KERNEL=="port"']);
  });
});
