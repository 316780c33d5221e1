import { describe, expect, it } from "vitest";
import type { InterfaceModule } from "../src/iface/index.js";
import { connectedContext, ruleLines, seccompOf, snippet, udevOf } from "./test-support.js";
import mod from "./gpg-public-keys.js";

const m: InterfaceModule = mod;
const ctx = () => connectedContext(m, {}, {}, { system: true });
const rules = () => ruleLines(snippet(m, "connectedPlug", ctx()));

describe("gpg-public-keys", () => {
  it.each([
    "owner @{HOME}/.gnupg/pubring.kbx r,",
    "owner @{HOME}/.gnupg/trustedkeys.gpg r,",
    "owner @{HOME}/.gnupg/openpgp-revocs.d/{,*} r,",
    "owner @{HOME}/.gnupg/pubring.kbx.lock rwk,",
    "owner @{HOME}/.gnupg/.#lk0x* w,",
  ])("the connected plug grants %s", (line) => {
    expect(rules()).toContain(line);
  });

  it("reads no secret keys", () => {
    expect(rules().some((l) => l.includes("{,**}") || l.includes("private-keys") || l.includes("secring"))).toBe(false);
    expect(rules()).toContain("deny @{HOME}/.gnupg/trustdb.gpg w,");
  });
});
