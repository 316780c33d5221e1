import { describe, expect, it } from "vitest";
import { type InterfaceModule } from "../src/iface/index.js";
import mod from "./nfs-mount.js";
import { connectedContext, ruleLines, seccompOf, snippet } from "./test-support.js";

const m: InterfaceModule = mod;
const ctx = connectedContext(m, {}, {}, { system: true });
const rules = ruleLines(snippet(m, "connectedPlug", ctx));

describe("nfs-mount", () => {
  it("mounts HOST:PATH shares only inside the snap's writable data, and unmounts there", () => {
    expect(rules.filter((l) => /^u?mount /.test(l))).toEqual([
      "mount fstype=nfs{,4} *:** -> /var/snap/@{SNAP_NAME}/@{SNAP_REVISION}/{,**},",
      "mount fstype=nfs{,4} *:** -> /var/snap/@{SNAP_NAME}/common/{,**},",
      "umount fstype=nfs{,4} /var/snap/@{SNAP_NAME}/@{SNAP_REVISION}/{,**},",
      "umount fstype=nfs{,4} /var/snap/@{SNAP_NAME}/common/{,**},",
    ]);
  });
  it.each(["capability sys_admin,", "/{,usr/}bin/umount ixr,", "/etc/rpc r,"])("grants %s", (rule) => {
    expect(rules).toContain(rule);
  });
  it("allows the mount calls", () => {
    expect(ruleLines(seccompOf(m, "connectedPlug", ctx))).toEqual(["mount", "umount", "umount2"]);
  });
});
