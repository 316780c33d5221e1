import { describe, expect, it } from "vitest";
import { builtinRegistry } from "../../interfaces/index.js";
import { DEFAULT_DEVICE, parseDeviceYaml, type DeviceInfo } from "../device/index.js";
import { parseSnapYaml } from "../snap/index.js";
import { connectionsView, interfacesView, parseRef, Repository } from "./index.js";

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
    ["app:mpris", undefined, /several slots: dock-a:mpris, dock-b:d2/],
    ["app:mpris", "core", /no mpris slot/],
    ["app:nope", undefined, /has no plug named "nope"/],
    ["app:camera", "app:mine", /interfaces differ/],
    ["app", undefined, /plug must be given as SNAP:PLUG/],
  ])("%s %s fails", (plug, slot, re) => {
    expect(() => repo.resolveConnect(parseRef(plug, "plug"), slot === undefined ? undefined : parseRef(slot, "slot"))).toThrow(re);
  });
});

describe("listings", () => {
  it("interfacesView shows slots with plugs and unconnected plugs; filters by snap and interface", () => {
    const repo = repoWith(DEFAULT_DEVICE, "name: foo\nversion: '1'\nplugs: [camera, network]\n");
    repo.setConnection({
      plug: { snap: "foo", name: "network" },
      slot: { snap: "core", name: "network" },
      interface: "network",
      auto: true,
      byGadget: false,
      undesired: false,
      plugStatic: {},
      slotStatic: {},
    });
    const v = interfacesView(repo, { snap: "foo" });
    expect(v.slots.map((s) => `${s.snap}:${s.name}=${s.connections.map((c) => c.snap).join(",")}`)).toEqual(["core:network=foo"]);
    expect(v.plugs.filter((p) => p.connections.length === 0).map((p) => p.name)).toEqual(["camera"]);
    expect(interfacesView(repo, { interface: "camera" }).slots.map((s) => s.name)).toEqual(["camera"]);

    const rows = connectionsView(repo, { snap: "foo" });
    expect(rows.map((r) => [r.interface, r.plug?.name ?? "-", r.slot?.name ?? "-", r.manual])).toEqual([
      ["camera", "camera", "-", false],
      ["network", "network", "network", false],
    ]);
    // Undesired connections are not in force.
    repo.setConnection({ ...repo.connections()[0]!, undesired: true });
    expect(connectionsView(repo)).toEqual([]);
  });
});
