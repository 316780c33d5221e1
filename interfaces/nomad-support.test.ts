import { describe, expect, it } from "vitest";
import { type InterfaceModule } from "../src/iface/index.js";
import { globToRegExp } from "../src/denials/index.js";
import mod from "./nomad-support.js";
import { connectedContext, ruleLines, seccompOf, snippet } from "./test-support.js";

const m: InterfaceModule = mod;
const ctx = connectedContext(m, {}, {}, { system: true });
const rules = ruleLines(snippet(m, "connectedPlug", ctx));
const grants = (file: string, perms: string) =>
  rules.some((l) => {
    const r = /^(\/\S*|@\{PROC\}\S*) ([a-z]+),$/.exec(l);
    return r !== null && globToRegExp(r[1]!.replace(/^@\{PROC\}/, "/proc")).test(file) && [...perms].every((p) => r[2]!.includes(p));
  });

describe("nomad-support", () => {
  it.each([
    ["/sys/fs/cgroup/cgroup.subtree_control", "rw", true],
    ["/sys/fs/cgroup/nomad.slice/cpuset.cpus", "rw", true],
    ["/sys/fs/cgroup/nomad.slice/share.slice/task.scope/cgroup.procs", "rw", true],
    ["/sys/fs/cgroup/nomad.slice/abc.scope/memory.max", "rw", true],
    ["/sys/fs/cgroup/system.slice/docker-abc.scope/cpuset.cpus", "rw", true],
    ["/proc/driver/nvidia/capabilities/mig/config", "r", true],
    ["/sys/fs/cgroup/user.slice/cgroup.procs", "w", false],
    ["/sys/fs/cgroup/system.slice/docker-abc.scope/cgroup.procs", "w", false],
  ])("%s (%s): %s", (file, perms, granted) => {
    expect(grants(file, perms)).toBe(granted);
  });

  it("changes owners freely, with only calls that exist", () => {
    expect(ruleLines(seccompOf(m, "connectedPlug", ctx))).toEqual(["chown", "chown32", "fchown", "fchown32", "fchownat", "lchown"]);
    expect(rules).toEqual(expect.arrayContaining(["capability chown,", "capability dac_override,"]));
  });
});
