// The registry of built-in interfaces, one module per file, in alphabetical
// order. A new interface is a new file here and one line in each list.
import { makeRegistry, type InterfaceModule, type InterfaceRegistry } from "../src/iface/index.js";
import accountControl from "./account-control.js";
import accountsService from "./accounts-service.js";
import adbSupport from "./adb-support.js";
import alsa from "./alsa.js";
import audioPlayback from "./audio-playback.js";
import audioRecord from "./audio-record.js";
import avahiControl from "./avahi-control.js";
import avahiObserve from "./avahi-observe.js";
import blockDevices from "./block-devices.js";
import bluetoothControl from "./bluetooth-control.js";
import bluez from "./bluez.js";
import browserSupport from "./browser-support.js";
import camera from "./camera.js";
import classicSupport from "./classic-support.js";
import content from "./content.js";
import cups from "./cups.js";
import cupsControl from "./cups-control.js";
import customDevice from "./custom-device.js";
import dbusIface from "./dbus.js";
import desktop from "./desktop.js";
import desktopLaunch from "./desktop-launch.js";
import desktopLegacy from "./desktop-legacy.js";
import dmCrypt from "./dm-crypt.js";
import docker from "./docker.js";
import dockerSupport from "./docker-support.js";
import dvb from "./dvb.js";
import firewallControl from "./firewall-control.js";
import fuseSupport from "./fuse-support.js";
import fwupd from "./fwupd.js";
import gpio from "./gpio.js";
import gpioMemoryControl from "./gpio-memory-control.js";
import gsettings from "./gsettings.js";
import hardwareObserve from "./hardware-observe.js";
import hardwareRandomControl from "./hardware-random-control.js";
import hardwareRandomObserve from "./hardware-random-observe.js";
import home from "./home.js";
import hugepagesControl from "./hugepages-control.js";
import i2c from "./i2c.js";
import iio from "./iio.js";
import ioPortsControl from "./io-ports-control.js";
import jack1 from "./jack1.js";
import joystick from "./joystick.js";
import jujuClientObserve from "./juju-client-observe.js";
import kernelModuleLoad from "./kernel-module-load.js";
import kernelModuleObserve from "./kernel-module-observe.js";
import kvm from "./kvm.js";
import locationObserve from "./location-observe.js";
import logObserve from "./log-observe.js";
import loginSessionControl from "./login-session-control.js";
import loginSessionObserve from "./login-session-observe.js";
import lxd from "./lxd.js";
import lxdSupport from "./lxd-support.js";
import microceph from "./microceph.js";
import modemManager from "./modem-manager.js";
import mountObserve from "./mount-observe.js";
import mpris from "./mpris.js";
import multipassSupport from "./multipass-support.js";
import network from "./network.js";
import networkBind from "./network-bind.js";
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
import processControl from "./process-control.js";
import pulseaudio from "./pulseaudio.js";
import pwm from "./pwm.js";
import rawUsb from "./raw-usb.js";
import rawVolume from "./raw-volume.js";
import removableMedia from "./removable-media.js";
import screenInhibitControl from "./screen-inhibit-control.js";
import screencastLegacy from "./screencast-legacy.js";
import scsiGeneric from "./scsi-generic.js";
import serialPort from "./serial-port.js";
import sharedMemory from "./shared-memory.js";
import shutdown from "./shutdown.js";
import snapThemesControl from "./snap-themes-control.js";
import snapdControl from "./snapd-control.js";
import spi from "./spi.js";
import sshKeys from "./ssh-keys.js";
import sshPublicKeys from "./ssh-public-keys.js";
import steamSupport from "./steam-support.js";
import systemFiles from "./system-files.js";
import systemObserve from "./system-observe.js";
import systemPackagesDoc from "./system-packages-doc.js";
import systemTrace from "./system-trace.js";
import timeControl from "./time-control.js";
import timezoneControl from "./timezone-control.js";
import tpm from "./tpm.js";
import u2fDevices from "./u2f-devices.js";
import udisks2 from "./udisks2.js";
import uinput from "./uinput.js";
import uio from "./uio.js";
import unity7 from "./unity7.js";
import upowerObserve from "./upower-observe.js";
import wayland from "./wayland.js";
import x11 from "./x11.js";

export const builtinInterfaces: readonly InterfaceModule[] = [
  accountControl,
  accountsService,
  adbSupport,
  alsa,
  audioPlayback,
  audioRecord,
  avahiControl,
  avahiObserve,
  blockDevices,
  bluetoothControl,
  bluez,
  browserSupport,
  camera,
  classicSupport,
  content,
  cups,
  cupsControl,
  customDevice,
  dbusIface,
  desktop,
  desktopLaunch,
  desktopLegacy,
  dmCrypt,
  docker,
  dockerSupport,
  dvb,
  firewallControl,
  fuseSupport,
  fwupd,
  gpio,
  gpioMemoryControl,
  gsettings,
  hardwareObserve,
  hardwareRandomControl,
  hardwareRandomObserve,
  home,
  hugepagesControl,
  i2c,
  iio,
  ioPortsControl,
  jack1,
  joystick,
  jujuClientObserve,
  kernelModuleLoad,
  kernelModuleObserve,
  kvm,
  locationObserve,
  logObserve,
  loginSessionControl,
  loginSessionObserve,
  lxd,
  lxdSupport,
  microceph,
  modemManager,
  mountObserve,
  mpris,
  multipassSupport,
  network,
  networkBind,
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
  processControl,
  pulseaudio,
  pwm,
  rawUsb,
  rawVolume,
  removableMedia,
  screenInhibitControl,
  screencastLegacy,
  scsiGeneric,
  serialPort,
  sharedMemory,
  shutdown,
  snapThemesControl,
  snapdControl,
  spi,
  sshKeys,
  sshPublicKeys,
  steamSupport,
  systemFiles,
  systemObserve,
  systemPackagesDoc,
  systemTrace,
  timeControl,
  timezoneControl,
  tpm,
  u2fDevices,
  udisks2,
  uinput,
  uio,
  unity7,
  upowerObserve,
  wayland,
  x11,
];

export function builtinRegistry(): InterfaceRegistry {
  return makeRegistry(builtinInterfaces);
}
