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
import u2fDevices from "./u2f-devices.js";

describe("u2f-devices", () => {
  it("tags FIDO tokens only, and grants hidraw nodes (the cgroup narrows them to tagged ones)", () => {
    const ctx = connect(u2fDevices, {}, {}, true);
    expect(devRules(apparmorOf(u2fDevices, ctx))).toEqual(["/dev/hidraw[0-9]* rw,"]);
    expect(udevOf(u2fDevices, ctx)).toEqual(['SUBSYSTEM=="hidraw", ENV{ID_FIDO_TOKEN}=="1"']);
    for (const u of udevOf(u2fDevices, ctx)) expect(safeUdevMatch(u, "t")).toBe(u);
  });
});
