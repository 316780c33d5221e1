import { describe, expect, it } from "vitest";
import { safeUdevMatch } from "../src/backends/validate.js";
import type { InterfaceModule } from "../src/iface/index.js";
import { connectedContext, ruleLines, seccompOf, snippet, udevOf } from "./test-support.js";
import remoteproc from "./remoteproc.js";

/** A connection of app:x to the system snap's slot. */
const ctx = connectedContext(remoteproc, {}, {}, { system: true });

describe("remoteproc", () => {
  it.each<[string, () => readonly string[], readonly string[]]>([
    ["AppArmor", () => ruleLines(snippet(remoteproc, "connectedPlug", ctx)), ["/sys/devices/platform/**/remoteproc/remoteproc[0-9]/firmware rw,", "/sys/devices/platform/**/remoteproc/remoteproc[0-9]/state rw,", "/sys/devices/platform/**/remoteproc/remoteproc[0-9]/name r,", "/sys/devices/platform/**/remoteproc/remoteproc[0-9]/coredump rw,", "/sys/devices/platform/**/remoteproc/remoteproc[0-9]/recovery rw,"]],
    ["udev", () => udevOf(remoteproc, "connectedPlug", ctx), []],
    ["seccomp", () => ruleLines(seccompOf(remoteproc, "connectedPlug", ctx)), []],
  ])("grants the remote processors' sysfs controls (%s)", (_l, actual, expected) => {
    expect(actual()).toEqual(expected);
  });

  it("writes only udev matches the backend accepts, and nothing for the slot side", () => {
    for (const u of udevOf(remoteproc, "connectedPlug", ctx)) expect(safeUdevMatch(u, "t")).toBe(u);
    const m: InterfaceModule = remoteproc;
    expect(m.connectedSlot).toBeUndefined();
    expect(m.permanentSlot).toBeUndefined();
  });
});
