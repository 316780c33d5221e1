// The registry of built-in interfaces. Add a module here when adding a file.
import { makeRegistry, type InterfaceModule, type InterfaceRegistry } from "../src/iface/index.js";
import bluez from "./bluez.js";
import camera from "./camera.js";
import content from "./content.js";
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
  docker,
  dockerSupport,
  home,
  logObserve,
  network,
  networkBind,
];

export function builtinRegistry(): InterfaceRegistry {
  return makeRegistry(builtinInterfaces);
}
