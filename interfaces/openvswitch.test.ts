import { describe, expect, it } from "vitest";
import type { InterfaceModule } from "../src/iface/index.js";
import { connectedContext, ruleLines, seccompOf, snippet, udevOf } from "./test-support.js";
import mod from "./openvswitch.js";

const m: InterfaceModule = mod;
const ctx = () => connectedContext(m, {}, {}, { system: true });
const rules = () => ruleLines(snippet(m, "connectedPlug", ctx()));

describe("openvswitch", () => {
  it.each([
    "/run/openvswitch/db.sock rw,",
    "/run/openvswitch/*.mgmt rw,",
    "/run/openvswitch/ovs-vswitchd.*.ctl rw,",
    "/run/openvswitch/ovs-vswitchd.pid rw,",
  ])("the connected plug grants %s", (line) => {
    expect(rules()).toContain(line);
  });

  it("grants the four socket paths only", () => {
    expect(rules()).toHaveLength(4);
  });
});
