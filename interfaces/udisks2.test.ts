import { describe, expect, it } from "vitest";
import { connectedContext, permanentContext, ruleLines, seccompOf, snippet, udevOf } from "./test-support.js";
import m from "./udisks2.js";

const slot = ruleLines(snippet(m, "permanentSlot", permanentContext(m)));

describe("udisks2", () => {
  it("talks to the host's service as unconfined, and to a snap's by label", () => {
    const host = ruleLines(snippet(m, "connectedPlug", connectedContext(m, {}, {}, { system: true })));
    expect(host).toContain('dbus (receive, send) bus=system path=/org/freedesktop/UDisks2/** interface=org.freedesktop.UDisks2.* peer=(label="unconfined"),');
    const app = ruleLines(snippet(m, "connectedPlug", connectedContext(m, {}, {})));
    expect(app).toContain('dbus (send) bus=system path=/org/freedesktop/UDisks2 interface=org.freedesktop.DBus.Peer member=Ping peer=(label="snap.provider.*"),');
    // Broader than snapd: reading the media directly.
    expect(app).not.toContain("/run/media/ r,");
  });
  it.each([
    ["mount /dev/{dm-*,nvme*,vd*,hd*,sd*,mmcblk*,fd*,sr*} -> /{,run/}media/**,", true],
    ["/run/mount/utab* wrlk,", true],
    ["/run/cryptsetup/{,**} rwk,", true],
    ["/{usr/,}{sbin,bin}/dumpe2fs ixr,", true],
    ["/dev/{dm-*,nvme*,vd*,hd*,sd*,mmcblk*,fd*,sr*} r,", true],
    // Broader than snapd: gone.
    ["/dev/loop-control rw,", false],
    ["/sys/devices/** r,", false],
    ["capability dac_override,", false],
  ])("permanent slot %s granted: %s", (rule, granted) => {
    expect(slot.includes(rule)).toBe(granted);
  });
  it("has snapd's service system calls and tags, unless a udev file is given", () => {
    expect(ruleLines(seccompOf(m, "permanentSlot", permanentContext(m)))).toContain("fchownat");
    expect(udevOf(m, "permanentSlot", permanentContext(m))).toEqual(['SUBSYSTEM=="block"', 'SUBSYSTEM=="usb"']);
    expect(udevOf(m, "permanentSlot", permanentContext(m, { "udev-file": "meta/udisks.rules" }))).toEqual([]);
  });
});
