import { describe, expect, it } from "vitest";
import type { InterfaceModule } from "../src/iface/index.js";
import { connectedContext, ruleLines, seccompOf, snippet, udevOf } from "./test-support.js";
import mod from "./media-control.js";

const m: InterfaceModule = mod;
const ctx = () => connectedContext(m, {}, {}, { system: true });
const rules = () => ruleLines(snippet(m, "connectedPlug", ctx()));

describe("media-control", () => {
  it.each([
    "/dev/media[0-9]* rwk,",
    "/dev/v4l-subdev[0-9]* rw,",
  ])("the connected plug grants %s", (line) => {
    expect(rules()).toContain(line);
  });

  it("tags the media and sub-device nodes", () => {
    expect(udevOf(m, "connectedPlug", ctx())).toEqual(['SUBSYSTEM=="media", KERNEL=="media[0-9]*"', 'SUBSYSTEM=="video4linux", KERNEL=="v4l-subdev[0-9]*"']);
  });
});
