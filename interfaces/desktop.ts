import { defineInterface } from "../src/iface/index.js";

export default defineInterface({
  name: "desktop",
  summary: "allows the basics of a graphical desktop session: fonts, themes, notifications, portals",
  implicitOn: { core: false, classic: true },
  baseDeclaration: {
    slots: { "allow-installation": { "slot-snap-type": ["core"] } },
  },
  connectedPlug: {
    apparmor: `
# The session bus.
owner /run/user/[0-9]*/bus rw,
dbus (send) bus=session path=/org/freedesktop/DBus interface=org.freedesktop.DBus member={Hello,AddMatch,RemoveMatch,GetNameOwner,NameHasOwner,GetId} peer=(name=org.freedesktop.DBus),

# Fonts, icon and widget themes, and the settings toolkits read.
/etc/fonts/ r,
/etc/fonts/** r,
/usr/{,local/}share/fonts/ r,
/usr/{,local/}share/fonts/** mr,
/var/cache/fontconfig/ r,
/var/cache/fontconfig/** mr,
owner @{HOME}/.local/share/fonts/ r,
owner @{HOME}/.local/share/fonts/** r,
owner @{HOME}/.config/fontconfig/ r,
owner @{HOME}/.config/fontconfig/** r,
/usr/share/icons/ r,
/usr/share/icons/** r,
/usr/share/pixmaps/ r,
/usr/share/pixmaps/** r,
/usr/share/themes/ r,
/usr/share/themes/** r,
/etc/gtk-3.0/settings.ini r,
owner @{HOME}/.config/gtk-3.0/settings.ini r,
owner @{HOME}/.config/user-dirs.{dirs,locale} r,
/etc/xdg/user-dirs.{conf,defaults} r,
owner @{HOME}/.local/share/mime/ r,
owner @{HOME}/.local/share/mime/** r,

# Desktop notifications.
dbus (send) bus=session path=/org/freedesktop/Notifications interface=org.freedesktop.Notifications member={GetCapabilities,GetServerInformation,Notify,CloseNotification} peer=(label=unconfined),
dbus (receive) bus=session path=/org/freedesktop/Notifications interface=org.freedesktop.Notifications member={ActionInvoked,NotificationClosed,NotificationReplied} peer=(label=unconfined),

# Opening links and files through the host (xdg-open), and reading settings.
/usr/bin/xdg-open ixr,
/usr/bin/xdg-settings ixr,
dbus (send) bus=session path=/io/snapcraft/Launcher interface=io.snapcraft.Launcher member={OpenURL,OpenFile} peer=(label=unconfined),
dbus (send) bus=session path=/io/snapcraft/Settings interface=io.snapcraft.Settings member={Check,CheckSub,Get,GetSub,Set,SetSub} peer=(label=unconfined),

# The desktop portals, and files the user hands over through the document portal.
dbus (send, receive) bus=session path=/org/freedesktop/portal/{desktop,documents}{,/**} interface=org.freedesktop.portal.* peer=(label=unconfined),
dbus (send, receive) bus=session path=/org/freedesktop/portal/{desktop,documents}{,/**} interface=org.freedesktop.DBus.Properties peer=(label=unconfined),
# The portals are started on demand, before they carry a label.
dbus (send) bus=session path=/org/freedesktop/portal/{desktop,documents}{,/**} interface=org.freedesktop.portal.* peer=(name=org.freedesktop.portal.Desktop),
dbus (send) bus=session path=/org/freedesktop/portal/{desktop,documents}{,/**} interface=org.freedesktop.portal.* peer=(name=org.freedesktop.portal.Documents),
owner /run/user/[0-9]*/doc/ r,
owner /run/user/[0-9]*/doc/*/ r,
/run/user/[0-9]*/doc/*/** rw,

# Screen savers: ask whether active, inhibit or lock.
dbus (send) bus=session path=/{,org/freedesktop/,org/gnome/}ScreenSaver interface=org.{freedesktop,gnome}.ScreenSaver member={GetActive,GetActiveTime,Lock,SetActive,Inhibit,UnInhibit} peer=(label=unconfined),
dbus (receive) bus=session path=/{,org/freedesktop/,org/gnome/}ScreenSaver interface=org.{freedesktop,gnome}.ScreenSaver member=ActiveChanged peer=(label=unconfined),

# Being introspected by the desktop shell.
dbus (receive) bus=session interface=org.freedesktop.DBus.Introspectable member=Introspect peer=(label=unconfined),
`,
  },
});
