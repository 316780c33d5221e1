import { describe, expect, it } from "vitest";
import type { InterfaceModule } from "../src/iface/index.js";
import { connectedContext, permanentContext, ruleLines, seccompOf, snippet, udevOf, type Role } from "./test-support.js";
import mod from "./mir.js";

const m: InterfaceModule = mod;
const rendered = (role: Role) => ruleLines(role === "permanentSlot" ? snippet(m, role, permanentContext(m)) : snippet(m, role as "connectedPlug" | "connectedSlot", connectedContext(m)));

describe("mir", () => {
  it.each<[Role, string]>([
    ["connectedPlug", 'unix (receive, send) type=seqpacket addr=none peer=(label="snap.provider.*"),'],
    ["connectedPlug", "/run/user/[0-9]*/mir_socket rw,"],
    ["connectedPlug", "/{dev,run}/shm/\\#[0-9]* mrw,"],
    ["connectedSlot", 'unix (receive, send) type=seqpacket addr=none peer=(label="snap.app.app"),'],
    ["permanentSlot", "capability sys_admin,"],
    ["permanentSlot", "/dev/input/* rw,"],
    ["permanentSlot", "/run/udev/data/+input:input[0-9]* r,"],
  ])("%s grants %s", (role, line) => {
    expect(rendered(role)).toContain(line);
  });

  it("serves clients and tags the terminals and input devices", () => {
    expect(ruleLines(seccompOf(m, "permanentSlot", permanentContext(m)))).toEqual(["bind", "listen", "accept", "accept4", "shmctl", "socket AF_NETLINK - NETLINK_KOBJECT_UEVENT"]);
    expect(udevOf(m, "permanentSlot", permanentContext(m))).toEqual(['KERNEL=="tty[0-9]*"', 'KERNEL=="mice"', 'KERNEL=="mouse[0-9]*"', 'KERNEL=="event[0-9]*"', 'KERNEL=="ts[0-9]*"']);
    expect(rendered("connectedPlug").some((l) => l.includes("/dev/input"))).toBe(false);
  });
});
