import { defineInterface } from "../src/iface/index.js";

export default defineInterface({
  name: "desktop-legacy",
  summary: "allows the older desktop services: accessibility bus, input methods, menus and tray",
  implicitOn: { core: false, classic: true },
  // Kept for toolkits that still use these services; they reach further into
  // the session than the portals do.
  transitional: true,
  baseDeclaration: {
    slots: { "allow-installation": { "slot-snap-type": ["core"] } },
  },
  connectedPlug: {
    apparmor: `
owner /run/user/[0-9]*/bus rw,
dbus (send) bus=session path=/org/freedesktop/DBus interface=org.freedesktop.DBus member={Hello,AddMatch,RemoveMatch,GetNameOwner,NameHasOwner,ListNames} peer=(name=org.freedesktop.DBus),

# The accessibility bus (AT-SPI): finding it, then talking over it.
dbus (send) bus=session path=/org/a11y/bus interface=org.a11y.Bus member=GetAddress peer=(label=unconfined),
dbus (send) bus=session path=/org/a11y/bus interface=org.freedesktop.DBus.Properties member=Get{,All} peer=(label=unconfined),
owner /run/user/[0-9]*/at-spi/ r,
owner /run/user/[0-9]*/at-spi/bus{,_[0-9]*} rw,
unix (connect, receive, send) type=stream peer=(addr="@/tmp/dbus-*"),
dbus (send, receive) bus=accessibility path=/org/a11y/atspi/** peer=(label=unconfined),

# Input methods: IBus (its socket and the bus name) and Fcitx.
owner @{HOME}/.config/ibus/ r,
owner @{HOME}/.config/ibus/bus/ r,
owner @{HOME}/.config/ibus/bus/* r,
unix (connect, receive, send) type=stream peer=(addr="@/tmp/ibus/dbus-*"),
dbus (send, receive) bus=session path=/org/freedesktop/IBus{,/**} peer=(label=unconfined),
dbus (send, receive) bus=session path={/inputcontext_[0-9]*,/inputmethod,/org/freedesktop/portal/inputmethod{,/**}} interface=org.fcitx.Fcitx.* peer=(label=unconfined),
dbus (send) bus=session path=/org/freedesktop/portal/inputmethod interface=org.fcitx.Fcitx.InputMethod1 peer=(name=org.freedesktop.portal.Fcitx),

# Application menus and status icons (AppMenu registrar, StatusNotifier).
dbus (send) bus=session path=/com/canonical/AppMenu/Registrar interface=com.canonical.AppMenu.Registrar member={RegisterWindow,UnregisterWindow} peer=(label=unconfined),
dbus (send, receive) bus=session path=/com/canonical/menu/** interface={com.canonical.dbusmenu,org.freedesktop.DBus.Properties} peer=(label=unconfined),
dbus (send, receive) bus=session path=/{StatusNotifierItem,org/ayatana/NotificationItem/*,MenuBar} peer=(label=unconfined),
dbus (send) bus=session path=/StatusNotifierWatcher interface=org.kde.StatusNotifierWatcher member=RegisterStatusNotifierItem peer=(label=unconfined),

# GTK and Qt state: recently used files, the GTK file chooser's bookmarks.
owner @{HOME}/.local/share/recently-used.xbel{,.*} rw,
owner @{HOME}/.config/gtk-3.0/bookmarks r,
owner @{HOME}/.config/Trolltech.conf rk,
`,
    // The accessibility bridge takes screen readers' direct connections.
    seccomp: `
listen
accept
accept4
`,
  },
});
