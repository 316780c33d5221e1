import { describe, expect, it } from "vitest";
import { type ConnectedContext, type InterfaceModule } from "../src/iface/index.js";
import { safeUdevMatch } from "../src/backends/validate.js";
import type { AttrMap } from "../src/snap/index.js";
import { connectedContext, devRuleLines, snippet, udevOf as udevFor } from "./test-support.js";

/** app:x connected to gadget:x (or to the system snap), with these attributes. */
const connect = (m: InterfaceModule, plugAttrs: AttrMap, slotAttrs: AttrMap, system = false) => connectedContext(m, plugAttrs, slotAttrs, { system, slotSnap: "gadget" });
const apparmorOf = (m: InterfaceModule, ctx: ConnectedContext) => snippet(m, "connectedPlug", ctx);
const udevOf = (m: InterfaceModule, ctx: ConnectedContext) => udevFor(m, "connectedPlug", ctx);
const devRules = devRuleLines;
import m from "./scsi-generic.js";

describe("scsi-generic", () => {
  it("grants and tags exactly its devices", () => {
    const ctx = connect(m, {}, {}, true);
    expect(devRules(apparmorOf(m, ctx))).toEqual(["/dev/sg[0-9]* rw,"]);
    expect(udevOf(m, ctx)).toEqual(['KERNEL=="sg[0-9]*"']);
    // Broader than snapd: the sysfs tree and udev records are not granted.
    expect(apparmorOf(m, ctx)).not.toContain("/sys/devices/**/scsi_generic/");
    for (const u of udevOf(m, ctx)) expect(safeUdevMatch(u, "t")).toBe(u);
  });
});
