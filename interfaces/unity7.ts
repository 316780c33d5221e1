import { defineInterface } from "../src/iface/index.js";

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
    apparmor: `
# The X server, as in x11.
/tmp/.X11-unix/ r,
/tmp/.X11-unix/X[0-9]* rw,
unix (connect, send, receive) type=stream peer=(addr="@/tmp/.X11-unix/X[0-9]*"),
owner @{HOME}/.Xauthority r,
owner /run/user/[0-9]*/gdm/Xauthority r,
owner /run/user/[0-9]*/.mutter-Xwaylandauth.* r,
# Fonts, themes, icons and the user's desktop settings (dconf, read-only).
/etc/fonts/ r,
/etc/fonts/** r,
/var/cache/fontconfig/ r,
/var/cache/fontconfig/** mr,
owner @{HOME}/.config/dconf/user r,
owner /run/user/[0-9]*/dconf/ r,
owner /run/user/[0-9]*/dconf/user rw,
owner @{HOME}/.config/gtk-{2.0,3.0}/** r,
owner @{HOME}/.local/share/icons/** r,
# The session bus and the desktop services a Unity application talks to:
# global menu, indicators, notifications, launcher badges, URL opening.
owner /run/user/[0-9]*/bus rw,
dbus (send) bus=session path=/org/freedesktop/DBus interface=org.freedesktop.DBus member={Hello,AddMatch,RemoveMatch,GetNameOwner,NameHasOwner,ListNames,RequestName,ReleaseName} peer=(name=org.freedesktop.DBus),
dbus (send) bus=session path=/com/canonical/AppMenu/Registrar interface=com.canonical.AppMenu.Registrar member={RegisterWindow,UnregisterWindow} peer=(label=unconfined),
dbus (send, receive) bus=session interface=com.canonical.dbusmenu peer=(label=unconfined),
dbus (send) bus=session path=/StatusNotifierWatcher interface=org.kde.StatusNotifierWatcher member=RegisterStatusNotifierItem peer=(label=unconfined),
dbus (send, receive) bus=session interface=org.kde.StatusNotifierItem peer=(label=unconfined),
dbus (send) bus=session path=/org/freedesktop/Notifications interface=org.freedesktop.Notifications member={Notify,CloseNotification,GetCapabilities,GetServerInformation} peer=(label=unconfined),
dbus (receive) bus=session path=/org/freedesktop/Notifications interface=org.freedesktop.Notifications member={NotificationClosed,ActionInvoked} peer=(label=unconfined),
dbus (send) bus=session interface=com.canonical.Unity.LauncherEntry member=Update peer=(label=unconfined),
dbus (send, receive) bus=session interface=org.freedesktop.DBus.Properties peer=(label=unconfined),
dbus (receive) bus=session interface=org.freedesktop.DBus.Introspectable member=Introspect peer=(label=unconfined),
dbus (send) bus=session path=/ca/desrt/dconf/Writer/user interface=ca.desrt.dconf.Writer member=Change peer=(label=unconfined),
dbus (receive) bus=session path=/ca/desrt/dconf/Writer/user interface=ca.desrt.dconf.Writer member=Notify peer=(label=unconfined),
/usr/bin/xdg-open ixr,
`,
    // MIT-SHM, as in x11; toolkits bind sockets of their own (Qt, to watch input devices).
    seccomp: `
shmget
shmat
shmdt
shmctl
bind
`,
  },
});
