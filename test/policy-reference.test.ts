import { readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { builtinInterfaces } from "../interfaces/index.js";
import {
  checkConnection,
  checkInstallation,
  composeBaseDeclaration,
  type DeviceScope,
  type PolicyEndpoint,
  type PolicySnapType,
} from "../src/policy/index.js";

// Every shipped interface must agree with the reference row measured against a
// real snapd: its base-declaration rules, and their effect on an app snap on classic.

// iface-policy.tsv was measured against snapd 2.57; iface-policy-current.tsv
// holds the interfaces snapd added since, transcribed from its current base
// declaration. An interface has a row in exactly one of them.
const readTable = (file: string): Map<string, Record<string, string>> => {
  const [header, ...lines] = readFileSync(path.resolve(import.meta.dirname, "fixtures", file), "utf8").trim().split("\n");
  const columns = header!.split("\t");
  return new Map(
    lines.map((l) => {
      const cells = l.split("\t");
      return [cells[0]!, Object.fromEntries(columns.map((c, i) => [c, cells[i]!])) as Record<string, string>];
    }),
  );
};
const measured = readTable("iface-policy.tsv");
const current = readTable("iface-policy-current.tsv");
const rows = new Map([...measured, ...current]);

it("keeps each interface in one reference table", () => {
  expect([...current.keys()].filter((n) => measured.has(n))).toEqual([]);
});

const base = composeBaseDeclaration(builtinInterfaces);
const classic: DeviceScope = { classic: true };
const endpoint = (iface: string, snap: string, snapType: PolicySnapType, side: "plug" | "slot"): PolicyEndpoint => ({
  snap,
  snapType,
  snapId: `${snap}-id`,
  publisherId: `${snap}-publisher`,
  name: iface,
  interface: iface,
  attrs: {},
});

/** Scalars as assertion text spells them, so true and "true" compare equal. */
const normalise = (v: unknown): unknown =>
  Array.isArray(v) ? v.map(normalise) : v && typeof v === "object" ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, normalise(x)])) : String(v);

const yesNo = (b: boolean) => (b ? "yes" : "no");

describe.each(builtinInterfaces.map((m) => [m.name, m] as const))("%s agrees with the reference", (name, m) => {
  const row = rows.get(name)!;

  it("has a reference row", () => expect(row).toBeDefined());

  it("has the same base-declaration rules", () => {
    const expectPlug = row["plug_rule"] === "-" ? undefined : normalise(parse(row["plug_rule"]!));
    const expectSlot = row["slot_rule"] === "-" ? undefined : normalise(parse(row["slot_rule"]!));
    expect(m.baseDeclaration.plugs === undefined ? undefined : normalise(m.baseDeclaration.plugs)).toEqual(expectPlug);
    expect(m.baseDeclaration.slots === undefined ? undefined : normalise(m.baseDeclaration.slots)).toEqual(expectSlot);
    expect(base.plugs.has(name) ? "base-plug" : "base-slot").toBe(row["governing_rule"]);
  });

  // The slot an app snap's plug meets on classic: the system snap's when the
  // interface lets the system snap carry one, else an app snap's.
  const slotType: PolicySnapType = /slot-snap-type: \[[^\]]*core/.test(row["slot_rule"] ?? "") ? "core" : "app";
  const plug = endpoint(name, "consumer", "app", "plug");
  const slot = endpoint(name, slotType === "core" ? "core" : "provider", slotType, "slot");
  const declared = { plugs: new Map(), slots: new Map() };

  it(`auto-connects on classic: ${row["auto_connect_classic"]}`, () => {
    const d = checkConnection("auto-connection", { plug, slot, plugDeclaration: declared, slotDeclaration: declared, base, device: classic });
    if (row["auto_connect_classic"] === "conditional") expect(JSON.stringify(m.baseDeclaration)).toMatch(/attributes/);
    else expect(yesNo(d.allowed)).toBe(row["auto_connect_classic"]);
  });

  it(`connects manually on classic: ${row["manual_connect_classic"]}`, () => {
    const d = checkConnection("connection", { plug, slot, plugDeclaration: declared, slotDeclaration: declared, base, device: classic });
    if (row["manual_connect_classic"] === "conditional") expect(JSON.stringify(m.baseDeclaration)).toMatch(/attributes/);
    else expect(yesNo(d.allowed)).toBe(row["manual_connect_classic"]);
  });

  it(`installs on an app snap: plug ${row["plug_install_on_app"]}, slot ${row["slot_install_on_app"]}`, () => {
    const app = (side: "plug" | "slot") => endpoint(name, "app-snap", "app", side);
    const asPlug = checkInstallation({ plugs: [app("plug")], slots: [], declaration: declared, base, device: classic });
    const asSlot = checkInstallation({ plugs: [], slots: [app("slot")], declaration: declared, base, device: classic });
    expect(yesNo(asPlug.allowed)).toBe(row["plug_install_on_app"]);
    expect(yesNo(asSlot.allowed)).toBe(row["slot_install_on_app"]);
  });

  it(`is super-privileged on the plug side: ${row["super_privileged_plug"]}`, () => {
    const rule = base.plugs.get(name);
    const restricted = rule !== undefined && !(rule["allow-installation"].alternatives.length === 1 && Object.keys(rule["allow-installation"].alternatives[0]!).length === 0);
    expect(yesNo(restricted)).toBe(row["super_privileged_plug"]);
  });
});
