import { describe, expect, it } from "vitest";
import { type InterfaceModule } from "../src/iface/index.js";
import { connectedContext, ruleLines, snippet, udevOf } from "./test-support.js";

/** A connection of app:x to the system snap's slot. */
const connect = (m: InterfaceModule) => connectedContext(m, {}, {}, { system: true });
const rules = (m: InterfaceModule) => ruleLines(snippet(m, "connectedPlug", connect(m)));
const udev = (m: InterfaceModule) => udevOf(m, "connectedPlug", connect(m));
const devRules = (m: InterfaceModule) => rules(m).filter((l) => l.startsWith("/dev/"));
import gpioMemoryControl from "./gpio-memory-control.js";

describe("gpio-memory-control", () => {
  it("grants and tags only /dev/gpiomem", () => {
    // Read and write, as snapd grants; not "m" (executable mappings).
    expect(rules(gpioMemoryControl)).toEqual(["/dev/gpiomem rw,"]);
    expect(udev(gpioMemoryControl)).toEqual(['KERNEL=="gpiomem"']);
  });
});
