import { describe, expect, it } from "vitest";
import { snippetText, type ConnectedContext, type InterfaceModule } from "../src/iface/index.js";
import { safeUdevMatch } from "../src/backends/validate.js";
import type { AttrMap } from "../src/snap/index.js";
import mod from "./ppp.js";
import { connectedContext, ruleLines, udevOf as udevOfRole } from "./test-support.js";

const m: InterfaceModule = mod;
const ctx = (plugAttrs: AttrMap = {}, slotAttrs: AttrMap = {}): ConnectedContext => connectedContext(m, plugAttrs, slotAttrs);
const lines = ruleLines;
const udevOf = (c: ConnectedContext): readonly string[] => udevOfRole(m, "connectedPlug", c);
const rules = lines(snippetText(m.connectedPlug!.apparmor, ctx()));

describe("ppp", () => {
  it("tags the PPP device and serial ttys, with acceptable udev matches", () => {
    expect(udevOf(ctx())).toEqual(['KERNEL=="ppp"', 'KERNEL=="tty[a-zA-Z]*[0-9]*"']);
    for (const u of udevOf(ctx())) expect(safeUdevMatch(u, "t")).toBe(u);
  });
  it("grants exactly the intended device nodes", () => {
    expect(rules.filter((l) => l.startsWith("/dev/"))).toEqual(["/dev/ppp rw,", "/dev/tty[^0-9]* rw,"]);
  });
  it("loads ppp_generic", () => {
    expect(mod.connectedPlug.kmod).toEqual({ load: ["ppp_generic"] });
  });
  it.each([
    ["/etc/ppp/** rwix,", true],
    ["/var/log/ppp* rw,", true],
    ["/run/lock/*tty[^0-9]* rw,", true],
    ["@{PROC}/tty/drivers r,", true],
    // Broader than snapd: gone.
    ["capability net_admin,", false],
    ["network pppox,", false],
  ])("%s granted: %s", (rule, granted) => {
    expect(rules.includes(rule)).toBe(granted);
  });
});
