import { describe, expect, it } from "vitest";
import { AttributeProblem, snippetText, type ConnectedContext, type InterfaceModule, type PermanentContext } from "../src/iface/index.js";
import { safeUdevMatch } from "../src/backends/validate.js";
import { parseSnapYaml, type AttrMap, type PlugInfo } from "../src/snap/index.js";
import mod from "./mpris.js";

const m: InterfaceModule = mod;

const endpoint = (snap: string, name: string, attrs: AttrMap): PlugInfo => ({ snap, name, interface: m.name, attrs, apps: ["one"], hooks: [] });
const snapInfo = (name: string) => parseSnapYaml(`name: ${name}\nversion: "1"\napps:\n  one:\n    command: bin/one\n`, { file: name });
const ctx = (plugAttrs: AttrMap = {}, slotAttrs: AttrMap = {}): ConnectedContext => ({
  plug: endpoint("c", "p", plugAttrs),
  slot: endpoint("s", "s", slotAttrs),
  plugSnap: snapInfo("c"),
  slotSnap: snapInfo("s"),
  plugRevision: "1",
  slotRevision: "2",
  plugLabel: "\"snap.c.one\"",
  slotLabel: "\"snap.s.one\"",
  slotIsSystem: false,
});
const permanent = (attrs: AttrMap = {}, mode?: "classic" | "core"): PermanentContext => ({ endpoint: endpoint("s", "s", attrs), snap: snapInfo("s"), revision: "2", ...(mode ? { mode } : {}) });
const lines = (text: string) => text.split("\n").map((l) => l.trim()).filter((l) => l && !l.startsWith("#"));
const udevOf = (c: ConnectedContext): readonly string[] => {
  const u = m.connectedPlug?.udev ?? [];
  return typeof u === "function" ? u(c) : u;
};
void AttributeProblem; void permanent; void lines; void udevOf; void safeUdevMatch; void snippetText;


describe("mpris", () => {
  it.each([
    [{ name: "" }, /not a D-Bus name element/],
    [{ name: "a.b" }, /not a D-Bus name element/],
    [{ name: "a b" }, /not a D-Bus name element/],
    [{ name: "x,*" }, /not a D-Bus name element/],
    [{ name: "{a,b}" }, /not a D-Bus name element/],
    [{ name: 5 }, /must be a string/],
    [{ name: "ok", bus: "system" }, /unknown attribute "bus"/],
  ])("slot refuses %j", (attrs, re) => {
    expect(() => m.sanitizeSlot!(endpoint("s", "s", attrs as AttrMap))).toThrow(AttributeProblem);
    expect(() => m.sanitizeSlot!(endpoint("s", "s", attrs as AttrMap))).toThrow(re);
  });
  it("owns exactly the player name, or the snap name when none is given", () => {
    const named = lines(snippetText(m.permanentSlot!.apparmor, permanent({ name: "vlc" })));
    expect(named.filter((l) => l.startsWith("dbus (bind)"))).toEqual(['dbus (bind) bus=session name="org.mpris.MediaPlayer2.vlc{,.*}",']);
    const plain = lines(snippetText(m.permanentSlot!.apparmor, permanent({})));
    expect(plain.filter((l) => l.startsWith("dbus (bind)"))).toEqual(['dbus (bind) bus=session name="org.mpris.MediaPlayer2.@{SNAP_INSTANCE_NAME}{,.*}",']);
    expect(() => snippetText(m.permanentSlot!.apparmor, permanent({ name: "a,b" }))).toThrow();
  });
  it("talks only to the connected peer on the session bus", () => {
    const plugSide = snippetText(m.connectedPlug!.apparmor, ctx());
    expect(plugSide).toContain("path=/org/mpris/MediaPlayer2 peer=(label=\"snap.s.one\")");
    expect(plugSide).not.toContain("bus=system");
    expect(snippetText(m.connectedSlot!.apparmor, ctx())).toContain("peer=(label=\"snap.c.one\")");
  });

  it.each([
    ["connectedPlug", 'dbus (send) bus=session path=/ interface=org.freedesktop.DBus member=ListNames peer=(name="org.freedesktop.DBus", label="{plasmashell,unconfined}"),', true],
    ["connectedPlug", 'unix (connect, receive, send) type=stream peer=(addr="@/tmp/dbus-*"),', true],
    ["connectedSlot", 'dbus (receive) bus=session interface=org.freedesktop.DBus.Introspectable peer=(label="snap.c.one"),', true],
    ["connectedSlot", 'dbus (send) bus=session path=/org/mpris/MediaPlayer2 interface=org.freedesktop.DBus.Properties member=PropertiesChanged peer=(label="snap.c.one"),', true],
    // Broader than snapd: gone.
    ["connectedSlot", 'dbus (send) bus=session path=/org/mpris/MediaPlayer2 peer=(label="snap.c.one"),', false],
    ["connectedPlug", 'dbus (receive) bus=session path=/org/mpris/MediaPlayer2 interface=org.mpris.MediaPlayer2.Player member=Seeked peer=(label="snap.s.one"),', false],
  ] as const)("%s: %s granted: %s", (role, rule, granted) => {
    expect(lines(snippetText(m[role]!.apparmor, ctx())).includes(rule)).toBe(granted);
  });
  it("lets the player call itself and the desktop drive it", () => {
    const l = lines(snippetText(m.permanentSlot!.apparmor, permanent({})));
    expect(l).toContain("dbus (receive) bus=session path=/org/mpris/MediaPlayer2 peer=(label=@{profile_name}),");
    expect(l).toContain('dbus (receive) bus=session path=/org/mpris/MediaPlayer2 peer=(label="{plasmashell,unconfined}"),');
    expect(l).not.toContain("dbus (send) bus=session path=/org/mpris/MediaPlayer2 peer=(label=unconfined),");
  });
});

describe("mpris by device mode", () => {
  // The desktop's media controls exist on a classic system only; on core a
  // player is driven by connected snaps alone. No mode at all is classic.
  it.each([
    [undefined, 'dbus (receive) bus=session path=/org/mpris/MediaPlayer2 peer=(label="{plasmashell,unconfined}"),', true],
    ["classic", 'dbus (receive) bus=session path=/org/mpris/MediaPlayer2 peer=(label="{plasmashell,unconfined}"),', true],
    ["classic", 'dbus (receive) bus=session interface=org.freedesktop.DBus.Introspectable peer=(label="{plasmashell,unconfined}"),', true],
    ["core", 'dbus (receive) bus=session path=/org/mpris/MediaPlayer2 peer=(label="{plasmashell,unconfined}"),', false],
    ["core", 'dbus (receive) bus=session interface=org.freedesktop.DBus.Introspectable peer=(label="{plasmashell,unconfined}"),', false],
    ["core", "dbus (receive) bus=session path=/org/mpris/MediaPlayer2 peer=(label=@{profile_name}),", true],
  ] as const)("on %s, the player has %s: %s", (mode, rule, granted) => {
    expect(lines(snippetText(m.permanentSlot!.apparmor, permanent({}, mode))).includes(rule)).toBe(granted);
  });
});
