import { describe, expect, it } from "vitest";
import { type InterfaceModule } from "../src/iface/index.js";
import mod from "./libvirt.js";
import { connectedContext, ruleLines, seccompOf, snippet } from "./test-support.js";

const m: InterfaceModule = mod;
const ctx = connectedContext(m, {}, {}, { system: true });
const rules = ruleLines(snippet(m, "connectedPlug", ctx));

describe("libvirt", () => {
  it.each([
    ["/run/libvirt/libvirt-sock rw,"],
    ["/run/libvirt/libvirt-sock-ro rw,"],
    ["/etc/libvirt/* r,"],
    // snapd's hostfs path, as the host's own path here.
    ["/var/lib/libvirt/dnsmasq/{,**} r,"],
  ])("grants %s", (rule) => {
    expect(rules).toContain(rule);
  });

  it("grants nothing else, and nothing through snapd's hostfs", () => {
    expect(rules).toHaveLength(4);
    expect(rules.some((l) => l.includes("/var/lib/snapd/"))).toBe(false);
  });

  it("lets the client listen and accept, and nothing more", () => {
    expect(ruleLines(seccompOf(m, "connectedPlug", ctx))).toEqual(["listen", "accept", "accept4"]);
  });

  it("is implicit on classic only", () => {
    expect(m.implicitOn).toEqual({ core: false, classic: true });
  });
});
