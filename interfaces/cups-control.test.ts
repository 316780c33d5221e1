import { describe, expect, it } from "vitest";
import cupsControl from "./cups-control.js";
import { connectedContext, permanentContext, ruleLines, seccompOf, snippet } from "./test-support.js";

const m = cupsControl;
const NOTIFIER = "bus=system path=/org/cups/cupsd/Notifier interface=org.cups.cupsd.Notifier";
const system = connectedContext(m, {}, {}, { system: true });
const app = connectedContext(m, {}, {}, { slotSnap: "cups" });
const plugToHost = ruleLines(snippet(m, "connectedPlug", system));
const plugToSnap = ruleLines(snippet(m, "connectedPlug", app));
const slot = ruleLines(snippet(m, "connectedSlot", app));
const daemon = ruleLines(snippet(m, "permanentSlot", permanentContext(m, {}, "cups")));

describe("cups-control", () => {
  it.each([
    "/etc/cups/client.conf r,",
    "/{,var/}run/cups/cups.sock rw,",
    "owner @{HOME}/.cups/client.conf r,",
    "owner @{HOME}/.cups/lpoptions r,",
    "/{,var/}run/cups/printcap r,",
    `dbus (receive) ${NOTIFIER} peer=(label="{unconfined,/usr/sbin/cupsd,cupsd}"),`,
  ])("the plug connected to the host's cupsd grants %s", (rule) => {
    expect(plugToHost).toContain(rule);
  });

  it("the plug connected to a snap's cupsd hears its events only from that snap", () => {
    expect(plugToSnap).toContain(`dbus (receive) ${NOTIFIER} peer=(label="snap.cups.*"),`);
    expect(plugToSnap.filter((l) => l.includes("unconfined"))).toEqual([]);
  });

  it.each(["/run/cups/ r,", "owner @{HOME}/.cups/ r,", "network inet stream,", "network inet6 stream,"])(
    "the plug does not grant %s, which snapd's cups-control does not",
    (rule) => {
      expect(plugToHost).not.toContain(rule);
    },
  );

  it("the plug gets no system calls beyond the default", () => {
    expect(ruleLines(seccompOf(m, "connectedPlug", system))).toEqual([]);
  });

  it("a snap's cupsd sends events to the connected snap, and accepts nothing more from this interface", () => {
    expect(slot).toEqual([`dbus (send) ${NOTIFIER} peer=(label="snap.app.app"),`]);
    expect(ruleLines(snippet(m, "connectedSlot", system))).toEqual([]);
  });

  it.each([
    "/{,var/}run/cups/ rw,",
    "/{,var/}run/cups/** rwk,",
    "/etc/shadow r,",
    "/var/lib/extrausers/shadow r,",
    "@{PROC}/[0-9]*/attr/{,apparmor/}current r,",
    "dbus (receive, send) bus=system path=/org/freedesktop/ColorManager interface=org.freedesktop.ColorManager peer=(name=org.freedesktop.ColorManager),",
    `dbus (send) ${NOTIFIER} peer=(label=unconfined),`,
    "capability kill,",
    "capability fsetid,",
  ])("the daemon's slot grants %s", (rule) => {
    expect(daemon).toContain(rule);
  });

  it.each(["network inet stream,", "capability net_bind_service,", "capability setuid,", "capability dac_override,", "capability chown,"])(
    "the daemon's slot does not grant %s, which snapd's does not",
    (rule) => {
      expect(daemon).not.toContain(rule);
    },
  );

  it("the daemon's slot adds no system calls (setuid, sockets) snapd does not", () => {
    expect(ruleLines(seccompOf(m, "permanentSlot", permanentContext(m, {}, "cups")))).toEqual([]);
  });
});

describe("cups-control by device mode", () => {
  // Core has no cupsd of its own: there a client is served by an app snap's
  // cupsd only, not by a slot of the system snap or of another kind of snap.
  const gadgetSlot = (mode: "classic" | "core") => {
    const ctx = connectedContext(m, {}, {}, { slotSnap: "board", mode });
    return { ...ctx, slotSnap: { ...ctx.slotSnap, type: "gadget" as const } };
  };
  it.each([
    ["classic", "gadget", true],
    ["core", "gadget", false],
    ["core", "app", true],
    ["classic", "app", true],
  ] as const)("on %s, a plug connected to a %s snap's slot gets the client rules: %s", (mode, kind, granted) => {
    const ctx = kind === "gadget" ? gadgetSlot(mode) : connectedContext(m, {}, {}, { slotSnap: "cups", mode });
    expect(ruleLines(snippet(m, "connectedPlug", ctx)).includes("/{,var/}run/cups/cups.sock rw,")).toBe(granted);
  });
});
