import { describe, expect, it } from "vitest";
import { safeUdevMatch } from "../src/backends/validate.js";
import alsa from "./alsa.js";
import { connectedContext, ruleLines, snippet, udevOf } from "./test-support.js";

const ctx = connectedContext(alsa, {}, {}, { system: true });
const rules = ruleLines(snippet(alsa, "connectedPlug", ctx));
const udev = udevOf(alsa, "connectedPlug", ctx);

describe("alsa", () => {
  it("grants exactly snapd's rules (the VM row opens /dev/snd/controlC0)", () => {
    expect(rules).toEqual([
      "/dev/snd/ r,",
      "/dev/snd/* rw,",
      "/run/udev/data/c116:[0-9]* r,",
      "/run/udev/data/+sound:card[0-9]* r,",
      "/var/lib/alsa/{,*} r,",
      "@{PROC}/asound/ r,",
      "@{PROC}/asound/** rw,",
    ]);
  });

  it.each(["/sys/class/sound/ r,", "/sys/devices/**/sound/** r,", "/etc/asound.conf r,", "/usr/share/alsa/** r,", "owner @{HOME}/.asoundrc r,"])(
    "does not grant %s, which snapd's alsa does not",
    (rule) => {
      expect(rules).not.toContain(rule);
    },
  );

  it("tags snapd's ALSA devices (timer and seq by kernel name alone)", () => {
    expect(udev).toEqual([
      'KERNEL=="controlC[0-9]*"',
      'KERNEL=="hwC[0-9]*D[0-9]*"',
      'KERNEL=="pcmC[0-9]*D[0-9]*[cp]"',
      'KERNEL=="midiC[0-9]*D[0-9]*"',
      'KERNEL=="timer"',
      'KERNEL=="seq"',
      'SUBSYSTEM=="sound", KERNEL=="card[0-9]*"',
    ]);
    for (const u of udev) expect(safeUdevMatch(u, "alsa")).toBe(u);
  });
});
