import { describe, expect, it } from "vitest";
import { connectedContext, permanentContext, ruleLines, snippet, udevOf } from "./test-support.js";
import m from "./wayland.js";

// A compositor snap's slot as on core (on classic see "by device mode" below).
const app = connectedContext(m, {}, {}, { mode: "core" });
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

describe("wayland by device mode", () => {
  // snapd gives the client the EGLStream socket rule towards a compositor
  // snap on core only; the compositor's own counterpart is there in both.
  const EGL_PLUG = 'unix (connect, send, receive) type=stream peer=(label="snap.provider.*"),';
  const EGL_SLOT = 'unix (accept, send, receive) type=stream peer=(label="snap.app.app"),';
  const on = (mode: "classic" | "core", role: "connectedPlug" | "connectedSlot") => ruleLines(snippet(m, role, connectedContext(m, {}, {}, { mode })));
  it.each([
    ["classic", "connectedPlug", EGL_PLUG, false],
    ["core", "connectedPlug", EGL_PLUG, true],
    ["classic", "connectedPlug", "owner /run/user/[0-9]*/wayland-[0-9]* rw,", true],
    ["classic", "connectedSlot", EGL_SLOT, true],
    ["core", "connectedSlot", EGL_SLOT, true],
  ] as const)("on %s, %s has %s: %s", (mode, role, rule, granted) => {
    expect(on(mode, role).includes(rule)).toBe(granted);
  });
});
