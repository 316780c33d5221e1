import { describe, expect, it } from "vitest";
import { connectedContext, ruleLines, seccompOf, snippet } from "./test-support.js";
import m from "./unity7.js";

const ctx = { ...connectedContext(m, {}, {}, { system: true }), plugSnap: { ...connectedContext(m).plugSnap, name: "my-app" } };
const rules = ruleLines(snippet(m, "connectedPlug", ctx));

describe("unity7", () => {
  it.each([
    // X and fonts, as x11's.
    ['unix (connect, receive, send) type=stream peer=(addr="@/tmp/.X11-unix/X[0-9]*"),', true],
    ["/usr/share/fonts/{,**} r,", true],
    // Input methods.
    ['unix (connect, receive, send) type=stream peer=(addr="@@{HOME}/.cache/ibus/dbus-*"),', true],
    ['dbus send bus={fcitx,session} path=/inputmethod interface=org.fcitx.Fcitx.InputMethod member=CreateIC* peer=(label=unconfined),', true],
    // Indicators, menus, notifications, the messaging menu for this snap's entries.
    ["dbus (bind) bus=session name=org.kde.StatusNotifierItem-[0-9]*,", true],
    ['dbus (send) bus=session path=/org/freedesktop/Notifications interface=org.freedesktop.Notifications member="{GetCapabilities,GetServerInformation,Notify,CloseNotification}" peer=(label="{plasmashell,unconfined}"),', true],
    ["dbus (receive, send) bus=session interface=com.canonical.indicator.messages.application path=/com/canonical/indicator/messages/my_app_*_desktop peer=(label=unconfined),", true],
    ["/var/lib/snapd/desktop/applications/my-app_*.desktop r,", true],
    ["deny /var/lib/snapd/desktop/applications/mimeinfo.cache r,", true],
    ["dbus (receive, send) bus=accessibility path=/org/a11y/atspi/** peer=(label=unconfined),", true],
    ["dbus (send) bus=session path=/org/gtk/vfs/mounttracker interface=org.gtk.vfs.MountTracker member=LookupMount,", true],
    // Broader than snapd: gone.
    ["owner /run/user/[0-9]*/dconf/user rw,", false],
    ["dbus (send, receive) bus=session interface=org.freedesktop.DBus.Properties peer=(label=unconfined),", false],
  ])("%s granted: %s", (rule, granted) => {
    expect(rules.includes(rule)).toBe(granted);
  });
  it("has snapd's client system calls (and System V shm)", () => {
    expect(ruleLines(seccompOf(m, "connectedPlug", ctx))).toEqual(["socket AF_NETLINK - NETLINK_KOBJECT_UEVENT", "bind", "shmget", "shmat", "shmdt", "shmctl"]);
  });
});
