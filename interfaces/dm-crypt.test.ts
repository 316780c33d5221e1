import { describe, expect, it } from "vitest";
import type { InterfaceModule } from "../src/iface/index.js";
import dmCrypt from "./dm-crypt.js";
import { connectedContext, ruleLines, seccompOf, snippet, udevOf } from "./test-support.js";

const m: InterfaceModule = dmCrypt;
const ctx = connectedContext(m, {}, {}, { system: true });
const rules = ruleLines(snippet(m, "connectedPlug", ctx));

describe("dm-crypt", () => {
  it.each([
    "/dev/mapper/control rw,",
    "/dev/dm-[0-9]* rwk,",
    "/{,usr/}sbin/cryptsetup ixr,",
    "/{,run/}media/{,**} rw,",
    "mount options=(rw,nosuid,nodev) /dev/dm-[0-9]* -> /{,run/}media/**,",
    "/{,var/}run/mount/utab* wrlk,",
    "/{,var/}run/cryptsetup/* rwk,",
  ])("grants %s, as snapd does", (rule) => {
    expect(rules).toContain(rule);
  });

  it.each(["capability sys_admin,", "capability ipc_lock,", "network alg seqpacket,", "/dev/sd{,[a-h]}[a-z]{,[0-9]*} rwk,", "/dev/loop[0-9]* rwk,", "/dev/mapper/* rw,"])(
    "does not grant %s, which snapd's dm-crypt does not",
    (rule) => {
      expect(rules).not.toContain(rule);
    },
  );

  it("uses the kernel keyring, and no crypto sockets", () => {
    const calls = ruleLines(seccompOf(m, "connectedPlug", ctx));
    expect(calls.slice(0, 3)).toEqual(["add_key", "keyctl", "request_key"]);
    expect(calls).not.toContain("socket AF_ALG");
  });

  it("tags device-mapper and block devices and loads dm_crypt", () => {
    expect(udevOf(m, "connectedPlug", ctx)).toEqual(['KERNEL=="device-mapper"', 'KERNEL=="dm-[0-9]"', 'SUBSYSTEM=="block"']);
    expect(m.connectedPlug?.kmod).toEqual({ load: ["dm_crypt"] });
  });
});
