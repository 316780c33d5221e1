import { describe, expect, it } from "vitest";
import { type InterfaceModule } from "../src/iface/index.js";
import mod from "./microovn.js";
import { connectedContext, ruleLines, seccompOf, snippet } from "./test-support.js";

const m: InterfaceModule = mod;
const ctx = connectedContext(m, {}, {}, { slotSnap: "microovn" });

describe("microovn", () => {
  it.each([
    ["apparmor", ["/var/snap/microovn/common/state/control.socket rw,"]],
    ["seccomp", ["socket AF_NETLINK - NETLINK_GENERIC"]],
  ])("grants exactly (%s) %j", (kind, expected) => {
    const text = kind === "apparmor" ? snippet(m, "connectedPlug", ctx) : seccompOf(m, "connectedPlug", ctx);
    expect(ruleLines(text)).toEqual(expected);
  });

  it("has no slot on the system snap, and its slot is for the microovn snap alone", () => {
    expect(m.implicitOn).toEqual({ core: false, classic: false });
    expect(m.baseDeclaration.slots).toEqual({ "allow-installation": false, "deny-auto-connection": true, "deny-connection": true });
  });
});
