import { describe, expect, it } from "vitest";
import { connectedContext, permanentContext, ruleLines, snippet, udevOf } from "./test-support.js";
import m from "./wayland.js";

const app = connectedContext(m, {}, {});
const host = connectedContext(m, {}, {}, { system: true });
const slot = ruleLines(snippet(m, "permanentSlot", permanentContext(m)));

describe("wayland", () => {
  it("connects to the host compositor's socket, and to a compositor snap's", () => {
    expect(ruleLines(snippet(m, "connectedPlug", host))).toEqual(["owner /run/user/[0-9]*/wayland-[0-9]* rw,", "/etc/drirc r,"]);
    expect(ruleLines(snippet(m, "connectedPlug", app))).toContain('unix (connect, send, receive) type=stream peer=(label="snap.provider.*"),');
  });
  it("lets the compositor read the client's shared-memory files", () => {
    const s = ruleLines(snippet(m, "connectedSlot", app));
    expect(s).toContain("owner /run/user/[0-9]*/snap.app/{mesa,mutter,sdl,wayland-cursor,weston,xwayland}-shared-* rw,");
    expect(s).toContain("owner /{dev,run}/shm/snap.app.wayland.mozilla.ipc.[0-9]* rw,");
  });
  it.each([
    ["capability sys_admin,", true],
    ["/dev/input/* rw,", true],
    ["/run/user/[0-9]*/snap.*/{wayland-cursor,xwayland}-shared-* rw,", true],
    ["/run/udev/data/+platform:* r,", true],
    // Not in snapd's: DRM nodes (opengl grants them), xkb data.
    ["/dev/dri/card[0-9]* rw,", false],
    ["/usr/share/X11/xkb/** r,", false],
  ])("permanent slot %s granted: %s", (rule, granted) => {
    expect(slot.includes(rule)).toBe(granted);
  });
  it("tags ttys and input devices", () => {
    expect(udevOf(m, "permanentSlot", permanentContext(m))).toEqual(['KERNEL=="tty[0-9]*"', 'KERNEL=="mice"', 'KERNEL=="mouse[0-9]*"', 'KERNEL=="event[0-9]*"', 'KERNEL=="ts[0-9]*"']);
  });
});
