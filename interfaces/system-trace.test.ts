import { describe, expect, it } from "vitest";
import { connectedContext, ruleLines, seccompOf, snippet } from "./test-support.js";
import m from "./system-trace.js";

const ctx = connectedContext(m, {}, {}, { system: true });
const rules = ruleLines(snippet(m, "connectedPlug", ctx));

describe("system-trace", () => {
  it.each([
    ["capability sys_admin,", true],
    ["/sys/kernel/tracing/** rw,", true],
    ["/sys/kernel/debug/kprobes/** r,", true],
    ["/usr/src/** r,", true],
    // Broader than snapd: gone.
    ["capability perfmon,", false],
    ["/sys/fs/bpf/** rw,", false],
    ["@{PROC}/[0-9]*/{maps,stat,status,comm,cmdline} r,", false],
  ])("%s granted: %s", (rule, granted) => {
    expect(rules.includes(rule)).toBe(granted);
  });

  it("allows the tracing system calls", () => {
    expect(ruleLines(seccompOf(m, "connectedPlug", ctx)).sort()).toEqual(["bpf", "perf_event_open"]);
  });
});
