import { defineInterface } from "../src/iface/index.js";
import type { SnapInfo } from "../src/snap/index.js";
import { SESSION_BUS_STRICT } from "./dbus.js";

const DESKTOP_FILES = "/var/lib/snapd/desktop/applications";
const DESKTOP_FILE_ID = /^[A-Za-z_-][A-Za-z0-9_-]*(\.[A-Za-z_-][A-Za-z0-9_-]*)*$/;

/**
 * The snap's own exported desktop files (NAME_*.desktop, and the ids its
 * desktop plugs declare with desktop-file-ids), for the messaging menu and
 * xdg-mime. Listing the directory shows which snaps have desktop files.
 * snapd also quietly refuses other snaps' files there; in Plugboard a
 * refusal would also win over desktop-launch's access (snapd drops these
 * rules when desktop-launch is connected), so it is left out.
 */
export function ownDesktopFiles(snap: SnapInfo): string {
  const ids = new Set<string>();
  for (const plug of Object.values(snap.plugs)) {
    if (plug.interface !== "desktop") continue;
    const list = plug.attrs["desktop-file-ids"];
    if (!Array.isArray(list)) continue;
    for (const id of list) if (typeof id === "string" && DESKTOP_FILE_ID.test(id)) ids.add(id.endsWith(".desktop") ? id : `${id}.desktop`);
  }
  return [`${DESKTOP_FILES}/ r,`, `${DESKTOP_FILES}/${snap.name}_*.desktop r,`, ...[...ids].map((id) => `${DESKTOP_FILES}/${id} r,`)].join("\n");
}

const MENU_PATHS = "/{MenuBar{,/[0-9A-F]*},com/canonical/{menu/[0-9A-F]*,dbusmenu}}";
const SHELL = 'peer=(label="{plasmashell,unconfined}")';
const FCITX_CONTEXT = "bus={fcitx,session} path=/inputcontext_[0-9]* interface=org.fcitx.Fcitx.InputContext";

const RULES = `
# Accessibility (AT-SPI): finding the accessibility bus, its sockets, and the
# speech dispatcher. AT-SPI is not built for isolating applications: these
# rules also let the snap send change events about other processes.
${SESSION_BUS_STRICT}
dbus (send) bus=session path=/org/a11y/bus interface=org.a11y.Bus member=GetAddress peer=(label=unconfined),
dbus (send) bus=accessibility path=/org/freedesktop/DBus interface=org.freedesktop.DBus member={Hello,AddMatch,RemoveMatch,GetNameOwner,NameHasOwner,StartServiceByName} peer=(name=org.freedesktop.DBus),
owner /{,var/}run/user/[0-9]*/at-spi/bus* rw,
owner /{,var/}run/user/[0-9]*/speech-dispatcher/speechd.sock rw,
dbus (receive) bus=accessibility peer=(label=unconfined),
dbus (send) bus=accessibility path="/org/a11y/atspi/accessible/root" interface="org.a11y.atspi.Socket" member="Embed" peer=(name=org.a11y.atspi.Registry, label=unconfined),
dbus (send) bus=accessibility path="/org/a11y/atspi/registry" interface="org.a11y.atspi.Registry" member="GetRegisteredEvents" peer=(name=org.a11y.atspi.Registry, label=unconfined),
dbus (send) bus=accessibility path="/org/a11y/atspi/registry/deviceeventcontroller" interface="org.a11y.atspi.DeviceEventController" member="Get{DeviceEvent,Keystroke}Listeners" peer=(name=org.a11y.atspi.Registry, label=unconfined),
dbus (send) bus=accessibility path="/org/a11y/atspi/registry/deviceeventcontroller" interface="org.a11y.atspi.DeviceEventController" member="NotifyListenersSync" peer=(name=org.a11y.atspi.Registry, label=unconfined),
dbus (send) bus=accessibility path="/org/a11y/atspi/accessible/root" interface="org.a11y.atspi.Event.Object" member="ChildrenChanged" peer=(name=org.freedesktop.DBus, label=unconfined),
dbus (send) bus=accessibility path="/org/a11y/atspi/accessible/root" interface="org.a11y.atspi.Accessible" member="Get*" peer=(label=unconfined),
dbus (send) bus=accessibility path="/org/a11y/atspi/accessible/[0-9]*" interface="org.a11y.atspi.Event.Object" member="{ChildrenChanged,PropertyChange,StateChanged,TextCaretMoved}" peer=(name=org.freedesktop.DBus, label=unconfined),
dbus (send) bus=accessibility path="/org/a11y/atspi/accessible/[0-9]*" interface="org.freedesktop.DBus.Properties" member="Get{,All}" peer=(label=unconfined),
dbus (send) bus=accessibility path="/org/a11y/atspi/cache" interface="org.a11y.atspi.Cache" member="{Add,Remove}Accessible" peer=(name=org.freedesktop.DBus, label=unconfined),

# IBus: its GTK 2 module, its address files, and the daemon's sockets (which
# can see every key typed).
/usr/lib/@{multiarch}/gtk-2.0/[0-9]*/immodules/im-ibus.so mr,
owner @{HOME}/.config/ibus/ r,
owner @{HOME}/.config/ibus/bus/ r,
owner @{HOME}/.config/ibus/bus/* r,
unix (connect, receive, send) type=stream peer=(addr="@/tmp/ibus/dbus-*"),
unix (connect, receive, send) type=stream peer=(addr="@@{HOME}/.cache/ibus/dbus-*"),
owner @{HOME}/.cache/ibus/dbus-* rw,
# The mozc and gcin servers.
unix (connect, receive, send) type=stream peer=(addr="@tmp/.mozc.*"),
unix (connect, receive, send) type=stream peer=(addr="@tmp/gcin-*/socket*"),
# Fcitx: its own bus, input contexts and their events (the key and mouse
# events of other applications' contexts too, since the paths are not
# per-snap).
dbus (send) bus=fcitx path=/org/freedesktop/DBus interface=org.freedesktop.DBus member={Hello,AddMatch,RemoveMatch,GetNameOwner,NameHasOwner,StartServiceByName} peer=(name=org.freedesktop.DBus),
owner @{HOME}/.config/fcitx/dbus/* r,
dbus (send) bus={fcitx,session} path=/inputmethod interface=org.fcitx.Fcitx.InputMethod member=CreateIC* peer=(label=unconfined),
dbus (send) ${FCITX_CONTEXT} member="{Close,Destroy,Enable}IC" peer=(label=unconfined),
dbus (send) ${FCITX_CONTEXT} member=Reset peer=(label=unconfined),
dbus (receive) bus=fcitx peer=(label=unconfined),
dbus (receive) bus=session interface=org.fcitx.Fcitx.* peer=(label=unconfined),
dbus (send) ${FCITX_CONTEXT} member="Focus{In,Out}" peer=(label=unconfined),
dbus (send) ${FCITX_CONTEXT} member="{CommitPreedit,Set*}" peer=(label=unconfined),
dbus (send) ${FCITX_CONTEXT} member="{MouseEvent,ProcessKeyEvent}" peer=(label=unconfined),
dbus (send) bus={fcitx,session} path=/inputcontext_[0-9]* interface=org.freedesktop.DBus.Properties member=GetAll peer=(label=unconfined),

# gvfs for gtk_show_uri() (it may be starting: no peer label).
dbus (send) bus=session path=/org/gtk/vfs/mounttracker interface=org.gtk.vfs.MountTracker member=ListMountableInfo,
dbus (send) bus=session path=/org/gtk/vfs/mounttracker interface=org.gtk.vfs.MountTracker member=LookupMount,
# The MIME cache lists other snaps' desktop files, which the snap cannot run;
# xdg-mime falls back to the files it may read.
deny ${DESKTOP_FILES}/mimeinfo.cache r,
# glib-networking's proxy resolver, which hands URLs to the unconfined
# glib-pacrunner.
dbus (send) bus=session path=/org/gtk/GLib/PACRunner interface=org.gtk.GLib.PACRunner member=Lookup peer=(label=unconfined),

# Application menus (dbusmenu) for the desktop shell.
dbus (send) bus=session path=${MENU_PATHS} interface=com.canonical.dbusmenu member="{LayoutUpdated,ItemsPropertiesUpdated}" ${SHELL},
dbus (receive) bus=session path=${MENU_PATHS} interface="{com.canonical.dbusmenu,org.freedesktop.DBus.Properties}" member=Get* ${SHELL},
dbus (receive) bus=session path=${MENU_PATHS} interface=com.canonical.dbusmenu member="{AboutTo*,Event*}" ${SHELL},
dbus (receive) bus=session path=${MENU_PATHS} interface=org.freedesktop.DBus.Introspectable member=Introspect ${SHELL},
dbus (receive) bus=session path=/com/canonical/dbusmenu interface=org.freedesktop.DBus.Properties member=Get* ${SHELL},
# Status icons (StatusNotifierItem, Ayatana indicators), with the name each
# icon registers under.
dbus (send) bus=session path=/StatusNotifierWatcher interface=org.freedesktop.DBus.Introspectable member=Introspect peer=(name=org.kde.StatusNotifierWatcher, label=unconfined),
dbus (send) bus=session path=/org/freedesktop/DBus interface=org.freedesktop.DBus member="{GetConnectionUnixProcessID,RequestName,ReleaseName}" peer=(name=org.freedesktop.DBus, label=unconfined),
dbus (bind) bus=session name=org.kde.StatusNotifierItem-[0-9]*,
dbus (send) bus=session path=/StatusNotifierWatcher interface=org.freedesktop.DBus.Properties member=Get peer=(name=org.kde.StatusNotifierWatcher, label=unconfined),
dbus (send) bus=session path=/{StatusNotifierWatcher,org/ayatana/NotificationItem/*} interface=org.kde.StatusNotifierWatcher member=RegisterStatusNotifierItem ${SHELL},
dbus (send) bus=session path=/{StatusNotifierItem,org/ayatana/NotificationItem/*} interface=org.kde.StatusNotifierItem member="New{AttentionIcon,Icon,IconThemePath,OverlayIcon,Status,Title,ToolTip}" peer=(name=org.freedesktop.DBus, label="{plasmashell,unconfined}"),
dbus (receive) bus=session path=/{StatusNotifierItem,org/ayatana/NotificationItem/*} interface=org.kde.StatusNotifierItem member={Activate,ContextMenu,Scroll,SecondaryActivate,ProvideXdgActivationToken,XAyatanaSecondaryActivate} ${SHELL},
dbus (send) bus=session path=/{StatusNotifierItem/menu,org/ayatana/NotificationItem/*/Menu} interface=com.canonical.dbusmenu member="{LayoutUpdated,ItemsPropertiesUpdated}" peer=(name=org.freedesktop.DBus, label="{plasmashell,unconfined}"),
dbus (receive) bus=session path=/{StatusNotifierItem,StatusNotifierItem/menu,org/ayatana/NotificationItem/**} interface={org.freedesktop.DBus.Properties,com.canonical.dbusmenu} member={Get*,AboutTo*,Event*} ${SHELL},
# Notifications, and KDE Plasma's do not disturb property.
dbus (send) bus=session path=/org/freedesktop/Notifications interface=org.freedesktop.Notifications member="{GetCapabilities,GetServerInformation,Notify,CloseNotification}" peer=(label=unconfined),
dbus (receive) bus=session path=/org/freedesktop/Notifications interface=org.freedesktop.Notifications member={ActionInvoked,NotificationClosed,NotificationReplied} peer=(label=unconfined),
dbus (send) bus=session path=/org/freedesktop/Notifications interface=org.freedesktop.DBus.Properties member="Get{,All}" peer=(label=unconfined),
dbus (receive) bus=session path=/org/freedesktop/Notifications interface=org.freedesktop.DBus.Properties member=PropertiesChanged peer=(label=unconfined),
dbus (send) bus=session path=/org/ayatana/NotificationItem/* interface=org.kde.StatusNotifierItem member=XAyatanaNew* peer=(name=org.freedesktop.DBus, label="{plasmashell,unconfined}"),
`;

export default defineInterface({
  name: "desktop-legacy",
  summary: "allows the older desktop services: accessibility bus, input methods, menus and tray",
  implicitOn: { core: false, classic: true },
  // Kept for toolkits that still use these services; they reach further into
  // the session (the user's input among it) than the portals do.
  transitional: true,
  baseDeclaration: {
    slots: { "allow-installation": { "slot-snap-type": ["core"] } },
  },
  connectedPlug: {
    apparmor: (ctx) => `${RULES}
# The snap's own desktop files.
${ownDesktopFiles(ctx.plugSnap)}
`,
    // The accessibility bridge takes screen readers' direct connections.
    seccomp: `
listen
accept
accept4
`,
  },
});
