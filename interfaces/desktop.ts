import { AttributeProblem, defineInterface, optionalBool } from "../src/iface/index.js";
import type { AttrMap, AttrValue } from "../src/snap/index.js";
import { SESSION_BUS_STRICT, SYSTEM_BUS_STRICT } from "./dbus.js";
import { FONTS } from "./x11.js";

// A desktop file id is a D-Bus-style name: dot-separated elements of
// letters, digits, '_' and '-', none starting with a digit.
const DESKTOP_FILE_ID = /^[A-Za-z_-][A-Za-z0-9_-]*(\.[A-Za-z_-][A-Za-z0-9_-]*)*$/;

function checkPlug(attrs: AttrMap): AttrMap {
  optionalBool(attrs, "mount-host-font-cache");
  const ids = attrs["desktop-file-ids"];
  if (ids !== undefined) {
    if (!Array.isArray(ids)) throw new AttributeProblem(`desktop-file-ids must be a list of strings, not ${JSON.stringify(ids)}`);
    ids.forEach((id: AttrValue, i: number) => {
      if (typeof id !== "string") throw new AttributeProblem(`desktop-file-ids[${i}] must be a string, not ${JSON.stringify(id)}`);
      if (!DESKTOP_FILE_ID.test(id)) throw new AttributeProblem(`desktop-file-ids[${i}] ${JSON.stringify(id)} is not a valid D-Bus well-known name`);
    });
  }
  return attrs;
}

/** What every desktop client gets; shell is the desktop session's label. */
const client = (shell: string) => `
# Both buses, and the session bus's id.
${SYSTEM_BUS_STRICT}
${SESSION_BUS_STRICT}
dbus (send) bus=session path=/org/freedesktop/DBus interface=org.freedesktop.DBus member=GetId peer=(name=org.freedesktop.DBus, label=unconfined),
# Fonts (the fonts abstraction's rules), the user's own, and the font
# caches (some programs map font files).
${FONTS}
owner @{HOME}/.local/share/fonts/{,**} r,
/var/cache/fontconfig/ r,
/var/cache/fontconfig/** mr,
/usr/{,local/}share/fonts/** m,
# The document portal's files: the user picked them, so any the user may
# open are allowed (Wine runs programs from there too).
owner /run/user/[0-9]*/doc/{,*/} r,
/run/user/[0-9]*/doc/*/** rw,
/run/user/[0-9]*/doc/*/** ix,
# The desktop and document portals; they may still be starting, so calls
# by well-known name are allowed before they have a label.
dbus (receive, send) bus=session interface=org.freedesktop.portal.* path=/org/freedesktop/portal/{desktop,documents}{,/**} peer=(label=unconfined),
dbus (receive, send) bus=session interface=org.freedesktop.DBus.Properties path=/org/freedesktop/portal/{desktop,documents}{,/**} peer=(label=unconfined),
dbus (receive, send) bus=session interface=org.freedesktop.DBus.Introspectable path=/org/freedesktop/portal/{desktop,documents}{,/**} peer=(label=unconfined),
dbus (send) bus=session interface=org.freedesktop.portal.* path=/org/freedesktop/portal/desktop{,/**} peer=(name=org.freedesktop.portal.Desktop),
dbus (send) bus=session interface=org.freedesktop.DBus.Properties path=/org/freedesktop/portal/desktop{,/**} peer=(name=org.freedesktop.portal.Desktop),
dbus (send) bus=session interface=org.freedesktop.portal.* path=/org/freedesktop/portal/documents{,/**} peer=(name=org.freedesktop.portal.Documents),
dbus (send) bus=session interface=org.freedesktop.DBus.Properties path=/org/freedesktop/portal/documents{,/**} peer=(name=org.freedesktop.portal.Documents),
# Mutter's idle time.
dbus (send) bus=session path="/org/gnome/Mutter/IdleMonitor/Core" interface="org.gnome.Mutter.IdleMonitor" member="GetIdletime" peer=(label=${shell}),
# Colour management with colord, and the user's ICC profiles.
dbus (receive, send) bus=system interface=org.freedesktop.ColorManager path=/org/freedesktop/ColorManager member=FindDeviceByProperty peer=(label=unconfined),
dbus (send) bus=system interface=org.freedesktop.DBus.Properties path=/org/freedesktop/ColorManager member="Get{,All}" peer=(label=unconfined),
dbus (send) bus=system interface=org.freedesktop.DBus.Properties path="/org/freedesktop/ColorManager/{devices,profiles}/*" member="Get{,All}" peer=(label=unconfined),
owner @{HOME}/.local/share/icc r,
# Progress of long jobs in the task list (Unity launcher entries, KDE job
# views), and KDE Plasma status notifier items with their menus.
dbus (send) bus=session interface=com.canonical.Unity.LauncherEntry member=Update peer=(label=${shell}),
dbus (send) bus=session interface=org.kde.JobViewServer{,V2} path=/JobViewServer member=requestView peer=(label=${shell}),
dbus (send) bus=session interface=org.kde.JobView{,V2,V3} path=/org/kde/notificationmanager/jobs/* member={update,terminate} peer=(label=${shell}),
dbus (send) bus=session interface=org.kde.StatusNotifierWatcher path=/StatusNotifierWatcher member=RegisterStatusNotifierItem peer=(label=${shell}),
dbus (send) bus=session interface=org.freedesktop.DBus.Properties path=/StatusNotifierWatcher member=Get peer=(label=${shell}),
dbus (receive) bus=session interface=org.kde.StatusNotifierItem path=/StatusNotifierItem member={ProvideXdgActivationToken,Activate} peer=(label=${shell}),
dbus (receive) bus=session interface=org.freedesktop.DBus.Properties path=/StatusNotifierItem member=GetAll peer=(label=${shell}),
dbus (receive) bus=session interface=com.canonical.dbusmenu path=/MenuBar member={AboutToShow,GetLayout,Event} peer=(label=${shell}),
`;

/** The host's desktop session only (rules not made to work with a snap's). */
const HOST_SESSION = `
# Toolkit settings and themes (GTK 3 and 4, KDE, LXQt, Kvantum). The GTK
# bookmarks show directory names the snap would not otherwise know.
/etc/gtk-3.0/settings.ini r,
owner @{HOME}/.config/gtk-3.0/settings.ini r,
owner @{HOME}/.config/gtk-3.0/{*.css,**/*.css} r,
owner @{HOME}/.config/gtk-4.0/settings.ini r,
owner @{HOME}/.config/gtk-4.0/{*.css,**/*.css} r,
owner @{HOME}/.config/gtk-3.0/bookmarks r,
owner @{HOME}/.config/gtk-4.0/bookmarks r,
owner @{HOME}/.config/kdeglobals r,
owner @{HOME}/.config/lxqt/*.conf r,
owner @{HOME}/.config/Kvantum/** r,
# Icons, pixmaps, themes and GSettings schemas.
/usr/share/icons/ r,
/usr/share/icons/** r,
/usr/share/icons/*/index.theme rk,
/usr/share/pixmaps/ r,
/usr/share/pixmaps/** r,
/usr/share/unity/icons/** r,
/usr/share/thumbnailer/icons/** r,
/usr/share/themes/** r,
/usr/share/glib*/schemas/{,*} r,
/usr/share/gnome/glib*/schemas/{,*} r,
/usr/share/ubuntu/glib*/schemas/{,*} r,
# The user's MIME database and XDG user directories.
owner @{HOME}/.local/share/mime/** r,
owner @{HOME}/.config/user-dirs.* r,
/etc/xdg/user-dirs.conf r,
/etc/xdg/user-dirs.defaults r,
# Application menus (GMenu), notifications (also KDE Plasma's, with its do
# not disturb property), and launch notices.
dbus (send) bus=session interface=org.gtk.Actions member=Changed peer=(label=unconfined),
dbus (send) bus=session path=/org/freedesktop/Notifications interface=org.freedesktop.Notifications member="{GetCapabilities,GetServerInformation,Notify,CloseNotification}" peer=(label="{plasmashell,unconfined}"),
dbus (receive) bus=session path=/org/freedesktop/Notifications interface=org.freedesktop.Notifications member={ActionInvoked,NotificationClosed,NotificationReplied} peer=(label="{plasmashell,unconfined}"),
dbus (send) bus=session path=/org/freedesktop/Notifications interface=org.freedesktop.DBus.Properties member="Get{,All}" peer=(label="{plasmashell,unconfined}"),
dbus (receive) bus=session path=/org/freedesktop/Notifications interface=org.freedesktop.DBus.Properties member=PropertiesChanged peer=(label="{plasmashell,unconfined}"),
dbus (send) bus=session path=/org/gtk/gio/DesktopAppInfo interface=org.gtk.gio.DesktopAppInfo member=Launched peer=(label=unconfined),
# Media keys from GNOME's settings daemon.
dbus (receive, send) bus=session interface=org.gnome.SettingsDaemon.MediaKeys path=/org/gnome/SettingsDaemon/MediaKeys peer=(label=unconfined),
dbus (send) bus=session interface=org.freedesktop.DBus.Properties path=/org/gnome/SettingsDaemon/MediaKeys member="Get{,All}" peer=(label=unconfined),
# GNOME's prompter for PIN and passphrase entry (libgcr, pinentry-gnome3).
# The prompt path is not per-snap, but Gcr refuses one already in use.
dbus (send) bus=session path=/org/gnome/keyring/Prompter interface=org.gnome.keyring.internal.Prompter member="{BeginPrompting,PerformPrompt,StopPrompting}" peer=(label=unconfined),
dbus (receive) bus=session path=/org/gnome/keyring/Prompt/p[0-9]* interface=org.gnome.keyring.internal.Prompter.Callback member="{PromptReady,PromptDone}" peer=(label=unconfined),
# Opening links and files through the host (xdg-open and snapd's launcher
# service), the desktop files snaps use, and quiet refusals of the rest.
/usr/bin/xdg-open ixr,
/usr/share/applications/ r,
/usr/share/applications/mimeapps.list r,
/usr/share/applications/xdg-open.desktop r,
deny /usr/share/applications/python*.desktop r,
deny /usr/share/applications/vim.desktop r,
deny /usr/share/applications/snap-handle-link.desktop r,
dbus (send) bus=session path=/ interface=com.canonical.SafeLauncher member=OpenURL peer=(label=unconfined),
dbus (send) bus=session path=/io/snapcraft/Launcher interface=io.snapcraft.Launcher member={OpenURL,OpenFile} peer=(label=unconfined),
# Screen savers (GNOME, KDE, freedesktop.org): status, activation, locking.
dbus (send) bus=session path="/{,org/freedesktop/,org/gnome/}ScreenSaver" interface="org.{freedesktop,gnome}.ScreenSaver" member="{GetActive,GetActiveTime,Lock,SetActive}" peer=(label=unconfined),
dbus (receive) bus=session path="/{,org/freedesktop/,org/gnome/}ScreenSaver" interface="org.{freedesktop,gnome}.ScreenSaver" member=ActiveChanged peer=(label=unconfined),
# Being introspected by unconfined programs.
dbus (receive) bus=session interface=org.freedesktop.DBus.Introspectable member=Introspect peer=(label=unconfined),
# Default-application settings through snapd's settings service.
/usr/bin/xdg-settings ixr,
dbus (send) bus=session path=/io/snapcraft/Settings interface=io.snapcraft.Settings member={Check,CheckSub,Get,GetSub,Set,SetSub} peer=(label=unconfined),
# Refused quietly: icons of other snaps, and flatpak's exported data.
deny /var/lib/snapd/desktop/icons/{,**/} r,
deny @{HOME}/.local/share/flatpak/exports/share/** r,
# The IBus and Fcitx input method portals.
dbus (send) bus=session path=/org/freedesktop/IBus interface=org.freedesktop.IBus.Portal member=CreateInputContext peer=(name=org.freedesktop.portal.IBus),
dbus (send, receive) bus=session path=/org/freedesktop/IBus/InputContext_[0-9]* interface=org.freedesktop.IBus.InputContext peer=(label=unconfined),
dbus (send) bus=session path=/{,org/freedesktop/portal/}inputmethod interface=org.fcitx.Fcitx.InputMethod1 member={CreateInputContext,Version} peer=(name=org.freedesktop.portal.Fcitx),
dbus (send, receive) bus=session path=/{,org/freedesktop/portal/}inputcontext/** interface=org.fcitx.Fcitx.InputContext1 peer=(label=unconfined),
`;

const SESSION_PROVIDER = `
# Providing the desktop session (GNOME Shell, its settings daemon, KDE
# Plasma) from a snap.
${SESSION_BUS_STRICT}
# Notifications (freedesktop and GTK) for unconfined clients.
dbus (receive) bus=session path=/org/freedesktop/Notifications interface=org.freedesktop.Notifications member="{GetCapabilities,GetServerInformation,Notify,CloseNotification}" peer=(label=unconfined),
dbus (send) bus=session path=/org/freedesktop/Notifications interface=org.freedesktop.Notifications member={ActionInvoked,NotificationClosed,NotificationReplied} peer=(label=unconfined),
dbus (receive) bus=session path=/org/gtk/Notifications interface=org.gtk.Notifications member="{AddNotification,RemoveNotification}" peer=(label=unconfined),
# Registering the session with GDM (for screen locking), and GDM's private
# reauthentication socket.
dbus (send) bus=system path=/org/gnome/DisplayManager/Manager interface=org.gnome.DisplayManager.Manager member={RegisterSession,OpenReauthenticationChannel} peer=(label=unconfined),
dbus (send) bus=system path=/org/gnome/DisplayManager/Manager interface=org.freedesktop.DBus.Properties member="Get{,All}" peer=(label=unconfined),
/run/gdm3/dbus/dbus-* rw,
# The shell's and the settings daemon's names.
dbus (bind) bus=session name=org.gnome.Mutter.*,
dbus (bind) bus=session name=org.gnome.Shell{,.*},
dbus (bind) bus=session name=org.gnome.SettingsDaemon{,.*},
dbus (bind) bus=session name=org.gtk.Settings,
# colord.
dbus (send, receive) bus=system path=/org/freedesktop/ColorManager{,/**} interface=org.freedesktop.ColorManager* peer=(label=unconfined),
dbus (send, receive) bus=system path=/org/freedesktop/ColorManager{,/**} interface=org.freedesktop.DBus.Properties member={Get,GetAll,PropertiesChanged} peer=(label=unconfined),
# Portal back ends the host's xdg-desktop-portal calls, and the portals themselves.
dbus (receive, send) bus=session path=/org/freedesktop/portal/desktop{,/**} interface=org.freedesktop.impl.portal.* peer=(label=unconfined),
dbus (receive, send) bus=session path=/org/freedesktop/portal/desktop{,/**} interface=org.freedesktop.DBus.Properties peer=(label=unconfined),
dbus (receive, send) bus=session interface=org.freedesktop.portal.* path=/org/freedesktop/portal/{desktop,documents}{,/**} peer=(label=unconfined),
dbus (receive, send) bus=session interface=org.freedesktop.DBus.Properties path=/org/freedesktop/portal/{desktop,documents}{,/**} peer=(label=unconfined),
dbus (receive, send) bus=session interface=org.freedesktop.DBus.Introspectable path=/org/freedesktop/portal/{desktop,documents}{,/**} peer=(label=unconfined),
# Configuration gnome-session and gnome-shell read, and the seat's devices.
/etc/fonts{,/**} r,
/etc/glvnd{,/**} r,
/etc/gnome/defaults.list r,
/etc/gtk-3.0{,/**} r,
/etc/shells r,
/etc/xdg/autostart{,/**} r,
/etc/xdg/user-dirs.conf r,
/etc/xdg/user-dirs.defaults r,
/run/udev/tags/seat{,/**} r,
# KDE Plasma: the crash handler's core pattern, and the splash screen,
# session manager and control-module start-up talking to it.
@{PROC}/sys/kernel/core_pattern r,
dbus (receive, send) bus=session path=/KSplash interface=org.kde.KSplash member=setStage peer=(label=unconfined),
dbus (receive, send) bus=session path=/KSplash interface=org.freedesktop.DBus.Introspectable member=Introspect peer=(label=unconfined),
dbus (receive, send) bus=session path=/KSMServer interface=org.kde.KSMServerInterface member=restoreSession peer=(label=unconfined),
dbus (receive, send) bus=session path=/KSMServer interface=org.freedesktop.DBus.Introspectable member=Introspect peer=(label=unconfined),
dbus (receive, send) bus=session path=/kcminit interface=org.kde.KCMInit member=runPhase1 peer=(label=unconfined),
dbus (receive, send) bus=session path=/kcminit interface=org.freedesktop.DBus.Introspectable member=Introspect peer=(label=unconfined),
`;

export default defineInterface({
  name: "desktop",
  summary: "allows the basics of a graphical desktop session: fonts, themes, notifications, portals",
  implicitOn: { core: false, classic: true },
  baseDeclaration: {
    slots: { "allow-installation": { "slot-snap-type": ["core"] } },
  },
  sanitizePlug: (plug) => checkPlug(plug.attrs),
  // snapd also binds the user's document portal directory for this snap
  // (/run/user/UID/doc/by-app/snap.NAME) over /run/user/UID/doc, so the doc
  // rules below reach only documents shared with this snap, and binds the
  // host's fonts (and, unless mount-host-font-cache is false, font caches)
  // into the base. Plugboard runs apps on the host's root, where the fonts
  // are already in place; its mount entries cannot name a per-user
  // directory, so the document portal is not narrowed to the snap.
  connectedPlug: {
    apparmor: (ctx) => client(ctx.slotIsSystem ? "unconfined" : ctx.slotLabel) + (ctx.slotIsSystem ? HOST_SESSION : ""),
  },
  connectedSlot: {
    apparmor: (ctx) => {
      if (ctx.slotIsSystem) return "";
      const peer = ctx.plugLabel;
      return `
# Job progress, status notifier items and their menus from the connected snap.
dbus (receive) bus=session interface=com.canonical.Unity.LauncherEntry member=Update peer=(label=${peer}),
dbus (receive) bus=session interface=org.kde.JobViewServer{,V2} path=/JobViewServer member=requestView peer=(label=${peer}),
dbus (receive) bus=session interface=org.kde.JobView{,V2,V3} path=/org/kde/notificationmanager/jobs/* member={update,terminate} peer=(label=${peer}),
dbus (receive) bus=session interface=org.kde.StatusNotifierWatcher path=/StatusNotifierWatcher member=RegisterStatusNotifierItem peer=(label=${peer}),
dbus (receive) bus=session interface=org.freedesktop.DBus.Properties path=/StatusNotifierWatcher member=Get peer=(label=${peer}),
dbus (send) bus=session interface=org.kde.StatusNotifierItem path=/StatusNotifierItem member={ProvideXdgActivationToken,Activate} peer=(label=${peer}),
dbus (send) bus=session interface=org.freedesktop.DBus.Properties path=/StatusNotifierItem member=GetAll peer=(label=${peer}),
dbus (send) bus=session interface=com.canonical.dbusmenu path=/MenuBar member={AboutToShow,GetLayout,Event} peer=(label=${peer}),
`;
    },
  },
  permanentSlot: { apparmor: SESSION_PROVIDER },
  examples: { plug: { "mount-host-font-cache": false } },
});
