import { describe, expect, it } from "vitest";
import { connectedContext, permanentContext, ruleLines, seccompOf, snippet, udevOf } from "./test-support.js";
import m from "./x11.js";

const host = connectedContext(m, {}, {}, { system: true });
const app = connectedContext(m, {}, {});
const plug = ruleLines(snippet(m, "connectedPlug", host));
const slot = ruleLines(snippet(m, "permanentSlot", permanentContext(m)));

describe("x11", () => {
  it.each([
    ['unix (connect, receive, send) type=stream peer=(addr="@/tmp/.X11-unix/X[0-9]*"),', true],
    ["/tmp/.X11-unix/* rw,", true],
    ["/dev/dri/** rw,", true],
    ["/usr/share/fonts/{,**} r,", true],
    ["owner /run/user/[0-9]*/mutter/Xauthority r,", true],
    ["network netlink raw,", true],
    ["deny owner @{HOME}/.ICEauthority r,", true],
    ['deny unix (connect, receive, send) type=stream peer=(addr="@/tmp/.ICE-unix/[0-9]*"),', true],
  ])("plug %s granted: %s", (rule, granted) => {
    expect(plug.includes(rule)).toBe(granted);
  });
  it("has snapd's client system calls (and System V shm)", () => {
    expect(ruleLines(seccompOf(m, "connectedPlug", host))).toEqual(["socket AF_NETLINK - NETLINK_KOBJECT_UEVENT", "bind", "shmget", "shmat", "shmdt", "shmctl"]);
  });
  it("lets a server snap accept its client on the display sockets only", () => {
    expect(ruleLines(snippet(m, "connectedSlot", app))).toEqual([
      'unix (connect, receive, send, accept) type=stream addr="@/tmp/.X11-unix/X[0-9]*" peer=(label="snap.app.app"),',
      'unix (connect, receive, send, accept) type=stream addr="@/tmp/.ICE-unix/[0-9]*" peer=(label="snap.app.app"),',
    ]);
  });
  it.each([
    ['unix (bind, listen, accept) type=dgram addr="@nvidia[0-9a-f]*",', true],
    ["/sys/devices/pci**/resources r,", true],
    ["capability sys_admin,", true],
    // Broader than snapd: gone.
    ["/etc/X11/** r,", false],
    ["/dev/dri/card[0-9]* rw,", false],
  ])("permanent slot %s granted: %s", (rule, granted) => {
    expect(slot.includes(rule)).toBe(granted);
  });
  it("tags ttys and input devices", () => {
    expect(udevOf(m, "permanentSlot", permanentContext(m))).toEqual(['KERNEL=="tty[0-9]*"', 'KERNEL=="mice"', 'KERNEL=="mouse[0-9]*"', 'KERNEL=="event[0-9]*"', 'KERNEL=="ts[0-9]*"']);
  });
});
