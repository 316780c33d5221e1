import { describe, expect, it } from "vitest";
import { snippetText, type ConnectedContext, type InterfaceModule } from "../src/iface/index.js";
import { safeUdevMatch } from "../src/backends/validate.js";
import type { AttrMap } from "../src/snap/index.js";
import mod from "./physical-memory-observe.js";
import { connectedContext, ruleLines, udevOf as udevOfRole } from "./test-support.js";

const m: InterfaceModule = mod;
const ctx = (plugAttrs: AttrMap = {}, slotAttrs: AttrMap = {}): ConnectedContext => connectedContext(m, plugAttrs, slotAttrs);
const lines = ruleLines;
const udevOf = (c: ConnectedContext): readonly string[] => udevOfRole(m, "connectedPlug", c);

describe("physical-memory-observe", () => {
  it("tags exactly the intended devices, with acceptable udev matches", () => {
    expect(udevOf(ctx())).toEqual(['KERNEL=="mem"']);
    for (const u of udevOf(ctx())) expect(safeUdevMatch(u, "t")).toBe(u);
  });
  it("grants exactly the intended device nodes", () => {
    const devs = lines(snippetText(m.connectedPlug!.apparmor, ctx())).filter((l) => l.startsWith("/dev/"));
    expect(devs).toEqual(['/dev/mem r,']);
  });
  it("reads page maps, and has no raw I/O capability", () => {
    const all = lines(snippetText(m.connectedPlug!.apparmor, ctx()));
    expect(all).toContain("@{PROC}/@{pids}/pagemap r,");
    expect(all).not.toContain("capability sys_rawio,");
  });
});
