import { describe, expect, it } from "vitest";
import { type InterfaceModule } from "../src/iface/index.js";
import mod from "./cifs-mount.js";
import { connectedContext, ruleLines, seccompOf, snippet } from "./test-support.js";

const m: InterfaceModule = mod;
const ctx = connectedContext(m, {}, {}, { system: true });
const rules = ruleLines(snippet(m, "connectedPlug", ctx));

describe("cifs-mount", () => {
  it("mounts //SERVER/SHARE only inside the snap's writable data, and unmounts there", () => {
    expect(rules).toEqual([
      "capability sys_admin,",
      "mount fstype=cifs //** -> /var/snap/@{SNAP_NAME}/@{SNAP_REVISION}/{,**},",
      "mount fstype=cifs //** -> /var/snap/@{SNAP_NAME}/common/{,**},",
      "umount /var/snap/@{SNAP_NAME}/@{SNAP_REVISION}/{,**},",
      "umount /var/snap/@{SNAP_NAME}/common/{,**},",
    ]);
  });
  it("allows the mount calls", () => {
    expect(ruleLines(seccompOf(m, "connectedPlug", ctx))).toEqual(["mount", "umount", "umount2"]);
  });
});
