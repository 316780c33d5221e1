import { describe, expect, it } from "vitest";
import { type InterfaceModule } from "../src/iface/index.js";
import { safeUdevMatch } from "../src/backends/validate.js";
import { connectedContext, ruleLines, snippet, udevOf } from "./test-support.js";

/** A connection of app:x to the system snap's slot. */
const connect = (m: InterfaceModule) => connectedContext(m, {}, {}, { system: true });
const rules = (m: InterfaceModule) => ruleLines(snippet(m, "connectedPlug", connect(m)));
const udev = (m: InterfaceModule) => udevOf(m, "connectedPlug", connect(m));
const devRules = (m: InterfaceModule) => rules(m).filter((l) => l.startsWith("/dev/"));
import alsa from "./alsa.js";

describe("alsa", () => {
  it("grants the sound device nodes and tags exactly the ALSA devices", () => {
    expect(devRules(alsa)).toEqual(["/dev/snd/ r,", "/dev/snd/* rw,"]);
    expect(udev(alsa)).toEqual([
      'KERNEL=="controlC[0-9]*"',
      'KERNEL=="hwC[0-9]*D[0-9]*"',
      'KERNEL=="pcmC[0-9]*D[0-9]*[cp]"',
      'KERNEL=="midiC[0-9]*D[0-9]*"',
      'SUBSYSTEM=="sound", KERNEL=="timer"',
      'SUBSYSTEM=="sound", KERNEL=="seq"',
      'SUBSYSTEM=="sound", KERNEL=="card[0-9]*"',
    ]);
    for (const u of udev(alsa)) expect(safeUdevMatch(u, "alsa")).toBe(u);
  });
});
