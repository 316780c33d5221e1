import { describe, expect, it } from "vitest";
import { type ConnectedContext, type InterfaceModule } from "../src/iface/index.js";
import type { AttrMap } from "../src/snap/index.js";
import { connectedContext, ruleLines, snippet, udevOf as udevFor } from "./test-support.js";

/** app:x connected to provider:x (or to the system snap), with these attributes. */
const connect = (m: InterfaceModule, plugAttrs: AttrMap, slotAttrs: AttrMap, system = false) => connectedContext(m, plugAttrs, slotAttrs, { system });
const apparmorOf = (m: InterfaceModule, ctx: ConnectedContext) => snippet(m, "connectedPlug", ctx);
const udevOf = (m: InterfaceModule, ctx: ConnectedContext) => udevFor(m, "connectedPlug", ctx);
const rules = ruleLines;
import hardwareObserve from "./hardware-observe.js";

describe("hardware-observe", () => {
  it("only reads: no file rule grants write, lock or link, and no device node is granted", () => {
    const r = rules(apparmorOf(hardwareObserve, connect(hardwareObserve, {}, {}, true)));
    const fileRules = r.filter((l) => l.startsWith("/") || l.startsWith("@{PROC}"));
    expect(fileRules.length).toBeGreaterThan(10);
    for (const l of fileRules) expect(l, l).toMatch(/ (r|ixr),$/);
    expect(fileRules.filter((l) => l.startsWith("/dev/"))).toEqual(["/dev/bus/usb/ r,", "/dev/bus/usb/[0-9][0-9][0-9]/ r,"]);
    expect(r.some((l) => l.startsWith("capability"))).toBe(false);
    expect(udevOf(hardwareObserve, connect(hardwareObserve, {}, {}, true))).toEqual([]);
  });
});
