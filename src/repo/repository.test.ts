import { describe, expect, it } from "vitest";
import { builtinRegistry } from "../../interfaces/index.js";
import { DEFAULT_DEVICE, parseDeviceYaml, type DeviceInfo } from "../device/index.js";
import { parseSnapYaml } from "../snap/index.js";
import { parseRef, Repository } from "./index.js";

const snap = (yaml: string) => parseSnapYaml(yaml, { file: "t.yaml" });
const repoWith = (device: DeviceInfo, ...yamls: string[]) => {
  const repo = new Repository(builtinRegistry(), device);
  for (const y of yamls) repo.addSnap(snap(y), "x1");
  return repo;
};

describe("system snap", () => {
  it.each([
    ["classic", DEFAULT_DEVICE, true],
    ["core", parseDeviceYaml("mode: core\n", "d.yaml"), false],
  ])("carries the slots implicit on %s", (_m, device, hasBluez) => {
    const repo = repoWith(device);
    const slots = Object.keys(repo.snap("core")!.info.slots);
    expect(slots).toContain("network");
    expect(slots).toContain("camera");
    expect(slots).not.toContain("mpris");
    expect(slots.includes("bluez")).toBe(hasBluez);
  });

  it("can be named snapd, and every alias reaches it", () => {
    const repo = repoWith(parseDeviceYaml("system-snap: snapd\n", "d.yaml"));
    expect(repo.systemSnapName).toBe("snapd");
    for (const alias of ["", "core", "snapd", "system"]) expect(repo.snap(alias)?.info.name).toBe("snapd");
    expect(repo.displaySlot({ snap: "snapd", name: "network" })).toBe(":network");
  });

  it("cannot be shadowed by an installed snap", () => {
    expect(() => repoWith(DEFAULT_DEVICE, "name: core\nversion: '1'\n")).toThrow(/belongs to the built-in system snap/);
  });
});

describe("device.yaml", () => {
  it.each([
    ["mode: server\n", /mode must be classic or core/],
    ["mode: core\nextra: 1\n", /extra: unknown key/],
    ["brand: 'a b'\n", /brand "a b" is not a valid identifier/],
    ["system-snap: ubuntu-core\n", /system-snap must be core or snapd/],
  ])("refuses %j", (text, re) => {
    expect(() => parseDeviceYaml(text, "/etc/plugboard/device.yaml")).toThrow(re);
  });
  it("defaults to classic with the core system snap", () => {
    expect(parseDeviceYaml(undefined, "x")).toEqual({ mode: "classic", systemSnap: "core" });
  });
});

describe("connect resolution", () => {
  const repo = repoWith(
    DEFAULT_DEVICE,
    "name: app\nversion: '1'\nplugs: [camera, mpris]\nslots:\n  mine: bluez\n",
    "name: dock-a\nversion: '1'\nslots: [mpris]\n",
    "name: dock-b\nversion: '1'\nslots:\n  d2: mpris\n",
    "name: dock-c\nversion: '1'\nslots:\n  two: mpris\n  one: mpris\n",
  );
  it.each([
    ["app:camera", undefined, "core:camera"],
    ["app:camera", "core", "core:camera"],
    ["app:mpris", "dock-b", "dock-b:d2"],
    ["app:mpris", "dock-a:mpris", "dock-a:mpris"],
  ])("%s %s resolves to %s", (plug, slot, expected) => {
    const r = repo.resolveConnect(parseRef(plug, "plug"), slot === undefined ? undefined : parseRef(slot, "slot"));
    expect(`${r.slot.snap}:${r.slot.name}`).toBe(expected);
  });
  it.each([
    // As snap: no slot snap means the system snap, even where another snap has the one slot.
    ["app:mpris", undefined, 'snap "core" has no "mpris" interface slots'],
    ["app:mpris", "core", 'snap "core" has no "mpris" interface slots'],
    ["app:mpris", "dock-c", 'snap "dock-c" has multiple "mpris" interface slots: one, two'],
    ["app:mpris", "dock-a:nope", 'snap "dock-a" has no slot named "nope"'],
    ["app:nope", undefined, /has no plug named "nope"/],
    ["app:camera", "app:mine", 'cannot connect app:camera ("camera" interface) to app:mine ("bluez" interface)'],
    ["app", undefined, /plug must be given as SNAP:PLUG/],
  ])("%s %s fails", (plug, slot, re) => {
    expect(() => repo.resolveConnect(parseRef(plug, "plug"), slot === undefined ? undefined : parseRef(slot, "slot"))).toThrow(re);
  });
});
