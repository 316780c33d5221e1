import { execa } from "execa";
import { promises as fs } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { cli, ok, tempRoot } from "./helpers/cli.js";

// A .snap image must never bring the host devices, setuid programs, file
// capabilities, files owned by other users, or files other users can write:
// snapd mounts images read-only, nodev and nosuid, and an unpacked image must
// be as powerless. Each check failed before the unpacking confined the tree.

const YAML = "name: rogue\nversion: '1'\napps:\n  a:\n    command: bin/a\n";

/** An image whose tree holds everything an image must not bring to the host. */
async function hostileImage(root: string): Promise<string> {
  const src = path.join(root, "src-rogue");
  await fs.mkdir(path.join(src, "meta"), { recursive: true });
  await fs.mkdir(path.join(src, "bin"));
  await fs.mkdir(path.join(src, "open"));
  await fs.writeFile(path.join(src, "meta/snap.yaml"), YAML);
  await fs.writeFile(path.join(src, "bin/a"), "#!/bin/sh\necho hi\n", { mode: 0o755 });
  await fs.writeFile(path.join(src, "bin/su"), "#!/bin/sh\n", { mode: 0o755 });
  await fs.writeFile(path.join(src, "bin/capped"), "#!/bin/sh\n", { mode: 0o755 });
  await fs.writeFile(path.join(src, "world-writable"), "x", { mode: 0o666 });
  // A file capability (cap_sys_admin+ep) stored as the kernel stores it.
  await execa("python3", ["-c", "import os, struct, sys; os.setxattr(sys.argv[1], 'security.capability', struct.pack('<IIIII', 0x02000001, 1 << 21, 0, 0, 0))", path.join(src, "bin/capped")]);
  const image = path.join(root, "rogue.snap");
  // Pseudo files: the image carries the devices and modes without the builder needing them.
  await execa("mksquashfs", [
    src, image, "-noappend", "-quiet",
    "-p", "dev-null c 666 0 0 1 1",
    "-p", "disk b 666 0 0 8 0",
    "-p", "fifo i 666 0 0 f",
    "-p", "bin/su m 4755 0 0",
    "-p", "bin/a m 2755 0 0",
    "-p", "open m 1777 0 0",
    "-p", "world-writable m 666 1234 1234",
  ]);
  return image;
}

async function walk(dir: string): Promise<Array<{ rel: string; st: import("node:fs").Stats }>> {
  const out: Array<{ rel: string; st: import("node:fs").Stats }> = [];
  const visit = async (p: string) => {
    const st = await fs.lstat(p);
    out.push({ rel: path.relative(dir, p), st });
    if (st.isDirectory()) for (const n of await fs.readdir(p)) await visit(path.join(p, n));
  };
  await visit(dir);
  return out;
}

describe("installing a .snap image", () => {
  it("creates no device node, FIFO, setuid/setgid file, file capability, foreign owner or writable file", async () => {
    const { root, cleanup } = await tempRoot();
    try {
      const image = await hostileImage(root);
      // The image really holds them (so the check below can fail).
      const listing = (await execa("unsquashfs", ["-lln", image])).stdout;
      expect(listing).toMatch(/^crw-rw-rw- 0\/0 .* squashfs-root\/dev-null$/m);
      expect(listing).toMatch(/^-rwsr-xr-x 0\/0 .* squashfs-root\/bin\/su$/m);

      const r = await cli(root, "install", "--dangerous", image);
      expect(r.exitCode).toBe(0);
      const tree = path.join(root, "var/lib/plugboard/snaps/rogue/x1/root");
      const entries = await walk(tree);
      const names = entries.map((e) => e.rel).sort();
      expect(names).toEqual(["", "bin", "bin/a", "bin/capped", "bin/su", "meta", "meta/snap.yaml", "open", "world-writable"]);
      for (const { rel, st } of entries) {
        expect(st.isFile() || st.isDirectory(), rel).toBe(true);
        expect(st.mode & 0o7022, `${rel} mode ${(st.mode & 0o7777).toString(8)}`).toBe(0);
        expect([st.uid, st.gid], rel).toEqual([0, 0]);
      }
      const caps = await execa("getcap", [path.join(tree, "bin/capped")]);
      expect(caps.stdout.trim()).toBe("");
      // Executable bits survive: the app still runs.
      expect((await fs.stat(path.join(tree, "bin/a"))).mode & 0o777).toBe(0o755);
      // Install says what it left out.
      expect(r.stdout + r.stderr).toMatch(/left out 3 device node\(s\), FIFO\(s\) or socket\(s\) \(\/dev-null, \/disk, \/fifo\)/);
      expect(await ok(root, "warnings")).toMatch(/cleared setuid, setgid, sticky or group\/other write bits on 4 file\(s\)/);
      // Nothing is left beside the tree: no staging directory with the devices in it.
      expect((await fs.readdir(path.join(root, "var/lib/plugboard/snaps/rogue/x1"))).sort()).toEqual(["root", "snap.yaml"]);
    } finally {
      await cleanup();
    }
  });
});
