import { describe, expect, it } from "vitest";
import { connectedContext, permanentContext, ruleLines, seccompOf, snippet, udevOf } from "./test-support.js";
import m from "./pulseaudio.js";

const app = connectedContext(m, {}, {});
const system = connectedContext(m, {}, {}, { system: true });
const slot = ruleLines(snippet(m, "permanentSlot", permanentContext(m)));

describe("pulseaudio", () => {
  it("reaches a server snap's socket in its runtime directory, and the host's", () => {
    const a = ruleLines(snippet(m, "connectedPlug", app));
    expect(a).toContain("owner /run/user/[0-9]*/snap.provider/pulse/native rwk,");
    expect(a).toContain("owner /{,var/}run/user/*/pulse/native rwk,");
    const s = ruleLines(snippet(m, "connectedPlug", system));
    expect(s.some((l) => l.includes("snap.core"))).toBe(false);
    expect(s).toContain("/run/udev/data/c116:[0-9]* r,");
    expect(ruleLines(seccompOf(m, "connectedPlug", system))).toEqual(["shmctl"]);
  });
  it.each([
    ["capability setuid,", true],
    ["@{PROC}/asound/card** r,", true],
    ["/dev/snd/timer r,", true],
    ["/run/udev/data/** r,", true],
    // Broader than snapd: gone.
    ["/dev/snd/* rw,", false],
    ["dbus (bind) bus=system name=org.pulseaudio.Server,", false],
    ["owner /run/user/[0-9]*/pulse/** rwk,", false],
  ])("permanent slot %s granted: %s", (rule, granted) => {
    expect(slot.includes(rule)).toBe(granted);
  });
  it("serves with snapd's system calls and tags its sound devices", () => {
    const calls = ruleLines(seccompOf(m, "permanentSlot", permanentContext(m)));
    for (const c of ["personality", "setpriority", "setgroups", "shmctl", "accept4"]) expect(calls).toContain(c);
    expect(udevOf(m, "permanentSlot", permanentContext(m))).toEqual(['KERNEL=="controlC[0-9]*"', 'KERNEL=="pcmC[0-9]*D[0-9]*[cp]"', 'KERNEL=="timer"']);
  });
});

describe("pulseaudio by device mode", () => {
  // The host's client configuration and per-user server only exist on a
  // classic system; on core a client reaches the server snap's socket only.
  it.each([
    ["classic", "/etc/pulse/ r,", true],
    ["classic", "owner @{HOME}/.pulse-cookie rk,", true],
    ["classic", "owner /{,var/}run/user/*/pulse/pid r,", true],
    ["core", "/etc/pulse/ r,", false],
    ["core", "owner @{HOME}/.pulse-cookie rk,", false],
    ["core", "owner /{,var/}run/user/*/pulse/pid r,", false],
    ["core", "owner /run/user/[0-9]*/snap.provider/pulse/native rwk,", true],
    ["core", "owner /{,var/}run/pulse/native rwk,", true],
  ] as const)("on %s, a client of a server snap has %s: %s", (mode, rule, granted) => {
    const rules = ruleLines(snippet(m, "connectedPlug", connectedContext(m, {}, {}, { mode })));
    expect(rules.includes(rule)).toBe(granted);
  });
});
