import type { DeviceInfo } from "../device/index.js";
import type { InterfaceRegistry } from "../iface/index.js";
import type { PlugInfo, SnapInfo, SlotInfo } from "../snap/index.js";

/**
 * The always-present system snap: it carries one slot, named after the
 * interface, for every interface implicit on this device's mode, and one
 * plug for the few whose implicit side is the consumer (the host taking a
 * snap's driver libraries).
 */
export function systemSnapInfo(registry: InterfaceRegistry, device: DeviceInfo): SnapInfo {
  const name = device.systemSnap;
  const slots: [string, SlotInfo][] = registry
    .all()
    .filter((m) => m.implicitOn[device.mode])
    .map((m) => [m.name, { snap: name, name: m.name, interface: m.name, attrs: {}, apps: [], hooks: [] }]);
  const plugs: [string, PlugInfo][] = registry
    .all()
    .filter((m) => m.implicitPlugOn?.[device.mode] === true)
    .map((m) => [m.name, { snap: name, name: m.name, interface: m.name, attrs: {}, apps: [], hooks: [] }]);
  return {
    name,
    version: "builtin",
    type: "os",
    confinement: "strict",
    environment: {},
    apps: {},
    hooks: {},
    plugs: Object.fromEntries(plugs),
    slots: Object.fromEntries(slots),
  };
}
