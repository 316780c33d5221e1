import { defineInterface, type ConnectedContext } from "../src/iface/index.js";
import { safeAbsolutePath } from "../src/backends/validate.js";
import { SESSION_BUS_STRICT } from "./dbus.js";

const DL = "/com/canonical/applications/download";

/** A security tag as D-Bus object paths spell it: letters and digits kept, every other byte as _xx. */
export function dbusSafePath(s: string): string {
  return [...Buffer.from(s, "utf8")].map((b) => (/[A-Za-z0-9]/.test(String.fromCharCode(b)) ? String.fromCharCode(b) : `_${b.toString(16).padStart(2, "0")}`)).join("");
}

/**
 * The object-path element of the plug's downloads. The manager files each
 * download under its owner's security tag, and snapd gives every app the
 * element of its own tag. Plugboard renders one snippet for all the plug's
 * apps and hooks, so it names each of their elements: an app of the snap
 * can also reach downloads its sibling apps on this plug started.
 */
function ownTagElements(ctx: ConnectedContext): string | undefined {
  const tags = [...ctx.plug.apps.map((a) => `snap.${ctx.plugSnap.name}.${a}`), ...ctx.plug.hooks.map((h) => `snap.${ctx.plugSnap.name}.hook.${h}`)].map(dbusSafePath);
  if (tags.length === 0) return undefined;
  return tags.length === 1 ? tags[0] : `{${tags.join(",")}}`;
}

export default defineInterface({
  name: "ubuntu-download-manager",
  summary: "allows running the Ubuntu download manager, or having it download files",
  implicitOn: { core: false, classic: false },
  baseDeclaration: {
    slots: { "allow-installation": { "slot-snap-type": ["app"] }, "deny-connection": true },
  },
  connectedPlug: {
    // Deliberately absent: allowGSMDownload, createMmsDownload, exit and
    // setDefaultThrottle, which change the manager for every user of it.
    apparmor: (ctx) => {
      const label = ctx.slotLabel;
      const own = ownTagElements(ctx);
      const mine = own === undefined ? "" : `
# The client's own downloads and download groups.
dbus (receive, send) bus=session path=${DL}/${own}/** interface=com.canonical.applications.Download peer=(label=${label}),
dbus (receive) bus=session path=${DL}/${own}/** interface=org.freedesktop.DBus.Properties peer=(label=${label}),
dbus (receive, send) bus=session path=${DL}/${own}/** interface=com.canonical.applications.GroupDownload peer=(label=${label}),`;
      return `
${SESSION_BUS_STRICT}
# Looking at the manager, and hearing its signals.
dbus (send) bus=session interface=org.freedesktop.DBus.Introspectable path=/ member=Introspect peer=(label=${label}),
dbus (send) bus=session interface=org.freedesktop.DBus.Introspectable path=${DL}/** member=Introspect peer=(label=${label}),
dbus (receive) bus=session interface=com.canonical.applications.Download{,er}Manager peer=(label=${label}),${mine}
# Starting downloads and asking about them, one method at a time.
dbus (send) bus=session path=/ interface=com.canonical.applications.DownloadManager member={createDownload,createDownloadGroup,getAllDownloadsWithMetadata,defaultThrottle,isGSMDownloadAllowed} peer=(label=${label}),
dbus (receive, send) bus=session path=/ interface=com.canonical.applications.DownloadManager member=getAllDownloads peer=(label=${label}),
`;
    },
  },
  connectedSlot: {
    apparmor: (ctx) => {
      const label = ctx.plugLabel;
      // Under the user's home: ~/snap/<client>/common/Downloads.
      const downloads = safeAbsolutePath(`/snap/${ctx.plugSnap.name}/common/Downloads`, `ubuntu-download-manager plug ${ctx.plugSnap.name}`);
      return `
# The client's calls to start and list downloads, and its downloads' objects.
dbus (receive) bus=session path=/ interface=com.canonical.applications.DownloadManager member={getAllDownloads,createDownload} peer=(label=${label}),
dbus (receive) bus=session path=${DL}/** interface=com.canonical.applications.Download peer=(label=${label}),
dbus (send) bus=session path=${DL}/** interface={com.canonical.applications.Download,org.freedesktop.DBus,org.freedesktop.DBus.Properties} peer=(name=org.freedesktop.DBus, label=${label}),
# Writing what it fetches into the client's download directory in the user's home.
owner @{HOME}${downloads}/ rw,
owner @{HOME}${downloads}/** rwk,
`;
    },
  },
  permanentSlot: {
    apparmor: `
# Operating as the download manager: its name, and learning who a caller
# is (pid, uid, AppArmor label) to file the download under its owner.
${SESSION_BUS_STRICT}
dbus (bind) bus=session name=com.canonical.applications.Downloader,
dbus (send) bus=session path=/org/freedesktop/DBus interface=org.freedesktop.DBus member={GetConnectionUnixProcessID,GetConnectionUnixUser,RequestName,ReleaseName} peer=(name=org.freedesktop.DBus, label=unconfined),
dbus (send) bus=session path=/ interface=org.freedesktop.DBus member=GetConnectionAppArmorSecurityContext peer=(name=org.freedesktop.DBus, label=unconfined),
`,
  },
});
