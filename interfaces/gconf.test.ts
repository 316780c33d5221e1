import { describe, expect, it } from "vitest";
import type { InterfaceModule } from "../src/iface/index.js";
import { connectedContext, ruleLines, seccompOf, snippet, udevOf } from "./test-support.js";
import mod from "./gconf.js";

const m: InterfaceModule = mod;
const ctx = () => connectedContext(m, {}, {}, { system: true });
const rules = () => ruleLines(snippet(m, "connectedPlug", ctx()));

describe("gconf", () => {
  it.each([
    "dbus (send) bus=session path=/org/gnome/GConf/Server member=Get{,Default}Database peer=(name=org.gnome.GConf),",
    "dbus (receive) bus=session path=/org/gnome/GConf/{Client,Server} interface=org.gnome.GConf.{Client,Server} peer=(label=unconfined),",
    "dbus (send) bus=session path=/org/gnome/GConf/Database/* interface=org.gnome.GConf.Database peer=(label=unconfined),",
  ])("the connected plug grants %s", (line) => {
    expect(rules()).toContain(line);
  });

  it("names the server by bus name only for opening a database", () => {
    expect(rules().filter((l) => l.includes("peer=(name=org.gnome.GConf)"))).toHaveLength(1);
  });
});
