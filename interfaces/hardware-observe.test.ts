import { describe, expect, it } from "vitest";
import hardwareObserve from "./hardware-observe.js";
import { connectedContext, ruleLines, seccompOf, snippet, udevOf } from "./test-support.js";

const m = hardwareObserve;
const ctx = connectedContext(m, {}, {}, { system: true });
const rules = ruleLines(snippet(m, "connectedPlug", ctx));

describe("hardware-observe", () => {
  it.each([
    "capability sys_rawio,",
    "capability sys_admin,",
    "/sys/{block,bus,class,devices,firmware}/{,**} r,",
    "@{PROC}/ioports r,",
    "/sys/power/{,**} r,",
    "/etc/sensors.d/{,*} r,",
    "/{,usr/}bin/lsmem ixr,",
    "/var/lib/usbutils/usb.ids r,",
    "@{PROC}/device-tree/{,**} r,",
    "/{,usr/}bin/systemd-detect-virt ixr,",
    "@{PROC}/1/sched r,",
  ])("grants %s, as snapd does (the VM row reads /proc/ioports and lists /sys/bus)", (rule) => {
    expect(rules).toContain(rule);
  });

  it.each(["/{,usr/}bin/{lspci,lsusb,lscpu,lshw,lsblk,udevadm} ixr,", "/sys/module/ r,", "/usr/share/{hwdata,misc}/{pci,usb}.ids r,", "/sys/firmware/acpi/tables/ r,"])(
    "does not grant %s, which snapd's hardware-observe does not",
    (rule) => {
      expect(rules).not.toContain(rule);
    },
  );

  it("reads only, apart from what tools need to run", () => {
    for (const l of rules.filter((x) => x.startsWith("/") || x.startsWith("@{PROC}"))) expect(l, l).toMatch(/ (r|ixr),$/);
  });

  it("allows iopl, generic and uevent netlink sockets, and bind", () => {
    expect(ruleLines(seccompOf(m, "connectedPlug", ctx))).toEqual(["iopl", "socket AF_NETLINK - NETLINK_GENERIC", "socket AF_NETLINK - NETLINK_KOBJECT_UEVENT", "bind"]);
    expect(udevOf(m, "connectedPlug", ctx)).toEqual([]);
  });
});
