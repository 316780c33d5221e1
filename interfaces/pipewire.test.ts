import { describe, expect, it } from "vitest";
import type { InterfaceModule } from "../src/iface/index.js";
import { connectedContext, permanentContext, ruleLines, seccompOf, snippet } from "./test-support.js";
import mod from "./pipewire.js";

const m: InterfaceModule = mod;
const plugRules = (system: boolean) => ruleLines(snippet(m, "connectedPlug", connectedContext(m, {}, {}, { system, slotSnap: "pw-server" })));

describe("pipewire", () => {
  it.each<[string, string, boolean]>([
    ["the host's", "owner /run/user/[0-9]*/pipewire-[0-9] rw,", true],
    ["the host's", "owner /run/user/[0-9]*/ r,", true],
    ["a snap's", "owner /run/user/[0-9]*/pipewire-[0-9] rw,", false],
    ["a snap's", "owner /run/user/[0-9]*/snap.pw-server/pipewire-[0-9] rw,", false],
    ["a snap's", "owner /var/snap/pw-server/common/pipewire-[0-9] rw,", false],
  ])("a client of %s server gets %s", (_l, line, system) => {
    expect(plugRules(system)).toContain(line);
  });

  it("keeps the host's server's clients out of snap directories", () => {
    expect(plugRules(true).some((l) => l.includes("snap"))).toBe(false);
    expect(ruleLines(seccompOf(m, "connectedPlug", connectedContext(m)))).toEqual(["shmctl"]);
  });

  it("lets the server make its sockets and serve them", () => {
    const ctx = permanentContext(m);
    expect(ruleLines(snippet(m, "permanentSlot", ctx))).toContain("owner /run/user/[0-9]*/pipewire-[0-9]-manager rwk,");
    expect(ruleLines(seccompOf(m, "permanentSlot", ctx))).toEqual(["personality", "setpriority", "bind", "listen", "accept", "accept4", "shmctl", "socket AF_NETLINK - NETLINK_KOBJECT_UEVENT"]);
  });
});
