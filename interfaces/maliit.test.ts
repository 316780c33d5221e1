import { describe, expect, it } from "vitest";
import type { InterfaceModule } from "../src/iface/index.js";
import { connectedContext, permanentContext, ruleLines, seccompOf, snippet, type Role } from "./test-support.js";
import mod from "./maliit.js";

const m: InterfaceModule = mod;
const rendered = (role: Role) => ruleLines(role === "permanentSlot" ? snippet(m, role, permanentContext(m)) : snippet(m, role as "connectedPlug" | "connectedSlot", connectedContext(m)));

describe("maliit", () => {
  it.each<[Role, string]>([
    ["connectedPlug", 'dbus (send) bus=session interface=org.maliit.Server.Address path=/org/maliit/server/address peer=(label="snap.provider.*"),'],
    ["connectedPlug", 'unix (send, receive, connect) type=stream addr=none peer=(label="snap.provider.*", addr="@/tmp/maliit-server/dbus-*"),'],
    ["connectedSlot", 'unix (receive, send) type=stream addr="@/tmp/maliit-server/dbus-*" peer=(label="snap.app.app"),'],
    ["permanentSlot", "dbus (bind) bus=session name=org.maliit.server,"],
    ["permanentSlot", 'unix (bind, listen, accept) type=stream addr="@/tmp/maliit-server/dbus-*",'],
  ])("%s grants %s", (role, line) => {
    expect(rendered(role)).toContain(line);
  });

  it("listens and accepts without a seccomp bind, as snapd", () => {
    expect(ruleLines(seccompOf(m, "permanentSlot", permanentContext(m)))).toEqual(["listen", "accept", "accept4"]);
  });
});
