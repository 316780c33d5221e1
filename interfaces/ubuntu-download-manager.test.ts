import { describe, expect, it } from "vitest";
import type { InterfaceModule } from "../src/iface/index.js";
import { connectedContext, permanentContext, ruleLines, snippet, type Role } from "./test-support.js";
import mod, { dbusSafePath } from "./ubuntu-download-manager.js";

const m: InterfaceModule = mod;
const ctx = () => {
  const c = connectedContext(m);
  return { ...c, plug: { ...c.plug, apps: ["app"], hooks: [] } };
};
const rendered = (role: Role) => ruleLines(role === "permanentSlot" ? snippet(m, role, permanentContext(m)) : snippet(m, role as "connectedPlug" | "connectedSlot", ctx()));
const DL = "/com/canonical/applications/download";

describe("ubuntu-download-manager", () => {
  it.each<[Role, string]>([
    ["connectedPlug", `dbus (receive, send) bus=session path=${DL}/snap_2eapp_2eapp/** interface=com.canonical.applications.Download peer=(label="snap.provider.*"),`],
    ["connectedPlug", 'dbus (receive) bus=session interface=com.canonical.applications.Download{,er}Manager peer=(label="snap.provider.*"),'],
    ["connectedPlug", 'dbus (receive, send) bus=session path=/ interface=com.canonical.applications.DownloadManager member=getAllDownloads peer=(label="snap.provider.*"),'],
    ["connectedSlot", "owner @{HOME}/snap/app/common/Downloads/** rwk,"],
    ["connectedSlot", 'dbus (receive) bus=session path=/ interface=com.canonical.applications.DownloadManager member={getAllDownloads,createDownload} peer=(label="snap.app.app"),'],
    ["permanentSlot", "dbus (bind) bus=session name=com.canonical.applications.Downloader,"],
    ["permanentSlot", "dbus (send) bus=session path=/ interface=org.freedesktop.DBus member=GetConnectionAppArmorSecurityContext peer=(name=org.freedesktop.DBus, label=unconfined),"],
  ])("%s grants %s", (role, line) => {
    expect(rendered(role)).toContain(line);
  });

  it("never lets the client call the manager's privileged methods", () => {
    const text = rendered("connectedPlug").join("\n");
    for (const member of ["allowGSMDownload", "createMmsDownload", "exit", "setDefaultThrottle"]) expect(text).not.toMatch(new RegExp(`\\b${member}\\b`));
  });

  it.each([
    ["snap.app.app", "snap_2eapp_2eapp"],
    ["snap.my-app.hook.configure", "snap_2emy_2dapp_2ehook_2econfigure"],
    ["snap.a_b.c", "snap_2ea_5fb_2ec"],
  ])("spells the tag %s as %s in object paths", (tag, path) => {
    expect(dbusSafePath(tag)).toBe(path);
  });

  it("names every app and hook of the plug, and nothing when it has none", () => {
    const c = connectedContext(m);
    const two = { ...c, plug: { ...c.plug, apps: ["a", "b"], hooks: ["configure"] } };
    expect(ruleLines(snippet(m, "connectedPlug", two))).toContain(`dbus (receive) bus=session path=${DL}/{snap_2eapp_2ea,snap_2eapp_2eb,snap_2eapp_2ehook_2econfigure}/** interface=org.freedesktop.DBus.Properties peer=(label="snap.provider.*"),`);
    expect(ruleLines(snippet(m, "connectedPlug", c)).some((l) => l.includes(`${DL}/snap`) || l.includes(`${DL}/{`))).toBe(false);
  });
});
