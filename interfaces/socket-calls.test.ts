import { describe, expect, it } from "vitest";
import type { InterfaceModule } from "../src/iface/index.js";
import { builtinInterfaces, builtinRegistry } from "./index.js";
import { connectedContext, permanentContext, ruleLines, seccompOf, type Role } from "./test-support.js";

// The default seccomp template makes no servers: bind, listen, accept and
// accept4 come only from interfaces. This table says which role of which
// interface grants which of them, as snapd's module of the same name does
// (interfaces/builtin/NAME.go; "@unrestricted" there grants all four). Every
// role not listed must grant none of them.

const CALLS = ["bind", "listen", "accept", "accept4"] as const;
type Call = (typeof CALLS)[number];
const ALL = CALLS;

const SNAPD: Readonly<Record<string, Partial<Record<Role, readonly Call[]>>>> = {
  "account-control": { connectedPlug: ["bind"] },
  "audio-playback": { permanentSlot: ALL },
  "auditd-support": { connectedPlug: ["bind"] },
  "bluetooth-control": { connectedPlug: ["bind"] },
  bluez: { permanentSlot: ALL },
  "browser-support": { connectedPlug: ALL },
  "can-bus": { connectedPlug: ["bind"] },
  "classic-support": { connectedPlug: ["bind"] },
  dbus: { permanentSlot: ["listen", "accept", "accept4"] },
  "desktop-legacy": { connectedPlug: ["listen", "accept", "accept4"] },
  docker: { connectedPlug: ["bind"] },
  "docker-support": { connectedPlug: ALL },
  "firewall-control": { connectedPlug: ["bind"] },
  fwupd: { connectedPlug: ["bind"], permanentSlot: ["bind"] },
  "hardware-observe": { connectedPlug: ["bind"] },
  "hostname-control": { connectedPlug: ["bind"] },
  "kernel-crypto-api": { connectedPlug: ["bind", "accept"] },
  "kubernetes-support": { connectedPlug: ["bind"] },
  libvirt: { connectedPlug: ["listen", "accept", "accept4"] },
  "lxd-support": { connectedPlug: ALL },
  maliit: { permanentSlot: ["listen", "accept", "accept4"] },
  "media-hub": { permanentSlot: ["bind"] },
  mir: { permanentSlot: ALL },
  "modem-manager": { permanentSlot: ALL },
  "netlink-audit": { connectedPlug: ["bind"] },
  "netlink-connector": { connectedPlug: ["bind"] },
  "netlink-driver": { connectedPlug: ["bind"] },
  network: { connectedPlug: ["bind"] },
  "network-bind": { connectedPlug: ALL },
  "network-control": { connectedPlug: ["bind"] },
  "network-manager": { permanentSlot: ALL },
  "network-observe": { connectedPlug: ["bind"] },
  ofono: { permanentSlot: ALL },
  "online-accounts-service": { permanentSlot: ALL },
  pipewire: { permanentSlot: ALL },
  pkcs11: { permanentSlot: ALL },
  podman: { connectedPlug: ["bind"] },
  "polkit-agent": { connectedPlug: ["bind"] },
  pulseaudio: { permanentSlot: ALL },
  "qualcomm-ipc-router": { permanentSlot: ALL },
  "raw-input": { connectedPlug: ["bind"] },
  shutdown: { connectedPlug: ["bind"] },
  "steam-support": { connectedPlug: ALL },
  "storage-framework-service": { permanentSlot: ["bind"] },
  "time-control": { connectedPlug: ["bind"] },
  "timeserver-control": { connectedPlug: ["bind"] },
  "timezone-control": { connectedPlug: ["bind"] },
  udisks2: { permanentSlot: ["bind"] },
  unity7: { connectedPlug: ["bind"] },
  "unity8-calendar": { permanentSlot: ALL },
  "unity8-contacts": { permanentSlot: ALL },
  "upower-observe": { permanentSlot: ["bind"] },
  "vsock-guest": { connectedPlug: ALL },
  wayland: { permanentSlot: ALL },
  x11: { connectedPlug: ["bind"], permanentSlot: ALL },
};

const ROLES: readonly Role[] = ["connectedPlug", "connectedSlot", "permanentPlug", "permanentSlot"];

/**
 * The seccomp text of one role of m, rendered with its example attributes (a
 * snap's slot, not the system's) on a core device, where a snap's service
 * slot always gets its rules (on classic snapd gives bluez's none).
 */
function seccompText(m: InterfaceModule, role: Role): string {
  const plug = m.examples?.plug ?? {};
  const slot = m.examples?.slot ?? {};
  if (role === "connectedPlug" || role === "connectedSlot") return seccompOf(m, role, connectedContext(m, plug, slot, { mode: "core" }));
  return seccompOf(m, role, permanentContext(m, role === "permanentPlug" ? plug : slot, { mode: "core" }));
}

/** Which of the four calls the role's snippet allows, in CALLS order. */
function socketCalls(m: InterfaceModule, role: Role): Call[] {
  const lines = ruleLines(seccompText(m, role));
  if (lines.includes("@unrestricted")) return [...CALLS];
  const names = new Set(lines.map((l) => l.split(/\s+/)[0]));
  return CALLS.filter((c) => names.has(c));
}

const registry = builtinRegistry();
const expected = Object.entries(SNAPD).flatMap(([name, roles]) => Object.entries(roles).map(([role, calls]) => [name, role as Role, calls] as const));

describe("bind, listen, accept and accept4", () => {
  it.each(expected)("%s %s grants %j", (name, role, calls) => {
    const m = registry.get(name);
    expect(m, name).toBeDefined();
    expect(socketCalls(m!, role)).toEqual(calls);
  });

  it("no other role of any interface grants them", () => {
    const extra = builtinInterfaces.flatMap((m) =>
      ROLES.filter((role) => SNAPD[m.name]?.[role] === undefined)
        .map((role) => [m.name, role, socketCalls(m, role)] as const)
        .filter(([, , calls]) => calls.length > 0),
    );
    expect(extra).toEqual([]);
  });
});
