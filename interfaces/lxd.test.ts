import { describe, expect, it } from "vitest";
import lxd from "./lxd.js";
import microceph from "./microceph.js";
import { connectedContext, ruleLines, seccompOf, snippet } from "./test-support.js";

describe.each([
  ["lxd", lxd, "/var/snap/lxd/common/lxd/unix.socket rw,"],
  ["microceph", microceph, "/var/snap/microceph/common/state/control.socket rw,"],
] as const)("%s", (_name, m, socket) => {
  const ctx = connectedContext(m, {}, {}, { slotSnap: _name });
  it("grants exactly the daemon's socket and generic netlink, as snapd does", () => {
    expect(ruleLines(snippet(m, "connectedPlug", ctx))).toEqual([socket]);
    expect(ruleLines(seccompOf(m, "connectedPlug", ctx))).toEqual(["socket AF_NETLINK - NETLINK_GENERIC"]);
  });
});
