// The registry of built-in interfaces, one module per file, in alphabetical
// order. A new interface is a new file here and one line in each list.
import { makeRegistry, type InterfaceModule, type InterfaceRegistry } from "../src/iface/index.js";
import accel from "./accel.js";
import accountControl from "./account-control.js";
import accountsService from "./accounts-service.js";
import acrnSupport from "./acrn-support.js";
import adbSupport from "./adb-support.js";
import allegroVcu from "./allegro-vcu.js";
import alsa from "./alsa.js";
import apparmorObserve from "./apparmor-observe.js";
import appstreamMetadata from "./appstream-metadata.js";
import audioPlayback from "./audio-playback.js";
import audioRecord from "./audio-record.js";
import auditdSupport from "./auditd-support.js";
import autopilotIntrospection from "./autopilot-introspection.js";
import avahiControl from "./avahi-control.js";
import avahiObserve from "./avahi-observe.js";
import blockDevices from "./block-devices.js";
import bluetoothControl from "./bluetooth-control.js";
import bluez from "./bluez.js";
import boolFile from "./bool-file.js";
import broadcomAsicControl from "./broadcom-asic-control.js";
import browserSupport from "./browser-support.js";
import calendarService from "./calendar-service.js";
import camera from "./camera.js";
import canBus from "./can-bus.js";
import checkboxSupport from "./checkbox-support.js";
import cifsMount from "./cifs-mount.js";
import classicSupport from "./classic-support.js";
import confdb from "./confdb.js";
import contactsService from "./contacts-service.js";
import content from "./content.js";
import coreSupport from "./core-support.js";
import cpuControl from "./cpu-control.js";
import cudaDriverLibs from "./cuda-driver-libs.js";
import cups from "./cups.js";
import cupsControl from "./cups-control.js";
import customDevice from "./custom-device.js";
import daemonNotify from "./daemon-notify.js";
import dbusIface from "./dbus.js";
import dcdbasControl from "./dcdbas-control.js";
import desktop from "./desktop.js";
import desktopLaunch from "./desktop-launch.js";
import desktopLegacy from "./desktop-legacy.js";
import deviceButtons from "./device-buttons.js";
import devlxd from "./devlxd.js";
import displayControl from "./display-control.js";
import dmCrypt from "./dm-crypt.js";
import dmMultipath from "./dm-multipath.js";
import docker from "./docker.js";
import dockerSupport from "./docker-support.js";
import dsp from "./dsp.js";
import dvb from "./dvb.js";
import eglDriverLibs from "./egl-driver-libs.js";
import empty from "./empty.js";
import firewallControl from "./firewall-control.js";
import firmwareUpdaterSupport from "./firmware-updater-support.js";
import fpga from "./fpga.js";
import framebuffer from "./framebuffer.js";
import fuseSupport from "./fuse-support.js";
import fwupd from "./fwupd.js";
import gbmDriverLibs from "./gbm-driver-libs.js";
import gconf from "./gconf.js";
import gpgKeys from "./gpg-keys.js";
import gpgPublicKeys from "./gpg-public-keys.js";
import gpio from "./gpio.js";
import gpioChardev from "./gpio-chardev.js";
import gpioControl from "./gpio-control.js";
import gpioMemoryControl from "./gpio-memory-control.js";
import greengrassSupport from "./greengrass-support.js";
import gsettings from "./gsettings.js";
import hardwareObserve from "./hardware-observe.js";
import hardwareRandomControl from "./hardware-random-control.js";
import hardwareRandomObserve from "./hardware-random-observe.js";
import hidraw from "./hidraw.js";
import home from "./home.js";
import hostnameControl from "./hostname-control.js";
import hugepagesControl from "./hugepages-control.js";
import i2c from "./i2c.js";
import iio from "./iio.js";
import intelMei from "./intel-mei.js";
import intelQat from "./intel-qat.js";
import ioPortsControl from "./io-ports-control.js";
import ionMemoryControl from "./ion-memory-control.js";
import iscsiInitiator from "./iscsi-initiator.js";
import jack1 from "./jack1.js";
import joystick from "./joystick.js";
import jujuClientObserve from "./juju-client-observe.js";
import kerberosTickets from "./kerberos-tickets.js";
import kernelCryptoApi from "./kernel-crypto-api.js";
import kernelFirmwareControl from "./kernel-firmware-control.js";
import kernelModuleControl from "./kernel-module-control.js";
import kernelModuleLoad from "./kernel-module-load.js";
import kernelModuleObserve from "./kernel-module-observe.js";
import kernelSchedExtControl from "./kernel-sched-ext-control.js";
import kubernetesSupport from "./kubernetes-support.js";
import kvm from "./kvm.js";
import libvirt from "./libvirt.js";
import localeControl from "./locale-control.js";
import locationControl from "./location-control.js";
import locationObserve from "./location-observe.js";
import logObserve from "./log-observe.js";
import loginSessionControl from "./login-session-control.js";
import loginSessionObserve from "./login-session-observe.js";
import lxd from "./lxd.js";
import lxdSupport from "./lxd-support.js";
import maliit from "./maliit.js";
import mediaControl from "./media-control.js";
import mediaHub from "./media-hub.js";
import mediatekAccel from "./mediatek-accel.js";
import microceph from "./microceph.js";
import microcephSupport from "./microceph-support.js";
import microovn from "./microovn.js";
import microstackSupport from "./microstack-support.js";
import mir from "./mir.js";
import modemManager from "./modem-manager.js";
import mountControl from "./mount-control.js";
import mountObserve from "./mount-observe.js";
import mpris from "./mpris.js";
import multipassSupport from "./multipass-support.js";
import netlinkAudit from "./netlink-audit.js";
import netlinkConnector from "./netlink-connector.js";
import netlinkDriver from "./netlink-driver.js";
import network from "./network.js";
import networkBind from "./network-bind.js";
import networkControl from "./network-control.js";
import networkManager from "./network-manager.js";
import networkManagerObserve from "./network-manager-observe.js";
import networkObserve from "./network-observe.js";
import networkSetupControl from "./network-setup-control.js";
import networkSetupObserve from "./network-setup-observe.js";
import networkStatus from "./network-status.js";
import nfsMount from "./nfs-mount.js";
import nomadSupport from "./nomad-support.js";
import nvidiaDriversSupport from "./nvidia-drivers-support.js";
import nvidiaVideoDriverLibs from "./nvidia-video-driver-libs.js";
import nvmeControl from "./nvme-control.js";
import ofono from "./ofono.js";
import onlineAccountsService from "./online-accounts-service.js";
import opengl from "./opengl.js";
import openglDriverLibs from "./opengl-driver-libs.js";
import openglesDriverLibs from "./opengles-driver-libs.js";
import openvswitch from "./openvswitch.js";
import openvswitchSupport from "./openvswitch-support.js";
import opticalDrive from "./optical-drive.js";
import packagekitControl from "./packagekit-control.js";
import passwordManagerService from "./password-manager-service.js";
import pcscd from "./pcscd.js";
import personalFiles from "./personal-files.js";
import physicalMemoryControl from "./physical-memory-control.js";
import physicalMemoryObserve from "./physical-memory-observe.js";
import pipewire from "./pipewire.js";
import pkcs11 from "./pkcs11.js";
import podman from "./podman.js";
import polkit from "./polkit.js";
import polkitAgent from "./polkit-agent.js";
import posixMq from "./posix-mq.js";
import powerControl from "./power-control.js";
import ppp from "./ppp.js";
import processControl from "./process-control.js";
import ptp from "./ptp.js";
import pulseaudio from "./pulseaudio.js";
import pwm from "./pwm.js";
import qualcommIpcRouter from "./qualcomm-ipc-router.js";
import rawInput from "./raw-input.js";
import rawUsb from "./raw-usb.js";
import rawVolume from "./raw-volume.js";
import remoteproc from "./remoteproc.js";
import removableMedia from "./removable-media.js";
import rosOptData from "./ros-opt-data.js";
import rosSnapdSupport from "./ros-snapd-support.js";
import screenInhibitControl from "./screen-inhibit-control.js";
import screencastLegacy from "./screencast-legacy.js";
import scsiGeneric from "./scsi-generic.js";
import sdControl from "./sd-control.js";
import serialPort from "./serial-port.js";
import sharedMemory from "./shared-memory.js";
import shutdown from "./shutdown.js";
import snapFdeControl from "./snap-fde-control.js";
import snapInterfacesRequestsControl from "./snap-interfaces-requests-control.js";
import snapRefreshControl from "./snap-refresh-control.js";
import snapRefreshObserve from "./snap-refresh-observe.js";
import snapThemesControl from "./snap-themes-control.js";
import snapdControl from "./snapd-control.js";
import spi from "./spi.js";
import sshKeys from "./ssh-keys.js";
import sshPublicKeys from "./ssh-public-keys.js";
import steamSupport from "./steam-support.js";
import storageFrameworkService from "./storage-framework-service.js";
import systemBackup from "./system-backup.js";
import systemFiles from "./system-files.js";
import systemObserve from "./system-observe.js";
import systemPackagesDoc from "./system-packages-doc.js";
import systemSourceCode from "./system-source-code.js";
import systemTrace from "./system-trace.js";
import tee from "./tee.js";
import thumbnailerService from "./thumbnailer-service.js";
import timeControl from "./time-control.js";
import timeserverControl from "./timeserver-control.js";
import timezoneControl from "./timezone-control.js";
import tpm from "./tpm.js";
import u2fDevices from "./u2f-devices.js";
import ubuntuDownloadManager from "./ubuntu-download-manager.js";
import ubuntuProControl from "./ubuntu-pro-control.js";
import udisks2 from "./udisks2.js";
import uhid from "./uhid.js";
import uinput from "./uinput.js";
import uio from "./uio.js";
import unity7 from "./unity7.js";
import unity8 from "./unity8.js";
import unity8Calendar from "./unity8-calendar.js";
import unity8Contacts from "./unity8-contacts.js";
import upowerObserve from "./upower-observe.js";
import usbGadget from "./usb-gadget.js";
import userns from "./userns.js";
import vcio from "./vcio.js";
import vsockGuest from "./vsock-guest.js";
import vulkanDriverLibs from "./vulkan-driver-libs.js";
import wayland from "./wayland.js";
import x11 from "./x11.js";
import xdgPortalPermissionStore from "./xdg-portal-permission-store.js";
import xilinxDma from "./xilinx-dma.js";

export const builtinInterfaces: readonly InterfaceModule[] = [
  accel,
  accountControl,
  accountsService,
  acrnSupport,
  adbSupport,
  allegroVcu,
  alsa,
  apparmorObserve,
  appstreamMetadata,
  audioPlayback,
  audioRecord,
  auditdSupport,
  autopilotIntrospection,
  avahiControl,
  avahiObserve,
  blockDevices,
  bluetoothControl,
  bluez,
  boolFile,
  broadcomAsicControl,
  browserSupport,
  calendarService,
  camera,
  canBus,
  checkboxSupport,
  cifsMount,
  classicSupport,
  confdb,
  contactsService,
  content,
  coreSupport,
  cpuControl,
  cudaDriverLibs,
  cups,
  cupsControl,
  customDevice,
  daemonNotify,
  dbusIface,
  dcdbasControl,
  desktop,
  desktopLaunch,
  desktopLegacy,
  deviceButtons,
  devlxd,
  displayControl,
  dmCrypt,
  dmMultipath,
  docker,
  dockerSupport,
  dsp,
  dvb,
  eglDriverLibs,
  empty,
  firewallControl,
  firmwareUpdaterSupport,
  fpga,
  framebuffer,
  fuseSupport,
  fwupd,
  gbmDriverLibs,
  gconf,
  gpgKeys,
  gpgPublicKeys,
  gpio,
  gpioChardev,
  gpioControl,
  gpioMemoryControl,
  greengrassSupport,
  gsettings,
  hardwareObserve,
  hardwareRandomControl,
  hardwareRandomObserve,
  hidraw,
  home,
  hostnameControl,
  hugepagesControl,
  i2c,
  iio,
  intelMei,
  intelQat,
  ioPortsControl,
  ionMemoryControl,
  iscsiInitiator,
  jack1,
  joystick,
  jujuClientObserve,
  kerberosTickets,
  kernelCryptoApi,
  kernelFirmwareControl,
  kernelModuleControl,
  kernelModuleLoad,
  kernelModuleObserve,
  kernelSchedExtControl,
  kubernetesSupport,
  kvm,
  libvirt,
  localeControl,
  locationControl,
  locationObserve,
  logObserve,
  loginSessionControl,
  loginSessionObserve,
  lxd,
  lxdSupport,
  maliit,
  mediaControl,
  mediaHub,
  mediatekAccel,
  microceph,
  microcephSupport,
  microovn,
  microstackSupport,
  mir,
  modemManager,
  mountControl,
  mountObserve,
  mpris,
  multipassSupport,
  netlinkAudit,
  netlinkConnector,
  netlinkDriver,
  network,
  networkBind,
  networkControl,
  networkManager,
  networkManagerObserve,
  networkObserve,
  networkSetupControl,
  networkSetupObserve,
  networkStatus,
  nfsMount,
  nomadSupport,
  nvidiaDriversSupport,
  nvidiaVideoDriverLibs,
  nvmeControl,
  ofono,
  onlineAccountsService,
  opengl,
  openglDriverLibs,
  openglesDriverLibs,
  openvswitch,
  openvswitchSupport,
  opticalDrive,
  packagekitControl,
  passwordManagerService,
  pcscd,
  personalFiles,
  physicalMemoryControl,
  physicalMemoryObserve,
  pipewire,
  pkcs11,
  podman,
  polkit,
  polkitAgent,
  posixMq,
  powerControl,
  ppp,
  processControl,
  ptp,
  pulseaudio,
  pwm,
  qualcommIpcRouter,
  rawInput,
  rawUsb,
  rawVolume,
  remoteproc,
  removableMedia,
  rosOptData,
  rosSnapdSupport,
  screenInhibitControl,
  screencastLegacy,
  scsiGeneric,
  sdControl,
  serialPort,
  sharedMemory,
  shutdown,
  snapFdeControl,
  snapInterfacesRequestsControl,
  snapRefreshControl,
  snapRefreshObserve,
  snapThemesControl,
  snapdControl,
  spi,
  sshKeys,
  sshPublicKeys,
  steamSupport,
  storageFrameworkService,
  systemBackup,
  systemFiles,
  systemObserve,
  systemPackagesDoc,
  systemSourceCode,
  systemTrace,
  tee,
  thumbnailerService,
  timeControl,
  timeserverControl,
  timezoneControl,
  tpm,
  u2fDevices,
  ubuntuDownloadManager,
  ubuntuProControl,
  udisks2,
  uhid,
  uinput,
  uio,
  unity7,
  unity8,
  unity8Calendar,
  unity8Contacts,
  upowerObserve,
  usbGadget,
  userns,
  vcio,
  vsockGuest,
  vulkanDriverLibs,
  wayland,
  x11,
  xdgPortalPermissionStore,
  xilinxDma,
];

export function builtinRegistry(): InterfaceRegistry {
  return makeRegistry(builtinInterfaces);
}
