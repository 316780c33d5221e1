import { execa } from "execa";
import { copyFile, lstat, mkdir, readFile, readlink, symlink, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { multiarchTriplet } from "../src/plan/index.js";
import { cli, ok, snapshotTree, tempRoot } from "./helpers/cli.js";

// The *-driver-libs interfaces, connected from the system snap's implicit
// plug to a driver snap's slot, through the CLI on a temporary root: what the
// host gets (the loader's search path, the export lists, the links into the
// drivers' directories), and that a refused manifest or a host file in the
// way changes nothing.

const LOADER = "etc/ld.so.conf.d/snap.system.conf";
const EXPORT = "var/lib/plugboard/export";
const TRIPLET = multiarchTriplet();
const LIBDIR = `usr/lib/${TRIPLET}`;

/** A driver snap with one slot of each driver-libs interface, its files inside root (as an extracted .snap's are). */
async function driverSnap(root: string, opts: { eglLibrary?: string; vulkanApi?: string } = {}): Promise<string> {
  const dir = path.join(root, "srv/drv");
  const yaml = `name: drv
version: '1'
slots:
  egl:
    interface: egl-driver-libs
    priority: 10
    compatibility: egl-1-5-ubuntu-2404
    icd-source: [$SNAP/share/glvnd/egl_vendor.d]
    library-source: [$SNAP/${LIBDIR}]
  gbm:
    interface: gbm-driver-libs
    client-driver: nvidia-drm_gbm.so
    compatibility: gbmbackend-(0..2)-arch64-ubuntu-2404
    library-source: [$SNAP/${LIBDIR}]
  vulkan:
    interface: vulkan-driver-libs
    compatibility: vulkan-1-(0..3)-ubuntu-2404
    library-source: [$SNAP/${LIBDIR}]
    icd-source: [$SNAP/share/vulkan/icd.d]
    implicit-layer-source: [$SNAP/share/vulkan/implicit_layer.d]
  gl:
    interface: opengl-driver-libs
    compatibility: opengl-4-6-ubuntu-2404
    library-source: [$SNAP/${LIBDIR}, $SNAP/lib/extra]
  gles:
    interface: opengles-driver-libs
    compatibility: opengles-3-2-ubuntu-2404
    library-source: [$SNAP/${LIBDIR}]
  cuda:
    interface: cuda-driver-libs
    compatibility: cuda-(12..13)-ubuntu-2404
    library-source: [$SNAP/${LIBDIR}]
  video:
    interface: nvidia-video-driver-libs
    compatibility: nvidia-video-12-2-ubuntu-2404
    library-source: [$SNAP/${LIBDIR}]
`;
  await mkdir(path.join(dir, "meta"), { recursive: true });
  await writeFile(path.join(dir, "meta/snap.yaml"), yaml);
  await mkdir(path.join(dir, LIBDIR), { recursive: true });
  // A real shared object, so the real ldconfig has something to cache.
  await copyFile(`/usr/lib/${TRIPLET}/libz.so.1`, path.join(dir, LIBDIR, "libEGL_nvidia.so.0"));
  for (const f of ["nvidia-drm_gbm.so", "libGLX_nvidia.so.0", "libnvidia-vk.so.1"]) await writeFile(path.join(dir, LIBDIR, f), "");
  await mkdir(path.join(dir, "share/glvnd/egl_vendor.d"), { recursive: true });
  await writeFile(path.join(dir, "share/glvnd/egl_vendor.d/10_nvidia.json"), JSON.stringify({ file_format_version: "1.0.0", ICD: { library_path: opts.eglLibrary ?? "libEGL_nvidia.so.0" } }));
  // Not a manifest: only *.json files are linked.
  await writeFile(path.join(dir, "share/glvnd/egl_vendor.d/README"), "");
  await mkdir(path.join(dir, "share/vulkan/icd.d"), { recursive: true });
  await writeFile(path.join(dir, "share/vulkan/icd.d/nvidia_icd.json"), JSON.stringify({ file_format_version: "1.0.0", ICD: { library_path: "libnvidia-vk.so.1", api_version: opts.vulkanApi ?? "1.3.277" } }));
  await mkdir(path.join(dir, "share/vulkan/implicit_layer.d"), { recursive: true });
  await writeFile(path.join(dir, "share/vulkan/implicit_layer.d/nvidia_layers.json"), JSON.stringify({ file_format_version: "1.0.0", layer: { name: "VK_LAYER_NV_optimus", api_version: "1.3.277", library_path: "libGLX_nvidia.so.0" } }));
  return dir;
}

const SYSTEM = "core";
const dirs = (...d: string[]) => d.map((x) => `/srv/drv/${x}`);

/** What each interface gives the host once connected, by device mode (undefined: the system has no such plug there). */
const CASES: {
  iface: string;
  slot: string;
  classic: { loader: string[]; exported: boolean; links: [string, string][] };
  core: { exported: boolean } | undefined;
}[] = [
  {
    iface: "egl-driver-libs",
    slot: "egl",
    classic: {
      loader: dirs(LIBDIR),
      exported: true,
      links: [["etc/glvnd/egl_vendor.d/10_snap_drv_egl_share-glvnd-egl_vendor.d-10_nvidia.json", "/srv/drv/share/glvnd/egl_vendor.d/10_nvidia.json"]],
    },
    core: { exported: true },
  },
  {
    iface: "gbm-driver-libs",
    slot: "gbm",
    classic: { loader: dirs(LIBDIR), exported: true, links: [[`usr/lib/${TRIPLET}/gbm/nvidia-drm_gbm.so`, `/srv/drv/${LIBDIR}/nvidia-drm_gbm.so`]] },
    core: { exported: true },
  },
  {
    iface: "vulkan-driver-libs",
    slot: "vulkan",
    classic: {
      loader: dirs(LIBDIR),
      exported: true,
      links: [
        ["etc/vulkan/icd.d/snap_drv_vulkan_share-vulkan-icd.d-nvidia_icd.json", "/srv/drv/share/vulkan/icd.d/nvidia_icd.json"],
        ["etc/vulkan/implicit_layer.d/snap_drv_vulkan_share-vulkan-implicit_layer.d-nvidia_layers.json", "/srv/drv/share/vulkan/implicit_layer.d/nvidia_layers.json"],
      ],
    },
    core: { exported: true },
  },
  { iface: "opengl-driver-libs", slot: "gl", classic: { loader: dirs(LIBDIR, "lib/extra"), exported: true, links: [] }, core: { exported: true } },
  { iface: "opengles-driver-libs", slot: "gles", classic: { loader: dirs(LIBDIR), exported: true, links: [] }, core: { exported: true } },
  { iface: "cuda-driver-libs", slot: "cuda", classic: { loader: dirs(LIBDIR), exported: true, links: [] }, core: { exported: true } },
  { iface: "nvidia-video-driver-libs", slot: "video", classic: { loader: dirs(LIBDIR), exported: true, links: [] }, core: undefined },
];

async function linkAt(root: string, rel: string): Promise<string | undefined> {
  try {
    if (!(await lstat(path.join(root, rel))).isSymbolicLink()) return "(not a link)";
    return await readlink(path.join(root, rel));
  } catch {
    return undefined;
  }
}

describe("driver libraries offered to the host through the system snap's plugs", () => {
  let root: string;
  let cleanup: () => Promise<void>;
  beforeEach(async () => ({ root, cleanup } = await tempRoot()));
  afterEach(() => cleanup());

  it.each(CASES)("classic: connecting $iface gives the host its loader path, export list and links; disconnecting takes them away", async (c) => {
    await ok(root, "install", "--dangerous", await driverSnap(root));
    const before = await snapshotTree(root);
    expect(before[LOADER]).toBeUndefined();
    for (const [link] of c.classic.links) expect(await linkAt(root, link)).toBeUndefined();

    await ok(root, "connect", `${SYSTEM}:${c.iface}`, `drv:${c.slot}`);
    const after = await snapshotTree(root);
    const loader = after[LOADER] ?? "";
    expect(loader).toContain(`# Directories from drv snap, ${c.slot} slot\n${c.classic.loader.join("\n")}\n`);
    expect(after[`${EXPORT}/system_drv_${c.slot}_${c.iface}.library-source`]).toBe(`${c.classic.loader.join("\n")}\n`);
    for (const [link, target] of c.classic.links) expect(await linkAt(root, link)).toBe(target);
    // Nothing but the host's configuration and the state changed: no snap's profile.
    const changed = Object.keys(after).filter((f) => after[f] !== before[f]);
    expect(changed.filter((f) => !f.startsWith("etc/") && !f.startsWith(`${EXPORT}/`) && !f.startsWith("usr/lib/")).sort()).toEqual(["var/lib/plugboard/state.json"]);

    await ok(root, "disconnect", `${SYSTEM}:${c.iface}`, `drv:${c.slot}`);
    for (const [link] of c.classic.links) expect(await linkAt(root, link)).toBeUndefined();
    const final = await snapshotTree(root);
    expect(final[LOADER]).toBeUndefined();
    expect(Object.keys(final).filter((f) => f.startsWith(`${EXPORT}/`))).toEqual([]);
  });

  it.each(CASES)("core: $iface lists the libraries for confined apps but leaves the image's loader and driver directories alone", async (c) => {
    await mkdir(path.join(root, "etc/plugboard"), { recursive: true });
    await writeFile(path.join(root, "etc/plugboard/device.yaml"), "mode: core\n");
    await ok(root, "install", "--dangerous", await driverSnap(root));
    const r = await cli(root, "connect", `${SYSTEM}:${c.iface}`, `drv:${c.slot}`);
    if (c.core === undefined) {
      // snapd gives the system this plug on classic only.
      expect(r.exitCode).toBe(1);
      expect(r.stderr).toMatch(new RegExp(`snap "${SYSTEM}" has no plug named "${c.iface}"`));
      return;
    }
    expect(r.exitCode, r.stderr).toBe(0);
    const after = await snapshotTree(root);
    expect(after[LOADER]).toBeUndefined();
    for (const [link] of c.classic.links) expect(await linkAt(root, link)).toBeUndefined();
    expect(after[`${EXPORT}/system_drv_${c.slot}_${c.iface}.library-source`]).toBe(`${c.classic.loader.join("\n")}\n`);
  });

  it("slots of several interfaces share one loader file, sorted by snap and slot", async () => {
    await ok(root, "install", "--dangerous", await driverSnap(root));
    await ok(root, "connect", `${SYSTEM}:opengl-driver-libs`, "drv:gl");
    await ok(root, "connect", `${SYSTEM}:cuda-driver-libs`, "drv:cuda");
    const loader = await readFile(path.join(root, LOADER), "utf8");
    expect(loader.indexOf("cuda slot")).toBeGreaterThan(0);
    expect(loader.indexOf("cuda slot")).toBeLessThan(loader.indexOf("gl slot"));
    await ok(root, "disconnect", `${SYSTEM}:cuda-driver-libs`, "drv:cuda");
    expect(await readFile(path.join(root, LOADER), "utf8")).not.toContain("cuda slot");
  });

  it("the real ldconfig finds the snap's library through the loader file Plugboard wrote", async () => {
    await ok(root, "install", "--dangerous", await driverSnap(root));
    await ok(root, "connect", `${SYSTEM}:egl-driver-libs`, "drv:egl");
    // -r: the root is the host's "/" as ldconfig sees it; the file's paths are written for that view.
    await execa("ldconfig", ["-r", root, "-X", "-f", `/${LOADER}`, "-C", "/etc/ld.so.cache"]);
    const { stdout } = await execa("ldconfig", ["-r", root, "-p", "-C", "/etc/ld.so.cache"]);
    // libz's soname, found in the snap's directory.
    expect(stdout).toMatch(new RegExp(`\\t\\S+ \\([^)]*\\) => /srv/drv/${LIBDIR}/`));
  });

  it.each([
    ["an EGL manifest naming a library the snap does not have", "egl-driver-libs", "egl", { eglLibrary: "libEGL_missing.so.0" }, /manifest 10_nvidia\.json .*"libEGL_missing\.so\.0" not found in the library-source directories/],
    ["an EGL manifest naming a host library by path", "egl-driver-libs", "egl", { eglLibrary: "../../../../../../../../../../etc/passwd" }, /not found in the library-source directories/],
    ["a Vulkan ICD for an API the slot does not claim", "vulkan-driver-libs", "vulkan", { vulkanApi: "1.7.0" }, /api_version 1\.7\.0 is not compatible with the interface compatibility label vulkan-1-\(0\.\.3\)-ubuntu-2404/],
    ["a Vulkan ICD whose api_version is not a version", "vulkan-driver-libs", "vulkan", { vulkanApi: "1" }, /api_version is not a version: 1/],
  ])("%s is refused and nothing changes", async (_what, iface, slot, opts, message) => {
    await ok(root, "install", "--dangerous", await driverSnap(root, opts));
    const before = await snapshotTree(root);
    const r = await cli(root, "connect", `${SYSTEM}:${iface}`, `drv:${slot}`);
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toMatch(message);
    expect(await snapshotTree(root)).toEqual(before);
  });

  it("a host file where a link would go is kept, and the connection is refused", async () => {
    await ok(root, "install", "--dangerous", await driverSnap(root));
    const gbm = `usr/lib/${TRIPLET}/gbm`;
    await mkdir(path.join(root, gbm), { recursive: true });
    await symlink("../libnvidia-allocator.so.1", path.join(root, gbm, "nvidia-drm_gbm.so"));
    const before = await snapshotTree(root);
    const r = await cli(root, "connect", `${SYSTEM}:gbm-driver-libs`, "drv:gbm");
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toContain(`cannot link /${gbm}/nvidia-drm_gbm.so to /srv/drv/${LIBDIR}/nvidia-drm_gbm.so: a link to ../libnvidia-allocator.so.1 that Plugboard did not make is there`);
    expect(await linkAt(root, `${gbm}/nvidia-drm_gbm.so`)).toBe("../libnvidia-allocator.so.1");
    expect(await snapshotTree(root)).toEqual(before);
  });

  it("removing the driver snap takes its links and loader entries away, and converge puts back a link someone deleted", async () => {
    await ok(root, "install", "--dangerous", await driverSnap(root));
    await ok(root, "connect", `${SYSTEM}:egl-driver-libs`, "drv:egl");
    const link = "etc/glvnd/egl_vendor.d/10_snap_drv_egl_share-glvnd-egl_vendor.d-10_nvidia.json";
    const { rm } = await import("node:fs/promises");
    await rm(path.join(root, link));
    await ok(root, "agent", "--once");
    expect(await linkAt(root, link)).toBe("/srv/drv/share/glvnd/egl_vendor.d/10_nvidia.json");
    await ok(root, "remove", "drv");
    expect(await linkAt(root, link)).toBeUndefined();
    const final = await snapshotTree(root);
    expect(final[LOADER]).toBeUndefined();
    expect(Object.keys(final).filter((f) => f.startsWith(`${EXPORT}/`))).toEqual([]);
  });
});
