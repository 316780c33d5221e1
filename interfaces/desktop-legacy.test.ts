import { describe, expect, it } from "vitest";
import desktopLegacy, { ownDesktopFiles } from "./desktop-legacy.js";
import { bareSnap, connectedContext, plugInfo, ruleLines, seccompOf, snippet } from "./test-support.js";

const m = desktopLegacy;
const ctx = connectedContext(m, {}, {}, { system: true });
const rules = ruleLines(snippet(m, "connectedPlug", ctx));

describe("desktop-legacy", () => {
  it.each([
    "dbus (send) bus=accessibility path=/org/freedesktop/DBus interface=org.freedesktop.DBus member={Hello,AddMatch,RemoveMatch,GetNameOwner,NameHasOwner,StartServiceByName} peer=(name=org.freedesktop.DBus),",
    "owner /{,var/}run/user/[0-9]*/speech-dispatcher/speechd.sock rw,",
    "dbus (receive) bus=accessibility peer=(label=unconfined),",
    'unix (connect, receive, send) type=stream peer=(addr="@tmp/.mozc.*"),',
    "owner @{HOME}/.cache/ibus/dbus-* rw,",
    "dbus (receive) bus=fcitx peer=(label=unconfined),",
    "deny /var/lib/snapd/desktop/applications/mimeinfo.cache r,",
    "dbus (bind) bus=session name=org.kde.StatusNotifierItem-[0-9]*,",
    "/var/lib/snapd/desktop/applications/app_*.desktop r,",
  ])("grants %s, as snapd does", (rule) => {
    expect(rules).toContain(rule);
  });

  it.each([
    "dbus (send, receive) bus=accessibility path=/org/a11y/atspi/** peer=(label=unconfined),",
    "dbus (send, receive) bus=session path=/org/freedesktop/IBus{,/**} peer=(label=unconfined),",
    "owner @{HOME}/.local/share/recently-used.xbel{,.*} rw,",
    "owner @{HOME}/.config/Trolltech.conf rk,",
    "dbus (send, receive) bus=session path=/{StatusNotifierItem,org/ayatana/NotificationItem/*,MenuBar} peer=(label=unconfined),",
  ])("does not grant %s, which snapd's desktop-legacy does not", (rule) => {
    expect(rules).not.toContain(rule);
  });

  it("reads the desktop files the snap's desktop plugs name", () => {
    const snap = { ...bareSnap("app"), plugs: { desktop: plugInfo("app", "desktop", { "desktop-file-ids": ["org.example.App", "org.example.Tool.desktop"] }, "desktop") } };
    expect(ownDesktopFiles(snap).split("\n")).toEqual([
      "/var/lib/snapd/desktop/applications/ r,",
      "/var/lib/snapd/desktop/applications/app_*.desktop r,",
      "/var/lib/snapd/desktop/applications/org.example.App.desktop r,",
      "/var/lib/snapd/desktop/applications/org.example.Tool.desktop r,",
    ]);
  });

  it("takes direct connections (listen, accept)", () => {
    expect(ruleLines(seccompOf(m, "connectedPlug", ctx))).toEqual(["listen", "accept", "accept4"]);
  });
});
