import { describe, expect, it } from "vitest";
import type { InterfaceModule } from "../src/iface/index.js";
import { globToRegExp } from "../src/denials/index.js";
import mod from "./docker.js";
import { connectedContext, ruleLines, seccompOf, snippet } from "./test-support.js";

const m: InterfaceModule = mod;
const ctx = connectedContext(m, {}, {}, { slotSnap: "docker" });

describe("docker", () => {
  it("grants the connected plug exactly the daemon's socket, as snapd does", () => {
    // Pinned on purpose: any further rule here reaches a root-equivalent API
    // by another path, and must be argued for against snapd's docker interface.
    expect(snippet(m, "connectedPlug", ctx)).toBe(`
# The Docker daemon's API socket, under /run or the older /var/run.
/{,var/}run/docker.sock rw,
`);
    expect(ruleLines(snippet(m, "connectedPlug", ctx))).toEqual(["/{,var/}run/docker.sock rw,"]);
  });

  it.each([
    ["/run/docker.sock", true],
    ["/var/run/docker.sock", true],
    ["/run/docker.sock.bak", false],
    ["/run/containerd/containerd.sock", false],
    ["/run/docker/plugins/x.sock", false],
    ["/etc/shadow", false],
  ])("%s is granted: %s", (file, granted) => {
    const re = globToRegExp("/{,var/}run/docker.sock");
    expect(re.test(file)).toBe(granted);
  });

  it("allows the client snapd's two extra system calls, and nothing else", () => {
    expect(ruleLines(seccompOf(m, "connectedPlug", ctx))).toEqual(["bind", "socket AF_NETLINK - NETLINK_GENERIC"]);
  });

  it("gives the slot side nothing: the daemon's socket comes with docker-support", () => {
    expect(m.connectedSlot).toBeUndefined();
    expect(m.permanentSlot).toBeUndefined();
    expect(m.permanentPlug).toBeUndefined();
  });


  it("is implicit on classic, as in snapd (the host's daemon)", () => {
    expect(m.implicitOn).toEqual({ core: false, classic: true });
  });
});
