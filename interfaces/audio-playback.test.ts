import { describe, expect, it } from "vitest";
import type { InterfaceModule } from "../src/iface/index.js";
import audioPlayback from "./audio-playback.js";
import audioRecord from "./audio-record.js";
import { connectedContext, permanentContext, ruleLines, seccompOf, snippet, udevOf } from "./test-support.js";

const m: InterfaceModule = audioPlayback;
const toHost = connectedContext(m, {}, {}, { system: true });
const toSnap = connectedContext(m, {}, {}, { slotSnap: "pw" });
const hostClient = ruleLines(snippet(m, "connectedPlug", toHost));
const snapClient = ruleLines(snippet(m, "connectedPlug", toSnap));
const perm = permanentContext(m, {}, "pw");
const server = ruleLines(snippet(m, "permanentSlot", perm));

describe("audio-playback", () => {
  it.each([
    "/{run,dev}/shm/pulse-shm-* mrwk,",
    "owner /{,var/}run/pulse/native rwk,",
    "owner /{,var/}run/user/[0-9]*/pulse/ r,",
    "/run/udev/data/+sound:card[0-9]* r,",
    "owner @{HOME}/.config/pulse/cookie rk,",
    "owner /{,var/}run/user/*/pulse/native rwk,",
    "/etc/pulse/** r,",
  ])("a client of the host's server gets %s", (rule) => {
    expect(hostClient).toContain(rule);
  });

  it.each([
    "owner /run/user/[0-9]*/snap.pw/pulse/native rwk,",
    "owner /var/snap/pw/common/pulse/ r,",
    "owner /var/snap/pw/common/pulse/native rwk,",
  ])("a client of a snap's server gets %s", (rule) => {
    expect(snapClient).toContain(rule);
    expect(hostClient).not.toContain(rule);
  });

  it.each(["/run/pulse/native rw,", "/etc/pulse/client.conf r,", "owner /{dev,run}/shm/pulse-shm-* mrwk,"])("a client does not get %s", (rule) => {
    expect(hostClient).not.toContain(rule);
  });

  it("a client may control shared memory segments", () => {
    expect(ruleLines(seccompOf(m, "connectedPlug", toHost))).toEqual(["shmctl"]);
  });

  it("the connected slot adds nothing (the socket's file rules decide)", () => {
    expect(m.connectedSlot).toBeUndefined();
  });

  it.each([
    "capability setuid,",
    "capability setgid,",
    "owner @{PROC}/@{pid}/exe r,",
    "network netlink raw,",
    "/sys/devices/virtual/dmi/id/sys_vendor r,",
    "/sys/**/sound/** r,",
    "owner /{,var/}run/pulse/** rwk,",
    "owner /run/user/[0-9]*/pulse/** rw,",
  ])("the server's slot grants %s", (rule) => {
    expect(server).toContain(rule);
  });

  it.each(["/dev/snd/* rw,", "/usr/share/alsa/** r,", "/sys/class/sound/ r,"])("the server's slot does not grant %s (that is alsa's)", (rule) => {
    expect(server).not.toContain(rule);
  });

  it("the server's system calls and devices are snapd's", () => {
    expect(ruleLines(seccompOf(m, "permanentSlot", perm))).toEqual([
      "personality",
      "setpriority",
      "bind",
      "listen",
      "accept",
      "accept4",
      "shmctl",
      "setgroups",
      "setgroups32",
      "socket AF_NETLINK - NETLINK_KOBJECT_UEVENT",
    ]);
    expect(udevOf(m, "permanentSlot", perm)).toEqual(['KERNEL=="controlC[0-9]*"', 'KERNEL=="pcmC[0-9]*D[0-9]*[cp]"', 'KERNEL=="timer"']);
  });
});

describe("audio-record", () => {
  it("grants nothing itself, on any side", () => {
    const r: InterfaceModule = audioRecord;
    expect([r.connectedPlug, r.connectedSlot, r.permanentPlug, r.permanentSlot]).toEqual([undefined, undefined, undefined, undefined]);
  });
});

describe("audio-playback by device mode", () => {
  // The desktop's client configuration and the host's per-user server exist
  // on classic systems only, whichever snap provides the slot.
  it.each([
    ["classic", "/etc/pulse/** r,", true],
    ["classic", "owner @{HOME}/.config/pulse/cookie rk,", true],
    ["classic", "owner /{,var/}run/user/*/pulse/native rwk,", true],
    ["core", "/etc/pulse/** r,", false],
    ["core", "owner @{HOME}/.config/pulse/cookie rk,", false],
    ["core", "owner /{,var/}run/user/*/pulse/native rwk,", false],
    ["core", "owner /run/user/[0-9]*/snap.pw/pulse/native rwk,", true],
    ["core", "/{run,dev}/shm/pulse-shm-* mrwk,", true],
  ] as const)("on %s, a client of a snap's server has %s: %s", (mode, rule, granted) => {
    const rules = ruleLines(snippet(m, "connectedPlug", connectedContext(m, {}, {}, { slotSnap: "pw", mode })));
    expect(rules.includes(rule)).toBe(granted);
  });
});
