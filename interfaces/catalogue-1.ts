// Batch 1 of the interface catalogue, registered through interfaces/index.ts.
import type { InterfaceModule } from "../src/iface/index.js";
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
import browserSupport from "./browser-support.js";
import classicSupport from "./classic-support.js";
import cups from "./cups.js";
import cupsControl from "./cups-control.js";
import dbusIface from "./dbus.js";
import desktop from "./desktop.js";
import desktopLaunch from "./desktop-launch.js";
import desktopLegacy from "./desktop-legacy.js";
import dmCrypt from "./dm-crypt.js";
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
import hugepagesControl from "./hugepages-control.js";
import i2c from "./i2c.js";
import iio from "./iio.js";
import ioPortsControl from "./io-ports-control.js";

export const catalogue1: readonly InterfaceModule[] = [
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
  browserSupport,
  classicSupport,
  cups,
  cupsControl,
  dbusIface,
  desktop,
  desktopLaunch,
  desktopLegacy,
  dmCrypt,
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
  hugepagesControl,
  i2c,
  iio,
  ioPortsControl,
];
