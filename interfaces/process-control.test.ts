import { describe, expect, it } from "vitest";
import { connectedContext, ruleLines, seccompOf, snippet } from "./test-support.js";
import m from "./process-control.js";

const ctx = connectedContext(m, {}, {}, { system: true });
const rules = ruleLines(snippet(m, "connectedPlug", ctx));
const calls = ruleLines(seccompOf(m, "connectedPlug", ctx));

describe("process-control", () => {
  it.each([
    ["capability sys_nice,", true],
    ["capability kill,", true],
    ["signal (send),", true],
    ["@{PROC}/[0-9]*/coredump_filter rw,", true],
    // Broader than snapd: gone.
    ["@{PROC}/[0-9]*/oom_score_adj w,", false],
    ["/{,usr/}bin/chrt ixr,", false],
  ])("AppArmor %s granted: %s", (rule, granted) => {
    expect(rules.includes(rule)).toBe(granted);
  });

  it.each([
    ["nice", true],
    ["setpriority", true],
    ["sched_setattr", true],
    ["prlimit64", true],
    // snapd grants ioprio_set to no one but docker-support.
    ["ioprio_set", false],
  ])("seccomp %s granted: %s", (call, granted) => {
    expect(calls.includes(call)).toBe(granted);
  });
});
