// The registry of built-in interfaces. Add a module here when adding a file.
import { makeRegistry, type InterfaceModule, type InterfaceRegistry } from "../src/iface/index.js";
import bluez from "./bluez.js";
import { catalogue1 } from "./catalogue-1.js";
import { catalogue2 } from "./catalogue-2.js";
import { catalogue3 } from "./catalogue-3.js";
import camera from "./camera.js";
import content from "./content.js";
import customDevice from "./custom-device.js";
import docker from "./docker.js";
import dockerSupport from "./docker-support.js";
import home from "./home.js";
import logObserve from "./log-observe.js";
import network from "./network.js";
import networkBind from "./network-bind.js";

export const builtinInterfaces: readonly InterfaceModule[] = [
  bluez,
  camera,
  content,
  customDevice,
  docker,
  dockerSupport,
  home,
  logObserve,
  network,
  networkBind,
  ...catalogue1,
  ...catalogue2,
  ...catalogue3,
];

export function builtinRegistry(): InterfaceRegistry {
  return makeRegistry(builtinInterfaces);
}
