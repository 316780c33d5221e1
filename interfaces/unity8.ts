import { defineInterface } from "../src/iface/index.js";
import { SESSION_BUS_STRICT } from "./dbus.js";

export default defineInterface({
  name: "unity8",
  summary: "allows running as an application under the Unity 8 shell, or being that shell",
  implicitOn: { core: false, classic: false },
  baseDeclaration: {
    plugs: { "allow-installation": false },
    slots: { "allow-installation": { "slot-snap-type": ["app"] }, "deny-connection": true },
  },
  connectedPlug: {
    apparmor: (ctx) => `
# The session bus (AppArmor's dbus-session-strict abstraction, as snapd includes it).
${SESSION_BUS_STRICT}
# Fonts (AppArmor's fonts abstraction, as snapd includes it) and the font cache.
/usr/share/AbiSuite/fonts/** r,
/usr/lib/xorg/modules/fonts/**.so* mr,
/usr/share/fonts/{,**} r,
/usr/share/fonts-*/{,**} r,
/etc/fonts/** r,
/usr/share/{fontconfig,fonts-config,*-fonts}/conf.avail/{,**} r,
/usr/share/ghostscript/fonts/{,**} r,
/opt/kde3/share/fonts/** r,
/usr/lib{,32,64}/openoffice/share/fonts/** r,
/var/cache/fonts/** r,
/var/cache/fontconfig/ r,
/var/cache/fontconfig/** mr,
/var/lib/defoma/** mr,
/usr/share/a2ps/fonts/** r,
/usr/share/xfce/fonts/** r,
/usr/share/javascript/*/fonts/** r,
/usr/share/texmf/{,*/}fonts/** r,
/usr/share/texlive/texmf-dist/fonts/** r,
/var/lib/ghostscript/** r,
owner @{HOME}/.fonts.conf r,
owner @{HOME}/.fonts/ r,
owner @{HOME}/.fonts/** r,
owner @{HOME}/.local/share/fonts/ r,
owner @{HOME}/.local/share/fonts/** r,
owner @{HOME}/.fonts.cache-2 mr,
owner @{HOME}/.{,cache/}fontconfig/ rw,
owner @{HOME}/.{,cache/}fontconfig/** mrl,
owner @{HOME}/.fonts.conf.d/ r,
owner @{HOME}/.fonts.conf.d/** r,
owner @{HOME}/.config/fontconfig/ r,
owner @{HOME}/.config/fontconfig/** r,
owner @{HOME}/.Fontmatrix/Activated/ r,
owner @{HOME}/.Fontmatrix/Activated/** r,
/usr/local/share/fonts/ r,
/usr/local/share/fonts/** r,
/usr/share/poppler/cMap/** r,
/usr/share/libthai/thbrk.tri r,
# GSettings schemas wherever the desktop parts of a snap look for them.
/usr/share/glib*/schemas/{,*} r,
/usr/share/gnome/glib*/schemas/{,*} r,
/usr/share/ubuntu/glib*/schemas/{,*} r,
# Opening URLs: the shell launches the handler out of process, in the
# foreground, from a fixed list of URL types, so any app may ask.
dbus (send) bus=session path=/com/canonical/URLDispatcher interface=com.canonical.URLDispatcher member=DispatchURL peer=(name=com.canonical.URLDispatcher, label=${ctx.slotLabel}),
# The pasteboard, through Content Hub; the shell only lets it be read or
# set on the user's action.
dbus (send) bus=session interface=com.ubuntu.content.dbus.Service path=/ member={CreatePaste,GetAllPasteIds,GetLatestPasteData,GetPasteData,GetPasteSource,PasteFormats,RequestPasteByAppId,SelectPasteForAppId,SelectPasteForAppIdCancelled} peer=(name=com.ubuntu.content.dbus.Service, label=${ctx.slotLabel}),
dbus (receive) bus=session interface=com.ubuntu.content.dbus.Service path=/ member={PasteboardChanged,PasteFormatsChanged,PasteSelected,PasteSelectionCancelled} peer=(name=com.ubuntu.content.dbus.Service, label=${ctx.slotLabel}),
`,
  },
});
