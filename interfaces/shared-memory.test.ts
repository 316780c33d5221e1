import { describe, expect, it } from "vitest";
import { AttributeProblem, snippetText, type ConnectedContext, type InterfaceModule } from "../src/iface/index.js";
import type { AttrMap } from "../src/snap/index.js";
import { connectedContext, plugInfo as endpoint, ruleLines, snippet } from "./test-support.js";

/** app:x connected to gadget:x (or to the system snap), with these attributes. */
const connect = (m: InterfaceModule, plugAttrs: AttrMap, slotAttrs: AttrMap, system = false) => connectedContext(m, plugAttrs, slotAttrs, { system, slotSnap: "gadget" });
const apparmorOf = (m: InterfaceModule, ctx: ConnectedContext) => snippet(m, "connectedPlug", ctx);
const rules = ruleLines;
import sharedMemory from "./shared-memory.js";

describe("shared-memory", () => {
  it.each<[string, AttrMap, RegExp]>([
    ["private as text", { private: "yes" }, /true or false/],
    ["a name with private", { private: true, "shared-memory": "x" }, /must not be set together/],
    ["a bad name", { "shared-memory": "a b" }, /shared-memory name/],
  ])("plug refuses %s", (_l, attrs, re) => {
    expect(() => sharedMemory.sanitizePlug!(endpoint("app", "shared-memory", attrs))).toThrow(AttributeProblem);
    expect(() => sharedMemory.sanitizePlug!(endpoint("app", "shared-memory", attrs))).toThrow(re);
  });

  it.each<[string, AttrMap, RegExp]>([
    ["no paths", {}, /must set "read" or "write"/],
    ["a slash", { read: ["a/b"] }, /without '\/'/],
    ["a dot-dot", { write: [".."] }, /not a usable name/],
    ["two stars", { read: ["a*b*"] }, /at most one \*/],
    ["a double star", { read: ["a**"] }, /at most one \*/],
    ["a lone star", { write: ["*"] }, /not a usable name/],
    ["an alternation", { read: ["{a,b}"] }, /not allowed/],
    ["an injected rule", { write: ["x rw,\n/** rwx"] }, /without .\/.|not allowed/],
    ["an injected rule without slashes", { write: ["x rw, y"] }, /not allowed/],
    ["a string instead of a list", { read: "x" }, /must be a list/],
  ])("slot refuses %s", (_l, attrs, re) => {
    expect(() => sharedMemory.sanitizeSlot!(endpoint("gadget", "shared-memory", attrs))).toThrow(AttributeProblem);
    expect(() => sharedMemory.sanitizeSlot!(endpoint("gadget", "shared-memory", attrs))).toThrow(re);
  });

  it("fills in defaults as snapd does", () => {
    expect(sharedMemory.sanitizePlug!(endpoint("app", "shared-memory", {}))).toEqual({ private: false, "shared-memory": "x" });
    expect(sharedMemory.sanitizePlug!(endpoint("app", "shared-memory", { private: true }))).toEqual({ private: true });
    expect(sharedMemory.sanitizeSlot!(endpoint("gadget", "shared-memory", { read: ["a"] }))).toEqual({ read: ["a"], "shared-memory": "x" });
  });

  it("gives the consumer read-only and writable objects as the slot says, and the provider all of them", () => {
    const ctx = connect(sharedMemory, { "shared-memory": "x", private: false }, { "shared-memory": "x", read: ["ro"], write: ["rw-*"] });
    expect(rules(apparmorOf(sharedMemory, ctx))).toEqual(["/{dev,run}/shm/ro r,", "/{dev,run}/shm/rw-* mrwlk,"]);
    expect(rules(snippetText(sharedMemory.connectedSlot?.apparmor, ctx))).toEqual(["/{dev,run}/shm/ro mrwlk,", "/{dev,run}/shm/rw-* mrwlk,"]);
    expect(sharedMemory.connectedPlug!.mount!(ctx)).toEqual([]);
  });

  it("gives a private plug its own /dev/shm", () => {
    const ctx = connect(sharedMemory, { private: true }, {}, true);
    expect(rules(apparmorOf(sharedMemory, ctx))).toEqual(["/dev/shm/** mrwlkix,"]);
    expect(sharedMemory.connectedPlug!.mount!(ctx)).toEqual([{ source: "/dev/shm/snap.app", target: "/dev/shm", readOnly: false }]);
    expect(snippetText(sharedMemory.connectedSlot?.apparmor, ctx)).toBe("");
  });

  it("ignores attributes snapd does not check", () => {
    expect(sharedMemory.sanitizePlug!(endpoint("app", "shared-memory", { other: 1 }))).toEqual({ other: 1, private: false, "shared-memory": "x" });
    expect(sharedMemory.sanitizeSlot!(endpoint("gadget", "shared-memory", { read: ["a"], other: 1 }))).toEqual({ read: ["a"], other: 1, "shared-memory": "x" });
  });
});
