import { describe, expect, it } from "vitest";
import type { InterfaceModule } from "../src/iface/index.js";
import { connectedContext, permanentContext, ruleLines, seccompOf, snippet, type Role } from "./test-support.js";
import mod from "./media-hub.js";

const m: InterfaceModule = mod;
const rendered = (role: Role) => ruleLines(role === "permanentSlot" ? snippet(m, role, permanentContext(m)) : snippet(m, role as "connectedPlug" | "connectedSlot", connectedContext(m)));
const S = "/core/ubuntu/media/Service";

describe("media-hub", () => {
  it.each<[Role, string]>([
    ["connectedPlug", `dbus (send) bus=session interface=core.ubuntu.media.Service{,.*} path=${S} peer=(label="snap.provider.*"),`],
    ["connectedPlug", `dbus (receive, send) bus=session interface=org.freedesktop.DBus.Properties path=${S}{,/**} peer=(label="snap.provider.*"),`],
    ["connectedSlot", `dbus (receive) bus=session interface=core.ubuntu.media.Service{,.*} path=${S} peer=(label="snap.app.app"),`],
    ["permanentSlot", "dbus (bind) bus=session name=core.ubuntu.media.Service,"],
    ["permanentSlot", `dbus (receive, send) bus=session path=${S}/sessions/** interface=org.mpris.MediaPlayer2{,.Player,.TrackList} peer=(label=unconfined),`],
  ])("%s grants %s", (role, line) => {
    expect(rendered(role)).toContain(line);
  });

  it("lets clients call the service but not receive calls from it", () => {
    expect(rendered("connectedPlug").some((l) => l.startsWith("dbus (receive)") && l.includes("core.ubuntu.media.Service"))).toBe(false);
    expect(ruleLines(seccompOf(m, "permanentSlot", permanentContext(m)))).toEqual(["bind"]);
  });
});
