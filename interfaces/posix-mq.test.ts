import { describe, expect, it } from "vitest";
import { AttributeProblem, makeRegistry, type HostFeatures } from "../src/iface/index.js";
import { UnsupportedOnHost } from "../src/backends/snippets.js";
import { DEFAULT_DEVICE } from "../src/device/index.js";
import { makePaths } from "../src/paths/index.js";
import { planSnap } from "../src/plan/index.js";
import { Repository } from "../src/repo/index.js";
import { parseSnapYaml } from "../src/snap/index.js";
import { connectedContext, endpointOf, permanentContext, ruleLines, seccompOf, snippet } from "./test-support.js";
import posixMq from "./posix-mq.js";

const WITH_MQUEUE: HostFeatures = { apparmorParser: new Set(["mqueue-posix"]) };
const slotWith = (attrs: object) => posixMq.sanitizeSlot!(endpointOf(posixMq, "provider", attrs as never));
const connect = (slot: object) => ({ ...connectedContext(posixMq, { "posix-mq": "q" }, slotWith({ "posix-mq": "q", ...slot })), host: WITH_MQUEUE });

describe("posix-mq", () => {
  it.each([
    [{ path: "/orders" }, ['mqueue (read write open getattr setattr) type=posix "/orders",', 'mqueue (getattr) type=posix "/",'], ["mq_open", "mq_getsetattr", "mq_timedreceive", "mq_timedreceive_time64", "mq_notify", "mq_timedsend", "mq_timedsend_time64"]],
    [{ path: ["a", "/b"], permissions: ["read"] }, ['mqueue (read open getattr) type=posix "/a",', 'mqueue (read open getattr) type=posix "/b",', 'mqueue (getattr) type=posix "/",'], ["mq_open", "mq_getsetattr", "mq_timedreceive", "mq_timedreceive_time64", "mq_notify"]],
    [{ path: "/x", permissions: ["create", "delete"] }, ['mqueue (create delete open) type=posix "/x",', 'mqueue (getattr) type=posix "/",'], ["mq_open", "mq_getsetattr", "mq_unlink"]],
  ])("gives a connected plug the slot's queues %j with the slot's permissions, in AppArmor and seccomp", (slot, rules, calls) => {
    const ctx = connect(slot);
    expect(ruleLines(snippet(posixMq, "connectedPlug", ctx))).toEqual(rules);
    expect(ruleLines(seccompOf(posixMq, "connectedPlug", ctx))).toEqual(calls);
  });

  it("lets the slot's snap do everything with its own queues", () => {
    const ctx = permanentContext(posixMq, slotWith({ path: "/orders", permissions: ["read"] }));
    expect(ruleLines(snippet(posixMq, "permanentSlot", ctx))).toEqual(['mqueue (open read write create delete getattr setattr) type=posix "/orders",']);
    expect(ruleLines(seccompOf(posixMq, "permanentSlot", ctx))).toContain("mq_unlink");
  });

  it("names the queue set after the plug or slot unless told", () => {
    expect(posixMq.sanitizePlug!(endpointOf(posixMq, "app", {}))["posix-mq"]).toBe("x");
    expect(slotWith({ path: "/a", "posix-mq": "set" })["posix-mq"]).toBe("set");
  });

  it.each([
    [{}, /must name its queues/],
    [{ path: [] }, /at least one queue/],
    [{ path: "" }, /non-empty/],
    [{ path: "/a/b" }, /not a POSIX message queue name/],
    [{ path: "/" + "q".repeat(256) }, /not a POSIX message queue name/],
    [{ path: "/a*" }, /not allowed/],
    [{ path: '/a",\n  /etc/shadow r' }, /not allowed|not a POSIX/],
    [{ path: "/a{b,c}" }, /not allowed/],
    [{ path: "/.." }, /not allowed|canonical|clean/],
    [{ path: 7 }, /queue name or a list/],
    [{ path: "/a", permissions: ["read", "exec"] }, /permissions\[1\] "exec" is not one of/],
    [{ path: "/a", permissions: "read" }, /must be a list/],
    [{ path: "/a", "posix-mq": 3 }, /must be a string/],
  ])("refuses the slot %j", (attrs, why) => {
    expect(() => slotWith(attrs)).toThrow(AttributeProblem);
    expect(() => slotWith(attrs)).toThrow(why);
  });

  it("cannot be set up where the parser has no mqueue rules, and says so before anything is written", () => {
    const registry = makeRegistry([posixMq]);
    const repo = new Repository(registry, DEFAULT_DEVICE);
    repo.addSnap(parseSnapYaml("name: provider\nversion: '1'\napps:\n  a:\n    command: a\nslots:\n  q:\n    interface: posix-mq\n    path: /orders\n", { file: "p" }), "1");
    const plan = () => planSnap(makePaths("/r"), repo, registry, repo.snap("provider")!);
    expect(plan).toThrow(UnsupportedOnHost);
    expect(plan).toThrow(/snap "provider": cannot set up posix-mq slot q .*AppArmor 4\.0 or newer/);
    expect([...planSnap(makePaths("/r"), repo, registry, repo.snap("provider")!, WITH_MQUEUE).values()].join("")).toContain('type=posix "/orders"');
  });
});
