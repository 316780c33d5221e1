import { describe, expect, it } from "vitest";
import fwupd from "./fwupd.js";
import { connectedContext, permanentContext, ruleLines, seccompOf, snippet, udevOf } from "./test-support.js";

const m = fwupd;
const host = ruleLines(snippet(m, "connectedPlug", connectedContext(m, {}, {}, { system: true })));
const toSnap = connectedContext(m, {}, {}, { slotSnap: "fwupd" });
const perm = permanentContext(m, {}, "fwupd");
const daemon = ruleLines(snippet(m, "permanentSlot", perm));

describe("fwupd", () => {
  it.each([
    "@{etc_ro}/resolv.conf r,",
    "/etc/ca-certificates/{,**} r,",
    "dbus (receive, send) bus=system path=/ interface=org.freedesktop.fwupd peer=(label=unconfined),",
    "dbus (send) bus=system path=/ interface=org.freedesktop.DBus.Introspectable member=Introspect peer=(label=unconfined),",
    'dbus (send) bus=system path=/org/freedesktop/systemd1 interface=org.freedesktop.systemd1.Manager member="GetDefaultTarget" peer=(label=unconfined),',
    "owner @{PROC}/@{pid}/mountinfo r,",
  ])("a client gets %s", (rule) => {
    expect(host).toContain(rule);
  });

  it("a client no longer calls by name whatever answers to org.freedesktop.fwupd", () => {
    expect(host).not.toContain("dbus (send) bus=system path=/ interface=org.freedesktop.fwupd peer=(name=org.freedesktop.fwupd),");
  });

  it("a snap's service serves the client on its objects; the host's gets nothing added", () => {
    expect(ruleLines(snippet(m, "connectedSlot", toSnap))).toContain('dbus (receive, send) bus=system path=/org/freedesktop/fwupd{,/**} interface=org.freedesktop.fwupd peer=(label="snap.app.app"),');
    expect(ruleLines(snippet(m, "connectedSlot", connectedContext(m, {}, {}, { system: true })))).toEqual([]);
  });

  it.each([
    "capability net_admin,",
    "capability dac_override,",
    "/dev/tpm* rw,",
    "/dev/mei[0-9]* rw,",
    "/boot/efi/EFI/fwupd/** rw,",
    "/sys/devices/**/psp_vbflash rw,",
    "/run/reboot-required* rw,",
    'dbus (bind) bus=system name="org.freedesktop.fwupd",',
    "dbus (send) bus=system path=/org/freedesktop/login1 interface=org.freedesktop.login1.Manager member={Inhibit,Reboot} peer=(label=unconfined),",
  ])("the service's slot grants %s", (rule) => {
    expect(daemon).toContain(rule);
  });

  it("the service's slot reads only the DMI fields snapd names", () => {
    expect(daemon).not.toContain("/sys/devices/virtual/dmi/id/{bios_*,board_*,chassis_*,product_*,sys_vendor} r,");
  });

  it("system calls and device tags are snapd's", () => {
    expect(ruleLines(seccompOf(m, "permanentSlot", perm))).toEqual(["bind", "socket AF_NETLINK - NETLINK_KOBJECT_UEVENT"]);
    expect(ruleLines(seccompOf(m, "connectedPlug", toSnap))).toEqual(["bind", "socket AF_INET", "socket AF_INET6"]);
    const udev = udevOf(m, "permanentSlot", perm);
    expect(udev).toHaveLength(13);
    expect(udev).toContain('SUBSYSTEM=="usb", ENV{DEVTYPE}=="usb_device"');
  });
});
