import { describe, expect, it } from "vitest";
import { AttributeProblem } from "../src/iface/index.js";
import type { AttrMap } from "../src/snap/index.js";
import desktop from "./desktop.js";
import { connectedContext, endpointOf, permanentContext, ruleLines, snippet } from "./test-support.js";

const m = desktop;
const host = ruleLines(snippet(m, "connectedPlug", connectedContext(m, {}, {}, { system: true })));
const toSnap = connectedContext(m, {}, {}, { slotSnap: "shell" });
const snapClient = ruleLines(snippet(m, "connectedPlug", toSnap));

describe("desktop", () => {
  it.each([
    "/{,var/}run/dbus/system_bus_socket rw,",
    "owner /{,var/}run/user/[0-9]*/bus rw,",
    "dbus (send) bus=session path=/org/freedesktop/DBus interface=org.freedesktop.DBus member=GetId peer=(name=org.freedesktop.DBus, label=unconfined),",
    "/usr/share/fonts/{,**} r,",
    "/usr/{,local/}share/fonts/** m,",
    "/run/user/[0-9]*/doc/*/** ix,",
    'dbus (send) bus=session path="/org/gnome/Mutter/IdleMonitor/Core" interface="org.gnome.Mutter.IdleMonitor" member="GetIdletime" peer=(label=unconfined),',
    "owner @{HOME}/.local/share/icc r,",
    "dbus (send) bus=session interface=com.canonical.Unity.LauncherEntry member=Update peer=(label=unconfined),",
  ])("a client of the host's session gets %s", (rule) => {
    expect(host).toContain(rule);
  });

  it.each([
    "owner @{HOME}/.config/gtk-4.0/settings.ini r,",
    "owner @{HOME}/.config/kdeglobals r,",
    'dbus (send) bus=session path=/org/freedesktop/Notifications interface=org.freedesktop.Notifications member="{GetCapabilities,GetServerInformation,Notify,CloseNotification}" peer=(label="{plasmashell,unconfined}"),',
    "/usr/bin/xdg-open ixr,",
    "deny /var/lib/snapd/desktop/icons/{,**/} r,",
    "dbus (send) bus=session path=/org/freedesktop/IBus interface=org.freedesktop.IBus.Portal member=CreateInputContext peer=(name=org.freedesktop.portal.IBus),",
  ])("the host's session only gives %s", (rule) => {
    expect(host).toContain(rule);
    expect(snapClient).not.toContain(rule);
  });

  it("a client of a snap's session sends job progress to that snap", () => {
    expect(snapClient).toContain('dbus (send) bus=session interface=com.canonical.Unity.LauncherEntry member=Update peer=(label="snap.shell.*"),');
  });

  it.each([
    'dbus (send) bus=session path=/{,org/freedesktop/,org/gnome/}ScreenSaver interface=org.{freedesktop,gnome}.ScreenSaver member={GetActive,GetActiveTime,Lock,SetActive,Inhibit,UnInhibit} peer=(label=unconfined),',
    "/usr/share/themes/ r,",
  ])("does not grant %s, which snapd's desktop does not", (rule) => {
    expect(host).not.toContain(rule);
  });

  it("a snap providing the session gets its rules and serves the connected client", () => {
    const provider = ruleLines(snippet(m, "permanentSlot", permanentContext(m, {}, "shell")));
    expect(provider).toContain("dbus (bind) bus=session name=org.gnome.Shell{,.*},");
    expect(provider).toContain("/run/gdm3/dbus/dbus-* rw,");
    const served = ruleLines(snippet(m, "connectedSlot", toSnap));
    expect(served).toContain('dbus (receive) bus=session interface=com.canonical.Unity.LauncherEntry member=Update peer=(label="snap.app.app"),');
    expect(served).toHaveLength(8);
    expect(ruleLines(snippet(m, "connectedSlot", connectedContext(m, {}, {}, { system: true })))).toEqual([]);
  });

  it.each<[string, AttrMap, boolean]>([
    ["mount-host-font-cache: false", { "mount-host-font-cache": false }, true],
    ["mount-host-font-cache as a string", { "mount-host-font-cache": "no" }, false],
    ["desktop file ids", { "desktop-file-ids": ["org.example.App", "my-app"] }, true],
    ["a desktop file id that is not a list", { "desktop-file-ids": "org.example.App" }, false],
    ["a desktop file id starting with a digit", { "desktop-file-ids": ["org.1app"] }, false],
    ["a desktop file id with a slash", { "desktop-file-ids": ["../x"] }, false],
  ])("plug with %s is accepted: %s", (_l, attrs, ok) => {
    const f = () => m.sanitizePlug!(endpointOf(m, "app", attrs));
    if (ok) expect(f).not.toThrow();
    else expect(f).toThrow(AttributeProblem);
  });
});
