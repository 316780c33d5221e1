// Batch 2 of the interface catalogue, registered through interfaces/index.ts.
import type { InterfaceModule } from "../src/iface/index.js";
import jack1 from "./jack1.js";
import joystick from "./joystick.js";
import jujuClientObserve from "./juju-client-observe.js";
import kernelModuleLoad from "./kernel-module-load.js";
import kernelModuleObserve from "./kernel-module-observe.js";
import kvm from "./kvm.js";
import locationObserve from "./location-observe.js";
import loginSessionControl from "./login-session-control.js";
import loginSessionObserve from "./login-session-observe.js";
import lxd from "./lxd.js";
import lxdSupport from "./lxd-support.js";
import microceph from "./microceph.js";
import modemManager from "./modem-manager.js";
import mountObserve from "./mount-observe.js";
import mpris from "./mpris.js";
import multipassSupport from "./multipass-support.js";
import networkControl from "./network-control.js";
import networkManager from "./network-manager.js";
import networkManagerObserve from "./network-manager-observe.js";
import networkObserve from "./network-observe.js";
import networkSetupControl from "./network-setup-control.js";
import networkSetupObserve from "./network-setup-observe.js";
import networkStatus from "./network-status.js";
import opengl from "./opengl.js";
import openvswitchSupport from "./openvswitch-support.js";
import opticalDrive from "./optical-drive.js";
import passwordManagerService from "./password-manager-service.js";
import personalFiles from "./personal-files.js";
import physicalMemoryControl from "./physical-memory-control.js";
import physicalMemoryObserve from "./physical-memory-observe.js";
import polkit from "./polkit.js";
import powerControl from "./power-control.js";
import ppp from "./ppp.js";

export const catalogue2: readonly InterfaceModule[] = [
  jack1,
  joystick,
  jujuClientObserve,
  kernelModuleLoad,
  kernelModuleObserve,
  kvm,
  locationObserve,
  loginSessionControl,
  loginSessionObserve,
  lxd,
  lxdSupport,
  microceph,
  modemManager,
  mountObserve,
  mpris,
  multipassSupport,
  networkControl,
  networkManager,
  networkManagerObserve,
  networkObserve,
  networkSetupControl,
  networkSetupObserve,
  networkStatus,
  opengl,
  openvswitchSupport,
  opticalDrive,
  passwordManagerService,
  personalFiles,
  physicalMemoryControl,
  physicalMemoryObserve,
  polkit,
  powerControl,
  ppp,
];
