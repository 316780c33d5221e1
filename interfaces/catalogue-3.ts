// Batch 3 of the interface catalogue, registered through interfaces/index.ts.
import type { InterfaceModule } from "../src/iface/index.js";
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

export const catalogue3: readonly InterfaceModule[] = [
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
