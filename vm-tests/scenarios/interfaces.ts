// The interface scenarios, one row each: a test snap whose app is the probe,
// what the guest needs first (device nodes made with mknod where there is no
// hardware, a stand-in socket, a file to read), how to connect it, and what
// the kernel must answer while the plug is disconnected and while it is
// connected. Every row runs on both systems unless it says otherwise.
import type { Probe } from "../lib/guest-system.js";
import type { TestSnap } from "../lib/snaps.js";
import type { SystemKind } from "../lib/vm.js";

export type Answer = string | RegExp;

export interface Check {
  readonly label: string;
  readonly probe: Probe;
  readonly denied: Answer;
  readonly allowed: Answer;
  /**
   * Why the guest kernel cannot prove this check: it still runs and its
   * answers are reported, but they do not decide the row.
   */
  readonly unprovable?: string;
}

/**
 * Linux 7.3 mediates AF_UNIX in AppArmor, but only profiles compiled for the
 * 5.0 feature ABI have a connect to a pathname socket checked against their
 * file rules (which is what the interfaces grant); pinned to 3.0, any unix
 * rule without a peer address lets it through. The core-like guest has a
 * parser with the 5.0 ABI and decides these checks; on the classic guest
 * (trixie's parser, pinned to 3.0) they are reported, not decided.
 */
export const PATHNAME_SOCKETS = "pathname socket connects are not mediated by file rules with this parser's feature ABI";

export interface Provider {
  readonly snap: TestSnap;
  /** Rules for the provider's snap-declaration (YAML plugs:/slots:). */
  readonly rules?: string;
}

export interface InterfaceScenario {
  readonly name: string;
  /** What enforces it: shown in the table. */
  readonly layer: string;
  readonly snap: TestSnap;
  readonly rules?: string;
  readonly providers?: readonly Provider[];
  /** Guest shell run once before the snap is installed; must be idempotent. */
  readonly setup?: string;
  /** `connect` arguments: the plug, and the slot when it is not the system's. */
  readonly connect: readonly [string] | readonly [string, string];
  readonly checks: readonly Check[];
  readonly systems?: readonly SystemKind[];
}

/** The probe inside the test snap: `plugboard run NAME.probe -- ARGS`. */
const probe = (snap: string, ...args: string[]): Probe => ({ run: `${snap}.probe`, args });
/** A shell inside the test snap's sandbox (`plugboard run --shell`), for paths under $SNAP. */
const shell = (snap: string, script: string): Probe => ({ run: `${snap}.probe`, args: ["-c", script], shell: true });

const EACCES = "EACCES";
const EPERM = "EPERM";
const OK = "OK";
/** A device node with no driver behind it: allowed opens reach the kernel and fail there. */
const NO_DRIVER = /^(ENXIO|ENODEV|OK)$/;
const DENIED = /^E(ACCES|PERM)$/;

/** A snap whose only app is the probe, with these plugs (YAML under plugs:). */
function consumer(name: string, plugs: string): TestSnap {
  return {
    name,
    yaml: `name: ${name}\nversion: "1"\nsummary: VM test snap for ${name.slice(2)}\napps:\n  probe:\n    command: bin/probe\nplugs:\n${plugs}\n`,
  };
}

const mknod = (node: string, type: string, major: number, minor: number) =>
  `[ -e ${node} ] || { mkdir -p $(dirname ${node}); mknod ${node} ${type} ${major} ${minor}; }`;

/** Stands in for a service socket: the probe listening, unconfined, in the background. */
export const listener = (sock: string) =>
  `[ -S ${sock} ] || { mkdir -p $(dirname ${sock}); [ -x /tmp/pb-probe-listen ] || cp /mnt/share/tools/pb-probe /tmp/pb-probe-listen; (setsid /tmp/pb-probe-listen listen-unix ${sock} </dev/null >/dev/null 2>&1 &); for i in 1 2 3 4 5 6 7 8 9 10; do [ -S ${sock} ] && break; sleep 0.2; done; }`;

/** The gadget's slots for the bus and pin interfaces. */
export const GADGET: Provider = {
  snap: {
    name: "pb-gadget",
    probe: false,
    yaml: [
      "name: pb-gadget",
      'version: "1"',
      "summary: VM test gadget",
      "type: gadget",
      "slots:",
      "  serial1: {interface: serial-port, path: /dev/ttyS1}",
      "  gpio17: {interface: gpio, number: 17}",
      "  i2c1: {interface: i2c, path: /dev/i2c-1}",
      "  spi0: {interface: spi, path: /dev/spidev0.0}",
      "  hidraw0: {interface: hidraw, path: /dev/hidraw0}",
      "",
    ].join("\n"),
  },
};

const DOCKER_PROVIDER: Provider = {
  snap: {
    name: "t-dockerd",
    yaml: "name: t-dockerd\nversion: \"1\"\nsummary: VM test docker daemon\napps:\n  probe:\n    command: bin/probe\nslots:\n  docker-daemon:\n    interface: docker\n",
  },
  rules: "slots:\n  docker:\n    allow-installation: true\n    deny-auto-connection: true",
};

const BLUEZ_PROVIDER: Provider = {
  snap: {
    name: "t-bluetoothd",
    yaml: "name: t-bluetoothd\nversion: \"1\"\nsummary: VM test bluez service\napps:\n  probe:\n    command: bin/probe\n    slots: [bluez]\n",
  },
  // An app snap's bluez slot may be connected only where a declaration says so (on core).
  // A declaration's rule allows whatever it does not deny, so it says auto-connection is still refused.
  rules: "slots:\n  bluez:\n    allow-connection: true\n    deny-auto-connection: true",
};

const DBUS_PROVIDER: Provider = {
  snap: {
    name: "t-dbus-service",
    yaml: "name: t-dbus-service\nversion: \"1\"\nsummary: VM test D-Bus service\napps:\n  probe:\n    command: bin/probe\nslots:\n  service:\n    interface: dbus\n    bus: system\n    name: org.pbtest.Service\n",
  },
  rules: "slots:\n  dbus:\n    allow-connection: true\n    deny-auto-connection: true",
};

const BUS = "/run/dbus/system_bus_socket";

/** Declaration rules that let a test snap carry a super-privileged plug. */
const superPrivileged = (iface: string) => `plugs:\n  ${iface}:\n    allow-installation: true`;

/** A plug of a device interface on the system slot, and one node it must open only while connected. */
function deviceRow(iface: string, node: string, major: number, minor: number, opts: { superPrivileged?: boolean } = {}): InterfaceScenario {
  const snap = `t-${iface}`;
  return {
    name: iface,
    layer: "apparmor",
    snap: consumer(snap, `  ${iface}: {}`),
    ...(opts.superPrivileged ? { rules: superPrivileged(iface) } : {}),
    setup: mknod(node, "c", major, minor),
    connect: [`${snap}:${iface}`],
    checks: [{ label: `open ${node}`, probe: probe(snap, "open-rw", node), denied: EACCES, allowed: NO_DRIVER }],
  };
}

/** A plug whose interface grants one socket family; without it AppArmor or seccomp refuses the socket. */
function socketRow(iface: string, kind: string): InterfaceScenario {
  const snap = `t-${iface}`;
  return {
    name: iface,
    layer: "apparmor+seccomp",
    snap: consumer(snap, `  ${iface}: {}`),
    connect: [`${snap}:${iface}`],
    // Allowed: the family may be missing from the guest kernel; that answer still came past the profile.
    checks: [{ label: `socket ${kind}`, probe: probe(snap, "socket", kind), denied: DENIED, allowed: /^(OK|EAFNOSUPPORT|EPROTONOSUPPORT)$/ }],
  };
}

export const INTERFACE_SCENARIOS: readonly InterfaceScenario[] = [
  {
    name: "camera",
    layer: "apparmor",
    snap: consumer("t-camera", "  camera: {}"),
    setup: mknod("/dev/video0", "c", 81, 0),
    connect: ["t-camera:camera"],
    checks: [{ label: "open /dev/video0", probe: probe("t-camera", "read", "/dev/video0"), denied: EACCES, allowed: NO_DRIVER }],
  },
  {
    name: "docker",
    layer: "apparmor (af_unix)",
    snap: consumer("t-docker", "  docker: {}"),
    providers: [DOCKER_PROVIDER],
    setup: listener("/run/docker.sock"),
    connect: ["t-docker:docker", "t-dockerd:docker-daemon"],
    checks: [{ label: "connect /run/docker.sock", probe: probe("t-docker", "connect-unix", "/run/docker.sock"), denied: EACCES, allowed: OK, unprovable: PATHNAME_SOCKETS }],
  },
  {
    name: "network",
    layer: "seccomp+apparmor",
    snap: consumer("t-network", "  network: {}"),
    connect: ["t-network:network"],
    checks: [
      { label: "socket AF_INET", probe: probe("t-network", "socket", "inet"), denied: EPERM, allowed: OK },
      { label: "socket AF_INET6", probe: probe("t-network", "socket", "inet6"), denied: EPERM, allowed: OK },
      { label: "socket AF_PACKET", probe: probe("t-network", "socket", "packet"), denied: EPERM, allowed: EPERM },
    ],
  },
  {
    name: "network-bind",
    layer: "seccomp+apparmor",
    snap: consumer("t-network-bind", "  network-bind: {}"),
    connect: ["t-network-bind:network-bind"],
    checks: [{ label: "bind+listen 127.0.0.1", probe: probe("t-network-bind", "bind-inet"), denied: EPERM, allowed: OK }],
  },
  {
    name: "seccomp argument filter",
    layer: "seccomp (args)",
    snap: consumer("t-netlink", "  network-observe: {}"),
    connect: ["t-netlink:network-observe"],
    checks: [
      { label: "socket AF_NETLINK ROUTE", probe: probe("t-netlink", "socket", "netlink-route"), denied: EPERM, allowed: OK },
      { label: "socket AF_NETLINK AUDIT", probe: probe("t-netlink", "socket", "netlink-audit"), denied: EPERM, allowed: EPERM },
    ],
  },
  {
    name: "log-observe",
    layer: "apparmor+seccomp",
    snap: consumer("t-log-observe", "  log-observe: {}"),
    setup: "[ -e /var/log/syslog ] || echo 'pbvm: a log line' > /var/log/syslog",
    connect: ["t-log-observe:log-observe"],
    checks: [
      { label: "read /var/log/syslog", probe: probe("t-log-observe", "read", "/var/log/syslog"), denied: EACCES, allowed: OK },
      { label: "syslog(READ_ALL) (dmesg)", probe: probe("t-log-observe", "klog"), denied: EPERM, allowed: OK },
    ],
  },
  {
    name: "home",
    layer: "apparmor",
    snap: consumer("t-home", "  home: {}"),
    setup: "echo 'a file in the home directory' > /root/pb-home-file; echo 'a hidden file' > /root/.pb-hidden",
    connect: ["t-home:home"],
    checks: [
      { label: "read ~/pb-home-file", probe: probe("t-home", "read", "/root/pb-home-file"), denied: EACCES, allowed: OK },
      { label: "read ~/.hidden (never)", probe: probe("t-home", "read", "/root/.pb-hidden"), denied: EACCES, allowed: EACCES },
    ],
  },
  {
    name: "removable-media",
    layer: "apparmor",
    snap: consumer("t-removable-media", "  removable-media: {}"),
    setup: "mkdir -p /run/media/pb && echo data > /run/media/pb/file",
    connect: ["t-removable-media:removable-media"],
    checks: [{ label: "read /run/media/pb/file", probe: probe("t-removable-media", "read", "/run/media/pb/file"), denied: EACCES, allowed: OK }],
  },
  {
    name: "hardware-observe",
    layer: "apparmor",
    snap: consumer("t-hardware-observe", "  hardware-observe: {}"),
    connect: ["t-hardware-observe:hardware-observe"],
    checks: [
      { label: "read /proc/ioports", probe: probe("t-hardware-observe", "read", "/proc/ioports"), denied: EACCES, allowed: OK },
      { label: "list /sys/bus", probe: probe("t-hardware-observe", "list", "/sys/bus"), denied: EACCES, allowed: OK },
    ],
  },
  {
    name: "serial-port (gadget slot)",
    layer: "apparmor+udev",
    snap: consumer("t-serial-port", "  serial-port: {}"),
    providers: [GADGET],
    connect: ["t-serial-port:serial-port", "pb-gadget:serial1"],
    checks: [
      { label: "open /dev/ttyS1", probe: probe("t-serial-port", "open-rw", "/dev/ttyS1"), denied: EACCES, allowed: /^(OK|EIO)$/ },
      { label: "udev tag on ttyS1", probe: { udevTag: { device: "/dev/ttyS1", tag: "snap_t-serial-port_probe" } }, denied: "ABSENT", allowed: OK },
    ],
  },
  {
    name: "gpio (gadget slot)",
    layer: "apparmor",
    snap: consumer("t-gpio", "  gpio: {}"),
    providers: [GADGET],
    // No GPIO chip in the VM: a tmpfs in sysfs stands in for the exported line's attributes.
    setup:
      "mountpoint -q /sys/devices/software || mount -t tmpfs pbgpio /sys/devices/software; mkdir -p /sys/devices/software/gpio/gpio17; echo 0 > /sys/devices/software/gpio/gpio17/value",
    connect: ["t-gpio:gpio", "pb-gadget:gpio17"],
    checks: [
      { label: "read gpio17/value", probe: probe("t-gpio", "read", "/sys/devices/software/gpio/gpio17/value"), denied: EACCES, allowed: OK },
      { label: "write gpio17/value", probe: probe("t-gpio", "write", "/sys/devices/software/gpio/gpio17/value"), denied: EACCES, allowed: OK },
    ],
  },
  {
    name: "i2c (gadget slot)",
    layer: "apparmor",
    snap: consumer("t-i2c", "  i2c: {}"),
    providers: [GADGET],
    setup: mknod("/dev/i2c-1", "c", 89, 1),
    connect: ["t-i2c:i2c", "pb-gadget:i2c1"],
    checks: [{ label: "open /dev/i2c-1", probe: probe("t-i2c", "open-rw", "/dev/i2c-1"), denied: EACCES, allowed: NO_DRIVER }],
  },
  {
    name: "raw-usb",
    layer: "apparmor",
    snap: consumer("t-raw-usb", "  raw-usb: {}"),
    setup: mknod("/dev/bus/usb/001/001", "c", 189, 0),
    connect: ["t-raw-usb:raw-usb"],
    checks: [
      { label: "open /dev/bus/usb/001/001", probe: probe("t-raw-usb", "open-rw", "/dev/bus/usb/001/001"), denied: EACCES, allowed: NO_DRIVER },
      { label: "socket NETLINK_KOBJECT_UEVENT", probe: probe("t-raw-usb", "socket", "netlink-uevent"), denied: EPERM, allowed: OK },
    ],
  },
  {
    name: "joystick",
    layer: "apparmor",
    snap: consumer("t-joystick", "  joystick: {}"),
    setup: mknod("/dev/input/js0", "c", 13, 0),
    connect: ["t-joystick:joystick"],
    checks: [{ label: "open /dev/input/js0", probe: probe("t-joystick", "read", "/dev/input/js0"), denied: EACCES, allowed: NO_DRIVER }],
  },
  {
    name: "kvm",
    layer: "apparmor+udev",
    snap: consumer("t-kvm", "  kvm: {}"),
    setup: mknod("/dev/kvm", "c", 10, 232),
    connect: ["t-kvm:kvm"],
    checks: [{ label: "open /dev/kvm", probe: probe("t-kvm", "open-rw", "/dev/kvm"), denied: EACCES, allowed: NO_DRIVER }],
  },
  {
    name: "tpm",
    layer: "apparmor",
    snap: consumer("t-tpm", "  tpm: {}"),
    setup: mknod("/dev/tpm0", "c", 10, 224),
    connect: ["t-tpm:tpm"],
    checks: [{ label: "open /dev/tpm0", probe: probe("t-tpm", "open-rw", "/dev/tpm0"), denied: EACCES, allowed: NO_DRIVER }],
  },
  {
    name: "fuse-support",
    layer: "apparmor",
    snap: consumer("t-fuse-support", "  fuse-support: {}"),
    setup: mknod("/dev/fuse", "c", 10, 229),
    connect: ["t-fuse-support:fuse-support"],
    checks: [{ label: "open /dev/fuse", probe: probe("t-fuse-support", "open-rw", "/dev/fuse"), denied: EACCES, allowed: NO_DRIVER }],
  },
  {
    name: "physical-memory-observe",
    layer: "apparmor",
    snap: consumer("t-physical-memory-observe", "  physical-memory-observe: {}"),
    connect: ["t-physical-memory-observe:physical-memory-observe"],
    // Allowed: the open succeeds; the kernel's strict /dev/mem may still refuse the read itself.
    checks: [{ label: "read /dev/mem", probe: probe("t-physical-memory-observe", "read", "/dev/mem"), denied: EACCES, allowed: /^(OK|EPERM|E14)$/ }],
  },
  {
    name: "alsa",
    layer: "apparmor",
    snap: consumer("t-alsa", "  alsa: {}"),
    setup: mknod("/dev/snd/controlC0", "c", 116, 0),
    connect: ["t-alsa:alsa"],
    checks: [{ label: "open /dev/snd/controlC0", probe: probe("t-alsa", "open-rw", "/dev/snd/controlC0"), denied: EACCES, allowed: NO_DRIVER }],
  },
  {
    name: "ppp",
    layer: "apparmor",
    snap: consumer("t-ppp", "  ppp: {}"),
    setup: mknod("/dev/ppp", "c", 108, 0),
    connect: ["t-ppp:ppp"],
    // Once the file rule lets the open through, ppp_generic asks for
    // CAP_NET_ADMIN, which ppp does not grant (snapd's does not either:
    // network-control does), so EPERM is the driver's answer, not AppArmor's.
    checks: [{ label: "open /dev/ppp", probe: probe("t-ppp", "open-rw", "/dev/ppp"), denied: EACCES, allowed: /^(EPERM|ENXIO|ENODEV|OK)$/ }],
  },
  {
    name: "opengl",
    layer: "apparmor",
    snap: consumer("t-opengl", "  opengl: {}"),
    setup: mknod("/dev/dri/card0", "c", 226, 0),
    connect: ["t-opengl:opengl"],
    checks: [{ label: "open /dev/dri/card0", probe: probe("t-opengl", "open-rw", "/dev/dri/card0"), denied: EACCES, allowed: NO_DRIVER }],
  },
  {
    name: "network-control",
    layer: "apparmor+seccomp",
    snap: consumer("t-network-control", "  network-control: {}"),
    setup: mknod("/dev/net/tun", "c", 10, 200),
    connect: ["t-network-control:network-control"],
    checks: [
      { label: "open /dev/net/tun", probe: probe("t-network-control", "open-rw", "/dev/net/tun"), denied: EACCES, allowed: NO_DRIVER },
      { label: "socket AF_PACKET", probe: probe("t-network-control", "socket", "packet"), denied: EPERM, allowed: OK },
    ],
  },
  {
    name: "spi (gadget slot)",
    layer: "apparmor",
    snap: consumer("t-spi", "  spi: {}"),
    providers: [GADGET],
    setup: mknod("/dev/spidev0.0", "c", 153, 0),
    connect: ["t-spi:spi", "pb-gadget:spi0"],
    checks: [{ label: "open /dev/spidev0.0", probe: probe("t-spi", "open-rw", "/dev/spidev0.0"), denied: EACCES, allowed: NO_DRIVER }],
  },
  {
    name: "mount-observe",
    layer: "apparmor",
    snap: consumer("t-mount-observe", "  mount-observe: {}"),
    connect: ["t-mount-observe:mount-observe"],
    checks: [
      { label: "read /proc/swaps", probe: probe("t-mount-observe", "read", "/proc/swaps"), denied: EACCES, allowed: OK },
      { label: "read /etc/fstab", probe: probe("t-mount-observe", "read", "/etc/fstab"), denied: EACCES, allowed: OK },
    ],
  },
  {
    name: "system-observe",
    layer: "apparmor",
    snap: consumer("t-system-observe", "  system-observe: {}"),
    connect: ["t-system-observe:system-observe"],
    checks: [
      { label: "read /proc/loadavg", probe: probe("t-system-observe", "read", "/proc/loadavg"), denied: EACCES, allowed: OK },
      // Not cmdline: the base template lets an app read its owner's processes' command lines.
      { label: "read /proc/1/cgroup", probe: probe("t-system-observe", "read", "/proc/1/cgroup"), denied: EACCES, allowed: OK },
    ],
  },
  {
    name: "process-control",
    layer: "apparmor (capability)",
    snap: consumer("t-process-control", "  process-control: {}"),
    connect: ["t-process-control:process-control"],
    checks: [{ label: "setpriority -5", probe: probe("t-process-control", "nice", "-5"), denied: DENIED, allowed: OK }],
  },
  {
    name: "shutdown",
    layer: "apparmor (af_unix)",
    snap: consumer("t-shutdown", "  shutdown: {}"),
    setup: listener(BUS),
    connect: ["t-shutdown:shutdown"],
    checks: [{ label: "connect system bus", probe: probe("t-shutdown", "connect-unix", BUS), denied: EACCES, allowed: OK, unprovable: PATHNAME_SOCKETS }],
  },
  {
    name: "time-control",
    layer: "seccomp+apparmor+udev",
    snap: consumer("t-time-control", "  time-control: {}"),
    connect: ["t-time-control:time-control"],
    checks: [
      { label: "clock_settime", probe: probe("t-time-control", "settime"), denied: EPERM, allowed: OK },
      { label: "open /dev/rtc0", probe: probe("t-time-control", "read", "/dev/rtc0"), denied: EACCES, allowed: /^(OK|EINVAL|EAGAIN|E11)$/ },
      { label: "udev tag on rtc0", probe: { udevTag: { device: "/dev/rtc0", tag: "snap_t-time-control_probe" } }, denied: "ABSENT", allowed: OK },
    ],
  },
  // Device interfaces for IoT hardware, each on a node made with mknod: the
  // profile decides the open, the missing driver answers an allowed one.
  deviceRow("framebuffer", "/dev/fb0", 29, 0),
  deviceRow("raw-input", "/dev/input/event0", 13, 64),
  deviceRow("uhid", "/dev/uhid", 10, 239),
  deviceRow("tee", "/dev/tee0", 245, 0, { superPrivileged: true }),
  deviceRow("ptp", "/dev/ptp0", 246, 0),
  deviceRow("vcio", "/dev/vcio", 100, 0),
  deviceRow("intel-mei", "/dev/mei0", 244, 0),
  deviceRow("ion-memory-control", "/dev/ion", 10, 61, { superPrivileged: true }),
  deviceRow("xilinx-dma", "/dev/xdma0_user", 243, 0, { superPrivileged: true }),
  {
    name: "hidraw (gadget slot)",
    layer: "apparmor",
    snap: consumer("t-hidraw", "  hidraw: {}"),
    providers: [GADGET],
    setup: `${mknod("/dev/hidraw0", "c", 242, 0)}; ${mknod("/dev/hidraw1", "c", 242, 1)}`,
    connect: ["t-hidraw:hidraw", "pb-gadget:hidraw0"],
    checks: [
      { label: "open /dev/hidraw0", probe: probe("t-hidraw", "open-rw", "/dev/hidraw0"), denied: EACCES, allowed: NO_DRIVER },
      { label: "open /dev/hidraw1 (not the slot's)", probe: probe("t-hidraw", "open-rw", "/dev/hidraw1"), denied: EACCES, allowed: EACCES },
    ],
  },
  socketRow("kernel-crypto-api", "alg"),
  socketRow("can-bus", "can"),
  socketRow("netlink-connector", "netlink-connector"),
  {
    name: "kernel-module-control",
    layer: "seccomp+apparmor (capability)",
    snap: consumer("t-kernel-module-control", "  kernel-module-control: {}"),
    rules: superPrivileged("kernel-module-control"),
    connect: ["t-kernel-module-control:kernel-module-control"],
    // An invalid descriptor: allowed, the kernel gets as far as the fd and loads nothing.
    checks: [{ label: "finit_module(-1)", probe: probe("t-kernel-module-control", "finit-module"), denied: EPERM, allowed: "EBADF" }],
  },
  {
    name: "bluez (app slot)",
    layer: "apparmor (af_unix)",
    snap: consumer("t-bluez", "  bluez: {}"),
    providers: [BLUEZ_PROVIDER],
    // A bluez snap is the service on core only: on classic, as in snapd, its
    // slot gets no rules (the distribution's bluetoothd is assumed), so the
    // service's AF_BLUETOOTH check below holds on core alone.
    systems: ["core"],
    setup: listener(BUS),
    connect: ["t-bluez:bluez", "t-bluetoothd:bluez"],
    checks: [
      { label: "client: connect system bus", probe: probe("t-bluez", "connect-unix", BUS), denied: EACCES, allowed: OK, unprovable: PATHNAME_SOCKETS },
      // The service's own slot rules hold whether or not anyone is connected; the client never gets the family.
      { label: "client: AF_BLUETOOTH (never)", probe: probe("t-bluez", "socket", "bluetooth"), denied: EPERM, allowed: EPERM, unprovable: "constant: shows the slot side's rules stay on the slot side" },
      { label: "service: AF_BLUETOOTH", probe: probe("t-bluetoothd", "socket", "bluetooth"), denied: /^(OK|EAFNOSUPPORT)$/, allowed: /^(OK|EAFNOSUPPORT)$/, unprovable: "constant: the permanent slot rules" },
    ],
  },
  {
    name: "dbus (app slot)",
    layer: "apparmor (af_unix)",
    snap: consumer("t-dbus", "  service:\n    interface: dbus\n    bus: system\n    name: org.pbtest.Service"),
    providers: [DBUS_PROVIDER],
    setup: listener(BUS),
    connect: ["t-dbus:service", "t-dbus-service:service"],
    checks: [
      { label: "client: connect system bus", probe: probe("t-dbus", "connect-unix", BUS), denied: EACCES, allowed: OK, unprovable: PATHNAME_SOCKETS },
      { label: "service: connect system bus", probe: probe("t-dbus-service", "connect-unix", BUS), denied: OK, allowed: OK, unprovable: PATHNAME_SOCKETS },
    ],
  },
  {
    name: "content (read-only)",
    layer: "mount namespace",
    snap: {
      ...consumer("t-content", "  shared:\n    interface: content\n    content: pbtest-data\n    target: $SNAP/data\n    default-provider: t-content-provider"),
      files: { "data/.mountpoint": "" },
    },
    providers: [
      {
        snap: {
          name: "t-content-provider",
          yaml: "name: t-content-provider\nversion: \"1\"\nsummary: VM test content provider\napps:\n  probe:\n    command: bin/probe\nslots:\n  shared:\n    interface: content\n    content: pbtest-data\n    read:\n      - $SNAP/shared\n",
          files: { "shared/hello.txt": "hello from the provider\n" },
        },
      },
    ],
    connect: ["t-content:shared", "t-content-provider:shared"],
    checks: [
      { label: "read $SNAP/data/hello.txt", probe: shell("t-content", 'exec "$SNAP/bin/probe" read "$SNAP/data/hello.txt"'), denied: "ENOENT", allowed: OK },
      { label: "write $SNAP/data/hello.txt", probe: shell("t-content", 'exec "$SNAP/bin/probe" write "$SNAP/data/hello.txt"'), denied: "ENOENT", allowed: /^E(ROFS|ACCES)$/ },
    ],
  },
];
