import { defineInterface } from "../src/iface/index.js";
import { SESSION_BUS_STRICT, SYSTEM_BUS_STRICT } from "./dbus.js";
import { FONTS, X_CLIENT } from "./x11.js";

// The desktop shell's components run as plasmashell (KDE) or unconfined.
const DESKTOP = `"{plasmashell,unconfined}"`;

export default defineInterface({
  name: "unity7",
  summary: "allows running as a desktop application in Unity 7 and similar X11 desktops (menus, indicators, notifications)",
  implicitOn: { core: false, classic: true },
  // Grants X11 and broad session-bus access; kept for older desktop applications.
  transitional: true,
  baseDeclaration: {
    slots: { "allow-installation": { "slot-snap-type": ["core"] } },
  },
  connectedPlug: {
    // Unity 7 runs on X and its services were not designed to keep apps
    // apart: this does not stop eavesdropping or apps interfering with one
    // another.
    apparmor: (ctx) => {
      // Unity turns "-" and "+" in desktop file names into "_" in its object paths.
      const unityName = ctx.plugSnap.name.replace(/[-+]/g, "_");
      return `
${SYSTEM_BUS_STRICT}
${SESSION_BUS_STRICT}
# The X server, as in x11, and fonts.
${X_CLIENT}
${FONTS}
# The accessibility bus.
dbus (send) bus=accessibility path=/org/freedesktop/DBus interface=org.freedesktop.DBus member={Hello,AddMatch,RemoveMatch,GetNameOwner,NameHasOwner,StartServiceByName} peer=(name=org.freedesktop.DBus),
# The session bus's ID.
dbus (send) bus=session path=/org/freedesktop/DBus interface=org.freedesktop.DBus member=GetId peer=(name=org.freedesktop.DBus, label=unconfined),
# The user's fonts and the font cache (with the fonts rules above).
owner @{HOME}/.local/share/fonts/{,**} r,
/var/cache/fontconfig/ r,
/var/cache/fontconfig/** mr,
# GTK, GDK pixbuf and Pango modules and configuration, icon themes, pixmaps
# and GLib schemas.
/etc/gnome/defaults.list r,
/etc/gtk-*/* r,
/usr/lib{,32,64}/gtk-*/** mr,
/usr/lib{,32,64}/gdk-pixbuf-*/** mr,
/usr/lib/@{multiarch}/gtk-*/** mr,
/usr/lib/@{multiarch}/gdk-pixbuf-*/** mr,
/etc/pango/* r,
/usr/lib{,32,64}/pango/** mr,
/usr/lib/@{multiarch}/pango/** mr,
/usr/share/icons/ r,
/usr/share/icons/** r,
/usr/share/icons/*/index.theme rk,
/usr/share/pixmaps/ r,
/usr/share/pixmaps/** r,
/usr/share/glib*/schemas/{,*} r,
# Opening URLs and files and reading default-application settings through
# snapd's user daemon (xdg-open, xdg-settings), and the few system .desktop
# files that needs; the base's other .desktop files are refused quietly.
/usr/bin/xdg-open ixr,
/usr/share/applications/ r,
/usr/share/applications/mimeapps.list r,
/usr/share/applications/xdg-open.desktop r,
deny /usr/share/applications/python*.desktop r,
deny /usr/share/applications/vim.desktop r,
deny /usr/share/applications/snap-handle-link.desktop r,
dbus (send) bus=session path=/ interface=com.canonical.SafeLauncher member=OpenURL peer=(label=unconfined),
dbus (send) bus=session path=/io/snapcraft/Launcher interface=io.snapcraft.Launcher member={OpenURL,OpenFile} peer=(label=unconfined),
/usr/bin/xdg-settings ixr,
dbus (send) bus=session path=/io/snapcraft/Settings interface=io.snapcraft.Settings member={Check,CheckSub,Get,GetSub,Set,SetSub} peer=(label=unconfined),
# Input methods: IBus (talking to its daemon lets an app see key events).
/usr/lib/@{multiarch}/gtk-2.0/[0-9]*/immodules/im-ibus.so mr,
owner @{HOME}/.config/ibus/ r,
owner @{HOME}/.config/ibus/bus/ r,
owner @{HOME}/.config/ibus/bus/* r,
unix (connect, receive, send) type=stream peer=(addr="@/tmp/ibus/dbus-*"),
unix (connect, receive, send) type=stream peer=(addr="@@{HOME}/.cache/ibus/dbus-*"),
# Mozc.
unix (connect, receive, send) type=stream peer=(addr="@tmp/.mozc.*"),
# Fcitx, on its own bus and the session bus (the input context's key and mouse
# events and properties are visible to whoever knows its path).
dbus send bus=fcitx path=/org/freedesktop/DBus interface=org.freedesktop.DBus member={Hello,AddMatch,RemoveMatch,GetNameOwner,NameHasOwner,StartServiceByName} peer=(name=org.freedesktop.DBus),
owner @{HOME}/.config/fcitx/dbus/* r,
dbus send bus={fcitx,session} path=/inputmethod interface=org.fcitx.Fcitx.InputMethod member=CreateIC* peer=(label=unconfined),
dbus send bus={fcitx,session} path=/inputcontext_[0-9]* interface=org.fcitx.Fcitx.InputContext member="{Close,Destroy,Enable}IC" peer=(label=unconfined),
dbus send bus={fcitx,session} path=/inputcontext_[0-9]* interface=org.fcitx.Fcitx.InputContext member=Reset peer=(label=unconfined),
dbus receive bus=fcitx peer=(label=unconfined),
dbus receive bus=session interface=org.fcitx.Fcitx.* peer=(label=unconfined),
dbus send bus={fcitx,session} path=/inputcontext_[0-9]* interface=org.fcitx.Fcitx.InputContext member="Focus{In,Out}" peer=(label=unconfined),
dbus send bus={fcitx,session} path=/inputcontext_[0-9]* interface=org.fcitx.Fcitx.InputContext member="{CommitPreedit,Set*}" peer=(label=unconfined),
dbus send bus={fcitx,session} path=/inputcontext_[0-9]* interface=org.fcitx.Fcitx.InputContext member="{MouseEvent,ProcessKeyEvent}" peer=(label=unconfined),
dbus send bus={fcitx,session} path=/inputcontext_[0-9]* interface=org.freedesktop.DBus.Properties member=GetAll peer=(label=unconfined),
# Qt finds mice and keyboards through udev (the filter allows only the uevent
# protocol).
network netlink raw,
/run/udev/data/c13:[0-9]* r,
/run/udev/data/+input:* r,
# MIME types and the user's well-known directories.
/usr/share/mime/** r,
owner @{HOME}/.local/share/mime/** r,
owner @{HOME}/.config/user-dirs.* r,
/etc/xdg/user-dirs.conf r,
/etc/xdg/user-dirs.defaults r,
# GTK settings; the bookmarks show directory names the app would not otherwise
# know.
owner @{HOME}/.config/gtk-2.0/gtkfilechooser.ini r,
owner @{HOME}/.config/gtk-3.0/settings.ini r,
owner @{HOME}/.config/gtk-3.0/bookmarks r,
# Accessibility: the a11y bus address, and AT-SPI (which is not designed to
# keep apps apart).
dbus (send) bus=session path=/org/a11y/bus interface=org.a11y.Bus member=GetAddress peer=(label=unconfined),
dbus (send) bus=session path=/org/a11y/bus interface=org.freedesktop.DBus.Properties member=Get{,All} peer=(label=unconfined),
dbus (receive, send) bus=accessibility path=/org/a11y/atspi/** peer=(label=unconfined),
# AccountsService: the user's own record.
dbus (send) bus=system path=/org/freedesktop/Accounts interface=org.freedesktop.DBus.Introspectable member=Introspect peer=(label=unconfined),
dbus (send) bus=system path=/org/freedesktop/Accounts interface=org.freedesktop.Accounts member=FindUserById peer=(label=unconfined),
dbus (receive, send) bus=system path=/org/freedesktop/Accounts/User[0-9]* interface=org.freedesktop.DBus.Properties member={Get,PropertiesChanged} peer=(label=unconfined),
# GMenu and GActions exported to the desktop shell (any object path: apps
# choose their own).
dbus (send) bus=session interface=org.gtk.Actions member=Changed peer=(label=unconfined),
dbus (receive) bus=session interface=org.gtk.Actions member={Activate,DescribeAll,SetState} peer=(label=unconfined),
dbus (receive) bus=session interface=org.gtk.Menus member={Start,End} peer=(label=unconfined),
dbus (send) bus=session interface=org.gtk.Menus member=Changed peer=(label=unconfined),
# Ubuntu's menu registrar.
dbus (send) bus=session path="/com/ubuntu/MenuRegistrar" interface="com.ubuntu.MenuRegistrar" member="{Register,Unregister}{App,Surface}Menu" peer=(label=unconfined),
# URL helpers.
dbus (send) bus=session interface=com.canonical.SafeLauncher.OpenURL peer=(label=unconfined),
dbus (send) bus=session interface=io.snapcraft.Launcher.OpenURL peer=(label=unconfined),
# dbusmenu menus, for the global menu.
dbus (send) bus=session path=/{MenuBar{,/[0-9A-F]*},com/canonical/{menu/[0-9A-F]*,dbusmenu}} interface=com.canonical.dbusmenu member="{LayoutUpdated,ItemsPropertiesUpdated}" peer=(label=${DESKTOP}),
dbus (receive) bus=session path=/{MenuBar{,/[0-9A-F]*},com/canonical/{menu/[0-9A-F]*,dbusmenu}} interface="{com.canonical.dbusmenu,org.freedesktop.DBus.Properties}" member=Get* peer=(label=${DESKTOP}),
dbus (receive) bus=session path=/{MenuBar{,/[0-9A-F]*},com/canonical/{menu/[0-9A-F]*,dbusmenu}} interface=com.canonical.dbusmenu member="{AboutTo*,Event*}" peer=(label=${DESKTOP}),
dbus (receive) bus=session path=/{MenuBar{,/[0-9A-F]*},com/canonical/{menu/[0-9A-F]*,dbusmenu}} interface=org.freedesktop.DBus.Introspectable member=Introspect peer=(label=${DESKTOP}),
dbus (receive) bus=session path=/com/canonical/dbusmenu interface=org.freedesktop.DBus.Properties member=Get* peer=(label=${DESKTOP}),
# App indicators (StatusNotifierItem) and their menus.
dbus (send) bus=session path=/StatusNotifierWatcher interface=org.freedesktop.DBus.Introspectable member=Introspect peer=(name=org.kde.StatusNotifierWatcher, label=unconfined),
dbus (send) bus=session path=/org/freedesktop/DBus interface=org.freedesktop.DBus member="{GetConnectionUnixProcessID,RequestName,ReleaseName}" peer=(name=org.freedesktop.DBus, label=unconfined),
dbus (bind) bus=session name=org.kde.StatusNotifierItem-[0-9]*,
dbus (send) bus=session path=/StatusNotifierWatcher interface=org.freedesktop.DBus.Properties member=Get peer=(name=org.kde.StatusNotifierWatcher, label=unconfined),
dbus (send) bus=session path=/{StatusNotifierWatcher,org/ayatana/NotificationItem/*} interface=org.kde.StatusNotifierWatcher member=RegisterStatusNotifierItem peer=(label=${DESKTOP}),
dbus (send) bus=session path=/{StatusNotifierItem,org/ayatana/NotificationItem/*} interface=org.kde.StatusNotifierItem member="New{AttentionIcon,Icon,IconThemePath,OverlayIcon,Status,Title,ToolTip}" peer=(label=${DESKTOP}),
dbus (receive) bus=session path=/{StatusNotifierItem,org/ayatana/NotificationItem/*} interface=org.kde.StatusNotifierItem member={Activate,ContextMenu,Scroll,SecondaryActivate,ProvideXdgActivationToken,XAyatanaSecondaryActivate} peer=(label=${DESKTOP}),
dbus (send) bus=session path=/{StatusNotifierItem/menu,org/ayatana/NotificationItem/*/Menu} interface=com.canonical.dbusmenu member="{LayoutUpdated,ItemsPropertiesUpdated}" peer=(label=${DESKTOP}),
dbus (receive) bus=session path=/{StatusNotifierItem,StatusNotifierItem/menu,org/ayatana/NotificationItem/**} interface={org.freedesktop.DBus.Properties,com.canonical.dbusmenu} member={Get*,AboutTo*,Event*} peer=(label=${DESKTOP}),
# Notifications, and Plasma's do-not-disturb property.
dbus (send) bus=session path=/org/freedesktop/Notifications interface=org.freedesktop.Notifications member="{GetCapabilities,GetServerInformation,Notify,CloseNotification}" peer=(label=${DESKTOP}),
dbus (receive) bus=session path=/org/freedesktop/Notifications interface=org.freedesktop.Notifications member={ActionInvoked,NotificationClosed,NotificationReplied} peer=(label=${DESKTOP}),
dbus (send) bus=session path=/org/freedesktop/Notifications interface=org.freedesktop.DBus.Properties member="Get{,All}" peer=(label=${DESKTOP}),
dbus (receive) bus=session path=/org/freedesktop/Notifications interface=org.freedesktop.DBus.Properties member=PropertiesChanged peer=(label=${DESKTOP}),
dbus (send) bus=session path=/org/ayatana/NotificationItem/* interface=org.kde.StatusNotifierItem member=XAyatanaNew* peer=(label=${DESKTOP}),
# Unity launcher entries (counts, progress, quicklists).
dbus (send) bus=session path=/com/canonical/unity/launcherentry/[0-9]* interface=com.canonical.Unity.LauncherEntry member=Update peer=(label=unconfined),
dbus (send) bus=session path=/com/canonical/unity/launcherentry/[0-9]* interface=com.canonical.dbusmenu member="{LayoutUpdated,ItemsPropertiesUpdated}" peer=(label=unconfined),
dbus (receive) bus=session path=/com/canonical/unity/launcherentry/[0-9]* interface="{com.canonical.dbusmenu,org.freedesktop.DBus.Properties}" member=Get* peer=(label=unconfined),
# mimeinfo.cache names desktop files a snap cannot launch; xdg-mime reads the
# .desktop files instead.
deny /var/lib/snapd/desktop/applications/mimeinfo.cache r,
# Unity's messaging menu, for this snap's own desktop entries.
dbus (send) bus=session interface=org.freedesktop.DBus.Properties path=/com/canonical/indicator/messages/service member=GetAll peer=(label=unconfined),
dbus (send) bus=session path=/com/canonical/indicator/messages/service interface=com.canonical.indicator.messages.service member={Register,Unregister}Application peer=(label=unconfined),
dbus (receive) bus=session interface=org.freedesktop.DBus.Properties path=/com/canonical/indicator/messages/${unityName}_*_desktop member=GetAll peer=(label=unconfined),
dbus (receive, send) bus=session interface=com.canonical.indicator.messages.application path=/com/canonical/indicator/messages/${unityName}_*_desktop peer=(label=unconfined),
# The launcher asks for /org/freedesktop/dbus (lower case) by mistake.
dbus (send) bus=session path=/org/freedesktop/dbus interface=org.freedesktop.DBus member=NameHasOwner peer=(name=org.freedesktop.DBus, label=unconfined),
# The application menu registrar.
dbus (send) bus=session path=/org/freedesktop/DBus interface=org.freedesktop.DBus member=ListNames peer=(name=org.freedesktop.DBus, label=unconfined),
dbus (send) bus=session path=/com/canonical/AppMenu/Registrar interface=com.canonical.AppMenu.Registrar member="{RegisterWindow,UnregisterWindow}" peer=(label=unconfined),
dbus (send) bus=session path=/com/canonical/AppMenu/Registrar interface=com.canonical.dbusmenu member=UnregisterWindow peer=(label=unconfined),
dbus (receive) bus=session path=/com/canonical/menu/[0-9]* interface="{org.freedesktop.DBus.Properties,com.canonical.dbusmenu}" member="{GetAll,GetLayout}" peer=(label=${DESKTOP}),
# GNOME's media keys.
dbus (receive, send) bus=session interface=org.gnome.SettingsDaemon.MediaKeys path=/org/gnome/SettingsDaemon/MediaKeys peer=(label=unconfined),
dbus (send) bus=session interface=org.freedesktop.DBus.Properties path=/org/gnome/SettingsDaemon/MediaKeys member="Get{,All}" peer=(label=unconfined),
# The MATE and Unity screensavers: status, activating and locking.
dbus (send) bus=session path="/{,org/mate/}ScreenSaver" interface=org.mate.ScreenSaver member="{GetActive,GetActiveTime,Lock,SetActive}" peer=(label=unconfined),
dbus (receive) bus=session path="/{,org/mate/}ScreenSaver" interface=org.mate.ScreenSaver member=ActiveChanged peer=(label=unconfined),
dbus (send) bus=session interface=com.canonical.Unity.Session path=/com/canonical/Unity/Session member="{ActivateScreenSaver,IsLocked,Lock}" peer=(label=unconfined),
# Unconfined desktop components may introspect the app.
dbus (receive) bus=session interface=org.freedesktop.DBus.Introspectable member=Introspect peer=(label=unconfined),
# gvfs, for gtk_show_uri().
dbus (send) bus=session path=/org/gtk/vfs/mounttracker interface=org.gtk.vfs.MountTracker member=ListMountableInfo,
dbus (send) bus=session path=/org/gtk/vfs/mounttracker interface=org.gtk.vfs.MountTracker member=LookupMount,
# The snap's own desktop files among those exported to the desktop (the
# list shows which snaps have any). snapd also lists the desktop file IDs
# the desktop plugs name and quietly refuses other snaps' files; the refusal
# is left out here, where it would also override desktop-launch's access.
/var/lib/snapd/desktop/applications/ r,
/var/lib/snapd/desktop/applications/${ctx.plugSnap.name}_*.desktop r,
`;
    },
    seccomp: `
# Qt finds mice and keyboards through udev.
socket AF_NETLINK - NETLINK_KOBJECT_UEVENT
bind
# Kept beyond snapd's module: snapd's default filter lets every snap use
# System V shared memory, Plugboard's does not; X clients pass pixmaps in
# it (MIT-SHM).
shmget
shmat
shmdt
shmctl
`,
  },
});
