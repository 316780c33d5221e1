import { describe, expect, it } from "vitest";
import { connectedContext, ruleLines, snippet } from "./test-support.js";
import keys from "./ssh-keys.js";
import pub from "./ssh-public-keys.js";

const rulesOf = (m: typeof keys | typeof pub) => ruleLines(snippet(m, "connectedPlug", connectedContext(m, {}, {}, { system: true })));

describe("ssh-keys", () => {
  it("reads the whole ~/.ssh and runs ssh, nothing else", () => {
    expect(rulesOf(keys)).toEqual(["/usr/bin/ssh ixr,", "/etc/ssh/ssh_config r,", "/etc/ssh/ssh_config.d/{,**} r,", "owner @{HOME}/.ssh/{,**} r,"]);
  });
});

describe("ssh-public-keys", () => {
  it.each([
    ["owner @{HOME}/.ssh/*.pub r,", true],
    ["owner @{HOME}/.ssh/environment r,", true],
    ["/etc/ssh/ssh_host_ed25519_key.pub r,", true],
    ["/usr/bin/ssh ixr,", true],
    // Not in snapd's: ssh-keygen.
    ["/usr/bin/ssh-keygen ixr,", false],
  ])("%s granted: %s", (rule, granted) => {
    expect(rulesOf(pub).includes(rule)).toBe(granted);
  });
  it("never reads private keys", () => {
    expect(rulesOf(pub).some((l) => l.includes(".ssh/**") || l.includes(".ssh/* "))).toBe(false);
  });
});
