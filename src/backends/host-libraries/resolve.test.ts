import { describe, expect, it } from "vitest";
import { multiarchTriplet } from "../../plan/index.js";
import { parseLinkRecord, renderLinkRecord } from "./render.js";
import { escapePathForName, hostView } from "./resolve.js";

describe("host libraries: names and paths", () => {
  it.each([
    ["share/glvnd/egl_vendor.d/10_nvidia.json", "share-glvnd-egl_vendor.d-10_nvidia.json"],
    ["egl.d/vendor.json", "egl.d-vendor.json"],
    // systemd's escaping: "-" and anything outside [A-Za-z0-9:_.] become \xNN, a leading "." too.
    ["icd.d/nvidia-icd.json", "icd.d-nvidia\\x2dicd.json"],
    [".hidden/a.json", "\\x2ehidden-a.json"],
    ["a//b/", "a-b"],
  ])("%j is named %j", (rel, name) => {
    expect(escapePathForName(rel)).toBe(name);
  });

  it("paths inside the managed root are written as the host will see them once it is /", () => {
    expect(hostView("/tmp/r", "/tmp/r/var/lib/plugboard/snaps/drv/x1/root/lib")).toBe("/var/lib/plugboard/snaps/drv/x1/root/lib");
    expect(hostView("/", "/srv/drv/lib")).toBe("/srv/drv/lib");
    expect(hostView("/tmp/r", "/srv/drv/lib")).toBe("/srv/drv/lib");
  });

  it("a link record reads back as it was written", () => {
    const entry = { snap: "drv", slot: "s", interface: "egl-driver-libs", libraryDirs: [], loaderPath: true, exportList: true };
    const links = new Map([
      ["/etc/b", "/srv/b"],
      ["/etc/a", "/srv/a"],
    ]);
    const text = renderLinkRecord([{ ...entry, links }])!;
    expect(text.split("\n").slice(1)).toEqual(["/etc/a\t/srv/a", "/etc/b\t/srv/b", ""]);
    expect(parseLinkRecord(text)).toEqual(links);
    expect(renderLinkRecord([{ ...entry, links: new Map() }])).toBeUndefined();
  });

  it.each([
    ["x64", "x86_64-linux-gnu"],
    ["arm64", "aarch64-linux-gnu"],
    ["arm", "arm-linux-gnueabihf"],
    ["riscv64", "riscv64-linux-gnu"],
  ])("%s libraries live under /usr/lib/%s", (arch, triplet) => {
    expect(multiarchTriplet(arch)).toBe(triplet);
  });
});
