import { describe, expect, it } from "vitest";
import type { InterfaceModule } from "../src/iface/index.js";
import { connectedContext, ruleLines, seccompOf, snippet, udevOf } from "./test-support.js";
import mod from "./gpg-keys.js";

const m: InterfaceModule = mod;
const ctx = () => connectedContext(m, {}, {}, { system: true });
const rules = () => ruleLines(snippet(m, "connectedPlug", ctx()));

describe("gpg-keys", () => {
  it.each([
    "/usr/bin/gpg{,1,2,v} ixr,",
    "owner /run/user/[0-9]*/gnupg/S.* rw,",
    "owner @{HOME}/.gnupg/{,**} r,",
    "owner @{HOME}/.gnupg/random_seed wk,",
  ])("the connected plug grants %s", (line) => {
    expect(rules()).toContain(line);
  });

  it("never lets gpg rewrite the trust database, and writes only the random seed", () => {
    expect(rules()).toContain("deny @{HOME}/.gnupg/trustdb.gpg w,");
    expect(rules().filter((l) => l.includes(".gnupg") && / [a-z]*w[a-z]*,$/.test(l) && !l.startsWith("deny"))).toEqual(["owner @{HOME}/.gnupg/random_seed wk,"]);
  });
});
