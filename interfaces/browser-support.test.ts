import { describe, expect, it } from "vitest";
import { AttributeProblem } from "../src/iface/index.js";
import type { AttrMap } from "../src/snap/index.js";
import browserSupport from "./browser-support.js";
import { connectedContext, endpointOf, ruleLines, seccompOf, snippet } from "./test-support.js";

const m = browserSupport;
const ctx = (attrs: AttrMap) => connectedContext(m, attrs, {}, { system: true });
const plain = ruleLines(snippet(m, "connectedPlug", ctx({})));
const sandboxed = ruleLines(snippet(m, "connectedPlug", ctx({ "allow-sandbox": true })));
const plainCalls = ruleLines(seccompOf(m, "connectedPlug", ctx({ "allow-sandbox": false })));
const sandboxCalls = ruleLines(seccompOf(m, "connectedPlug", ctx({ "allow-sandbox": true })));

describe("browser-support", () => {
  it.each<[string, AttrMap]>([
    ["a string", { "allow-sandbox": "yes" }],
    ["a number", { "allow-sandbox": 1 }],
  ])("plug refuses allow-sandbox as %s", (_l, attrs) => {
    expect(() => m.sanitizePlug!(endpointOf(m, "app", attrs))).toThrow(AttributeProblem);
    expect(() => m.sanitizePlug!(endpointOf(m, "app", attrs))).toThrow(/must be true or false/);
  });

  it("fills in no default for allow-sandbox, as snapd does not", () => {
    expect(m.sanitizePlug!(endpointOf(m, "app", {}))).toEqual({});
  });

  it.each([
    "owner @{PROC}/@{pid}/oom_score_adj rw,",
    "owner /var/tmp/etilqs_* rw,",
    "owner /{dev,run}/shm/{,.}com.microsoft.Edge.* mrw,",
    "/run/user/[0-9]*/snap.@{SNAP_INSTANCE_NAME}/{,.}org.chromium.*/SS r,",
    "@{PROC}/vmstat r,",
    "/sys/kernel/mm/{hugepages,transparent_hugepage}/{,**} r,",
    "owner @{PROC}/@{pid}/mountinfo r,",
    "deny capability mknod,",
  ])("always grants %s", (rule) => {
    expect(plain).toContain(rule);
  });

  it.each([
    "owner /{dev,run}/shm/.org.chromium.Chromium.* mrw,",
    "/run/udev/data/* r,",
    "/sys/devices/system/cpu/** r,",
    "ptrace (read, trace) peer=snap.@{SNAP_NAME}.*,",
    "@{PROC}/sys/kernel/yama/ptrace_scope r,",
  ])("does not grant %s, which snapd's browser-support does not", (rule) => {
    expect(plain).not.toContain(rule);
    expect(sandboxed).not.toContain(rule);
  });

  it.each(["capability sys_admin,", "capability chown,", "ptrace (trace) peer=snap.@{SNAP_INSTANCE_NAME}.**,", "owner @{PROC}/@{pid}/clear_refs w,", "/run/udev/data/c116:[0-9]* r,"])(
    "grants %s only with allow-sandbox",
    (rule) => {
      expect(sandboxed).toContain(rule);
      expect(plain).not.toContain(rule);
    },
  );

  it("allows the serving calls, renicing and the mknod that AppArmor then refuses", () => {
    expect(plainCalls).toEqual(["bind", "listen", "accept", "accept4", "setpriority", "mknod - |020000 -", "mknodat - - |020000 -"]);
  });

  it("with allow-sandbox adds the sandbox's calls, but not setns", () => {
    expect(sandboxCalls.slice(plainCalls.length)).toEqual([
      "chroot",
      "sched_setscheduler",
      "sched_setaffinity",
      "setuid",
      "setgid",
      "unshare",
      "clone",
      "quotactl",
      "ptrace 16",
      "ptrace 17",
      "ptrace 12",
      "ptrace 14",
      "ptrace 18",
      "ptrace 0x4204",
      "ptrace 2",
      "ptrace 3",
      "ptrace 7",
    ]);
    expect(sandboxCalls).not.toContain("setns");
  });
});
