import { describe, expect, it } from "vitest";
import { AttributeProblem, type ConnectedContext, type InterfaceModule } from "../src/iface/index.js";
import type { AttrMap } from "../src/snap/index.js";
import { connectedContext, plugInfo as endpoint, ruleLines, snippet } from "./test-support.js";

/** app:x connected to provider:x (or to the system snap), with these attributes. */
const connect = (m: InterfaceModule, plugAttrs: AttrMap, slotAttrs: AttrMap, system = false) => connectedContext(m, plugAttrs, slotAttrs, { system });
const apparmorOf = (m: InterfaceModule, ctx: ConnectedContext) => snippet(m, "connectedPlug", ctx);
const rules = ruleLines;
import cups from "./cups.js";

describe("cups", () => {
  it.each<[string, AttrMap, RegExp]>([
    ["a path outside the snap's data", { "cups-socket-directory": "/run/cups" }, /\$SNAP_DATA, \$SNAP_COMMON or a directory under them/],
    ["$SNAP itself", { "cups-socket-directory": "$SNAP/run" }, /\$SNAP_DATA, \$SNAP_COMMON or a directory under them/],
    ["an escape", { "cups-socket-directory": "$SNAP_COMMON/../../x" }, /not a clean path/],
    ["a glob", { "cups-socket-directory": "$SNAP_COMMON/*" }, /not allowed/],
    ["an unknown attribute", { socket: "x" }, /unknown attribute "socket"/],
  ])("slot refuses %s", (_l, attrs, re) => {
    expect(() => cups.sanitizeSlot!(endpoint("provider", "cups", attrs))).toThrow(AttributeProblem);
    expect(() => cups.sanitizeSlot!(endpoint("provider", "cups", attrs))).toThrow(re);
  });

  it("reaches the provider's socket directory and binds it over /var/cups", () => {
    const ctx = connect(cups, {}, { "cups-socket-directory": "$SNAP_COMMON/run" });
    expect(rules(apparmorOf(cups, ctx))).toEqual([
      "owner @{HOME}/.cups/lpoptions r,",
      "/{,var/}run/cups/printcap r,",
      "/var/cups/cups.sock rw,",
      "/var/snap/provider/common/run/** mrwklix,",
    ]);
    expect(cups.connectedPlug!.mount!(ctx)).toEqual([{ source: "/var/snap/provider/common/run", target: "/var/cups", readOnly: false }]);
    expect(cups.connectedPlug!.mount!(connect(cups, {}, {}))).toEqual([]);
  });

  it.each(["/run/cups/cups.sock rw,", "/etc/cups/client.conf r,", "owner @{HOME}/.cups/{client.conf,lpoptions} r,", "/run/cups/ r,"])(
    "does not grant %s: only the mediating snap's cupsd is reachable",
    (rule) => {
      expect(rules(apparmorOf(cups, connect(cups, {}, {})))).not.toContain(rule);
    },
  );

  it("gives the slot side nothing", () => {
    const m: InterfaceModule = cups;
    expect([m.connectedSlot, m.permanentSlot]).toEqual([undefined, undefined]);
  });
});
