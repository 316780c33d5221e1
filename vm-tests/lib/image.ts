// The guest image: Debian trixie from Debian's own packages, built once by
// mmdebstrap and cached outside the repository under a hash of its recipe, so
// a change to the recipe (this file, the customize hook or a guest file) makes
// the next run rebuild it and an unchanged recipe costs nothing.
import { createHash } from "node:crypto";
import { existsSync, promises as fs } from "node:fs";
import os from "node:os";
import path from "node:path";
import { execa } from "execa";
import { packageRoot as repoRoot } from "../../src/files/index.js";
import type { SystemKind } from "./vm.js";

const SUITE = "trixie";
const MIRRORS = [
  "deb http://deb.debian.org/debian trixie main",
  "deb http://deb.debian.org/debian trixie-updates main",
  "deb http://deb.debian.org/debian-security trixie-security main",
  "deb http://deb.debian.org/debian trixie-backports main",
];
// The kernel comes from backports: Linux 6.17 and later mediate AF_UNIX
// sockets in AppArmor (connect to /run/docker.sock, the D-Bus socket); the
// release kernel, like any before 6.17, lets every confined app connect to
// every socket, which would leave the socket-based interfaces unprovable.
const KERNEL = "linux-image-amd64/trixie-backports";

/**
 * Where each system's AppArmor userspace comes from. The classic guest runs
 * trixie's own (parser 4.1, which ships feature ABIs up to 4.0, so profiles
 * are pinned to 3.0 as on most distributions today). The core-like guest
 * takes AppArmor from unstable (parser 5.x with the 5.0 ABI), as a device
 * image built now would: with the 5.0 pin the kernel checks connects to
 * pathname sockets against file rules, which proves the socket interfaces
 * (docker, the D-Bus ones) there. The rest of both images is trixie.
 */
const APPARMOR_SUITE: Record<SystemKind, string | undefined> = { core: "unstable", classic: undefined };
const apparmorPackages = (suite: string | undefined) => (suite ? [`apparmor/${suite}`, `libapparmor1/${suite}`] : ["apparmor"]);

/** What the guest runs: the kernel with AppArmor, the system tools Plugboard drives, and Node for the CLI. */
const PACKAGES = [
  "systemd-sysv", KERNEL, "initramfs-tools", "zstd", "kmod", "udev",
  "bubblewrap", "libseccomp2", "squashfs-tools", "nodejs", "iproute2", "procps",
];

/** Modules the initramfs must carry to mount a virtio root (ext4 or squashfs), overlays and the 9p share. */
const INITRAMFS_MODULES = ["virtio_pci", "virtio_blk", "ext4", "squashfs", "overlay", "9pnet_virtio", "9p"];

/** Kernel driver trees no test touches: leaving them out halves the image. */
const UNUSED_DRIVERS = [
  "drivers/gpu", "drivers/net/wireless", "drivers/media", "drivers/staging", "drivers/infiniband", "drivers/isdn",
  "drivers/bluetooth", "drivers/net/ethernet", "sound", "net/wireless", "net/mac80211", "net/bluetooth", "drivers/iio",
  "drivers/hid", "drivers/usb", "drivers/md", "drivers/input",
];

export interface Image {
  readonly dir: string;
  readonly hash: string;
  readonly kernel: string;
  readonly initrd: string;
  readonly kind: SystemKind;
  /** ext4 root for the classic system (used through a copy-on-write overlay). */
  readonly ext4: string;
  /** squashfs root for the core-like system (read-only). */
  readonly squashfs: string;
}

function recipeFiles(): string[] {
  const base = path.join(repoRoot(), "vm-tests");
  return [
    path.join(base, "lib/image.ts"),
    path.join(base, "image/customize.sh"),
    ...["pbvm-init", "pbvm-runner", "pbvm-writable", "pbvm-runner.service"].map((f) => path.join(base, "image/guest", f)),
  ];
}

export async function recipeHash(kind: SystemKind): Promise<string> {
  const h = createHash("sha256");
  h.update(`${kind}\0apparmor from ${APPARMOR_SUITE[kind] ?? SUITE}\0`);
  for (const f of recipeFiles()) {
    h.update(path.relative(repoRoot(), f)).update("\0").update(await fs.readFile(f)).update("\0");
  }
  return h.digest("hex").slice(0, 16);
}

export function cacheDir(): string {
  if (process.env["PLUGBOARD_VM_CACHE"]) return path.resolve(process.env["PLUGBOARD_VM_CACHE"]);
  const base = process.env["XDG_CACHE_HOME"] ?? path.join(os.homedir(), ".cache");
  return path.join(base, "plugboard-vm");
}

function imageAt(kind: SystemKind, dir: string, hash: string): Image {
  return {
    dir,
    hash,
    kind,
    kernel: path.join(dir, "vmlinuz"),
    initrd: path.join(dir, "initrd.img"),
    ext4: path.join(dir, "root.qcow2"),
    squashfs: path.join(dir, "root.sqfs"),
  };
}

/** The cached image of a system for the current recipe, built first when missing. */
export async function ensureImage(kind: SystemKind, log: (line: string) => void): Promise<{ image: Image; built: boolean; seconds: number }> {
  const hash = await recipeHash(kind);
  const cache = cacheDir();
  const dir = path.join(cache, `${kind}-${hash}`);
  const image = imageAt(kind, dir, hash);
  if (existsSync(path.join(dir, "complete"))) return { image, built: false, seconds: 0 };
  await fs.mkdir(cache, { recursive: true });
  const work = path.join(cache, `build-${kind}-${hash}-${process.pid}`);
  await fs.rm(work, { recursive: true, force: true });
  await fs.mkdir(work, { recursive: true });
  const started = Date.now();
  log(`building the ${kind} guest image ${hash} in ${work} (mmdebstrap, about a minute)`);
  try {
    await build(kind, work);
    await fs.writeFile(path.join(work, "complete"), new Date().toISOString() + "\n");
    await fs.rm(dir, { recursive: true, force: true });
    await fs.rename(work, dir);
  } catch (e) {
    await fs.rm(work, { recursive: true, force: true });
    throw e;
  }
  // Older recipes' images of this system are dead weight (each is about 700 MB), as are
  // images from before there was one per system.
  for (const entry of await fs.readdir(cache)) {
    const old = (entry.startsWith(`${kind}-`) && entry !== `${kind}-${hash}`) || /^[0-9a-f]{16}$/.test(entry);
    if (old) await fs.rm(path.join(cache, entry), { recursive: true, force: true });
  }
  return { image, built: true, seconds: (Date.now() - started) / 1000 };
}

async function build(kind: SystemKind, work: string): Promise<void> {
  const apparmorSuite = APPARMOR_SUITE[kind];
  const rootfs = path.join(work, "rootfs");
  const customize = path.join(repoRoot(), "vm-tests/image/customize.sh");
  const modulesHook =
    `mkdir -p "$1/usr/share/initramfs-tools/modules.d" "$1/etc/initramfs-tools/conf.d" && ` +
    `printf '${INITRAMFS_MODULES.join("\\n")}\\n' > "$1/usr/share/initramfs-tools/modules.d/pbvm" && ` +
    `echo MODULES=list > "$1/etc/initramfs-tools/conf.d/pbvm"`;
  const dpkgExcludes = [
    "path-exclude=/usr/share/man/*",
    "path-exclude=/usr/share/doc/*",
    "path-include=/usr/share/doc/*/copyright",
    "path-exclude=/usr/share/locale/*",
    "path-exclude=/usr/share/info/*",
    ...UNUSED_DRIVERS.flatMap((d) => [`path-exclude=/lib/modules/*/kernel/${d}/*`, `path-exclude=/usr/lib/modules/*/kernel/${d}/*`]),
  ];
  const hooks = "/usr/share/mmdebstrap/hooks/eatmydata";
  await execa(
    "mmdebstrap",
    [
      "--variant=minbase",
      `--include=${[...PACKAGES, ...apparmorPackages(apparmorSuite)].join(",")}`,
      ...(existsSync(hooks) ? [`--hook-dir=${hooks}`] : []),
      `--essential-hook=${modulesHook}`,
      ...dpkgExcludes.map((o) => `--dpkgopt=${o}`),
      // Everything but what is asked for by suite comes from trixie.
      // (a mirror's copy of unstable may be older than its Valid-Until date).
      ...(apparmorSuite ? [`--aptopt=APT::Default-Release "${SUITE}"`, '--aptopt=Acquire::Check-Valid-Until "false"'] : []),
      `--customize-hook=${customize} "$1"`,
      SUITE,
      rootfs,
      ...MIRRORS,
      ...(apparmorSuite ? [`deb http://deb.debian.org/debian ${apparmorSuite} main`] : []),
    ],
    { stdio: ["ignore", "ignore", "pipe"], env: { TMPDIR: work } },
  );
  const boot = await fs.readdir(path.join(rootfs, "boot"));
  const kernel = boot.find((f) => f.startsWith("vmlinuz-"));
  const initrd = boot.find((f) => f.startsWith("initrd.img-"));
  if (!kernel || !initrd) throw new Error(`the image has no kernel or initrd in /boot (found: ${boot.join(", ")})`);
  await fs.copyFile(path.join(rootfs, "boot", kernel), path.join(work, "vmlinuz"));
  await fs.copyFile(path.join(rootfs, "boot", initrd), path.join(work, "initrd.img"));
  if (kind === "classic") {
    const raw = path.join(work, "root.raw");
    await execa("truncate", ["-s", "1536M", raw]);
    await execa("mkfs.ext4", ["-q", "-F", "-L", "root", "-d", rootfs, raw]);
    await execa("qemu-img", ["convert", "-O", "qcow2", raw, path.join(work, "root.qcow2")]);
    await fs.rm(raw);
  } else await execa("mksquashfs", [rootfs, path.join(work, "root.sqfs"), "-comp", "zstd", "-Xcompression-level", "3", "-noappend", "-quiet", "-e", "boot"], { stdout: "ignore" });
  await fs.rm(rootfs, { recursive: true, force: true });
}
