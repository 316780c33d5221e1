import { describe, expect, it } from "vitest";
import { type InterfaceModule } from "../src/iface/index.js";
import mod from "./kernel-sched-ext-control.js";
import { connectedContext, ruleLines, seccompOf, snippet } from "./test-support.js";

const m: InterfaceModule = mod;
const ctx = connectedContext(m, {}, {}, { system: true });
const rules = ruleLines(snippet(m, "connectedPlug", ctx));

/** Whether one of the rules' AppArmor globs (the shapes used here: [^c], **, {a,b}, {,/}) covers the path with write access. */
function writable(path: string): boolean {
  const toRegex = (glob: string): RegExp => {
    let re = "";
    for (let i = 0; i < glob.length; i++) {
      const c = glob[i]!;
      if (glob.startsWith("**", i)) (re += ".*"), i++;
      else if (c === "*") re += "[^/]*";
      else if (c === "[") {
        const end = glob.indexOf("]", i);
        re += glob.slice(i, end + 1);
        i = end;
      } else if (c === "{") re += "(?:";
      else if (c === "}") re += ")";
      else if (c === ",") re += "|";
      else re += c.replace(/[.+?^$()|\\/]/g, "\\$&");
    }
    return new RegExp(`^${re}$`);
  };
  return rules.filter((l) => / rw,$/.test(l)).some((l) => toRegex(l.split(" ")[0]!).test(path));
}

describe("kernel-sched-ext-control", () => {
  it.each(["capability bpf,", "capability perfmon,", "capability sys_resource,", "/sys/kernel/btf/vmlinux r,", "/sys/kernel/sched_ext/state r,", "/sys/fs/bpf/ r,"])("grants %s", (rule) => {
    expect(rules).toContain(rule);
  });
  it("loads BPF programs", () => {
    expect(ruleLines(seccompOf(m, "connectedPlug", ctx))).toEqual(["bpf"]);
  });
  it.each([
    ["/sys/fs/bpf/scx_map", true],
    ["/sys/fs/bpf/sched/x", true],
    ["/sys/fs/bpf/snapper", true],
    ["/sys/fs/bpf/sna", true],
    ["/sys/fs/bpf/s/", true],
    ["/sys/fs/bpf/snap", false],
    ["/sys/fs/bpf/snap/", false],
    ["/sys/fs/bpf/snap/snap_app", false],
  ])("pins in the BPF file system at %s: %s (never under snap/)", (path, ok) => {
    expect(writable(path)).toBe(ok);
  });
});
