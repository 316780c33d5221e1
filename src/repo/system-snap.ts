import type { DeviceInfo } from "../device/index.js";
import type { InterfaceRegistry } from "../iface/index.js";
import type { SnapInfo, SlotInfo } from "../snap/index.js";

/**
 * The always-present system snap: it carries one slot, named after the
 * interface, for every interface implicit on this device's mode.
 */
export function systemSnapInfo(registry: InterfaceRegistry, device: DeviceInfo): SnapInfo {
  const name = device.systemSnap;
  const slots: [string, SlotInfo][] = registry
    .all()
    .filter((m) => m.implicitOn[device.mode])
    .map((m) => [m.name, { snap: name, name: m.name, interface: m.name, attrs: {}, apps: [], hooks: [] }]);
  return {
    name,
    version: "builtin",
    type: "os",
    confinement: "strict",
    environment: {},
    apps: {},
    hooks: {},
    plugs: {},
    slots: Object.fromEntries(slots),
  };
}
