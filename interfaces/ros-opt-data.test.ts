import { describe, expect, it } from "vitest";
import { type InterfaceModule } from "../src/iface/index.js";
import { globToRegExp } from "../src/denials/index.js";
import mod from "./ros-opt-data.js";
import { connectedContext, ruleLines, snippet } from "./test-support.js";

const m: InterfaceModule = mod;
const rules = ruleLines(snippet(m, "connectedPlug", connectedContext(m, {}, {}, { system: true })));
const readable = (file: string) => rules.some((l) => {
  const r = /^(\/\S*) r,$/.exec(l);
  return r !== null && globToRegExp(r[1]!).test(file);
});

describe("ros-opt-data", () => {
  it.each([
    ["/opt/ros/jazzy/share/robot/urdf/robot.urdf", true],
    ["/opt/ros/jazzy/share/robot/meshes/base.stl", true],
    ["/opt/ros/jazzy/share/robot/config/params.yaml", true],
    ["/opt/ros/jazzy/setup.bash", true],
    ["/opt/ros/jazzy/share/robot/package.xml", true],
    ["/opt/ros/jazzy/share/", true],
    ["/opt/ros/jazzy/lib/libfoo.so", false],
    ["/opt/ros/jazzy/bin/ros2", false],
    ["/opt/other/setup.bash", false],
    ["/etc/shadow", false],
  ])("%s readable: %s", (file, expected) => {
    expect(readable(file)).toBe(expected);
  });

  it("reads the host's /opt/ros directly (snapd's hostfs view of it) and writes nothing", () => {
    expect(rules.every((l) => l.startsWith("/opt/ros/") && l.endsWith(" r,"))).toBe(true);
  });

  it("is implicit on classic only and auto-connects", () => {
    expect(m.implicitOn).toEqual({ core: false, classic: true });
    expect(m.baseDeclaration.slots).toEqual({ "allow-installation": { "slot-snap-type": ["core"] } });
  });
});
