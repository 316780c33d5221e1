import { describe, expect, it } from "vitest";
import type { InterfaceModule } from "../src/iface/index.js";
import { connectedContext, ruleLines, seccompOf, snippet, udevOf } from "./test-support.js";
import mod from "./appstream-metadata.js";

const m: InterfaceModule = mod;
const ctx = () => connectedContext(m, {}, {}, { system: true });
const rules = () => ruleLines(snippet(m, "connectedPlug", ctx()));

describe("appstream-metadata", () => {
  it.each([
    "/usr/share/metainfo/{,**} r,",
    "/usr/share/{app-info,swcatalog}/** r,",
    "/var/lib/{app-info,swcatalog}/** r,",
    "/var/lib/apt/lists/*.yml.gz r,",
  ])("the connected plug grants %s", (line) => {
    expect(rules()).toContain(line);
  });

  it("reads and never writes, and mounts nothing", () => {
    expect(rules().every((l) => l.endsWith(" r,"))).toBe(true);
    expect(m.connectedPlug?.mount).toBeUndefined();
  });
});
