import { describe, expect, it } from "vitest";
import type { InterfaceModule } from "../src/iface/index.js";
import { connectedContext, ruleLines, seccompOf, snippet, udevOf } from "./test-support.js";
import mod from "./kerberos-tickets.js";

const m: InterfaceModule = mod;
const ctx = () => connectedContext(m, {}, {}, { system: true });
const rules = () => ruleLines(snippet(m, "connectedPlug", ctx()));

describe("kerberos-tickets", () => {
  it.each([
    "owner /var/lib/snapd/hostfs/tmp/krb5cc* rkw,",
  ])("the connected plug grants %s", (line) => {
    expect(rules()).toContain(line);
  });

  it("grants the ticket caches and nothing else", () => {
    expect(rules()).toHaveLength(1);
  });
});
