import { lstat, mkdir, mkdtemp, readdir, readFile, readlink, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { StateError } from "../errors/index.js";
import { makePaths, type Paths } from "../paths/index.js";
import { linkRecordFile } from "../plan/index.js";
import { applyDiff } from "./index.js";

describe("applyDiff rollback", () => {
  let root: string;
  let paths: Paths;
  beforeEach(async () => {
    root = await mkdtemp(path.join(tmpdir(), "pb-apply-"));
    paths = makePaths(root);
    await mkdir(paths.seccompDir, { recursive: true });
  });
  afterEach(() => rm(root, { recursive: true, force: true }));

  it("puts back a file that was never replaced and leaves no backup beside it", async () => {
    // The old filter is kept as a hard link to the same inode; the compiler fails
    // before replacing it, and rename() of a link onto itself does nothing.
    const src = path.join(paths.seccompDir, "snap.foo.foo.src");
    const bin = path.join(paths.seccompDir, "snap.foo.foo.bin");
    await writeFile(src, "read\n");
    await writeFile(bin, "old filter");
    const diff = { changed: new Map([[src, ["read\n", "read\nwrite\n"] as [string, string]]]), removed: new Map<string, string>() };
    const failing = async (): Promise<void> => {
      throw new StateError("cannot write the filter: no space left on device (ENOSPC)");
    };
    await expect(applyDiff(paths, diff, { compileSeccomp: failing })).rejects.toThrow(/ENOSPC/);
    expect(await readFile(src, "utf8")).toBe("read\n");
    expect(await readFile(bin, "utf8")).toBe("old filter");
    expect((await readdir(paths.seccompDir)).sort()).toEqual(["snap.foo.foo.bin", "snap.foo.foo.src"]);
  });

  it("a failing commit step rolls the written files back", async () => {
    const src = path.join(paths.seccompDir, "snap.foo.foo.src");
    await writeFile(src, "read\n");
    const diff = { changed: new Map([[src, ["read\n", "read\nwrite\n"] as [string, string]]]), removed: new Map<string, string>() };
    const commit = async (): Promise<void> => {
      throw new StateError("cannot write state.json: no space left on device (ENOSPC)");
    };
    await expect(applyDiff(paths, diff, { compileSeccomp: async () => undefined, commit })).rejects.toThrow(/state\.json/);
    expect(await readFile(src, "utf8")).toBe("read\n");
    expect(await readdir(paths.seccompDir)).toEqual(["snap.foo.foo.src"]);
  });

  it("a failure after the links were made takes the new ones away and puts the old ones back", async () => {
    const record = linkRecordFile(paths);
    await mkdir(path.dirname(record), { recursive: true });
    await mkdir(path.join(root, "etc/vulkan/icd.d"), { recursive: true });
    const oldRecord = "/etc/vulkan/icd.d/snap_a_s_old.json\t/srv/a/old.json\n";
    await writeFile(record, oldRecord);
    await symlink("/srv/a/old.json", path.join(root, "etc/vulkan/icd.d/snap_a_s_old.json"));
    // The host's own manifest in the same directory is never Plugboard's.
    await writeFile(path.join(root, "etc/vulkan/icd.d/host_icd.json"), "{}");
    const newRecord = "/etc/vulkan/icd.d/snap_a_s_new.json\t/srv/a/new.json\n";
    const diff = { changed: new Map([[record, [oldRecord, newRecord] as [string, string]]]), removed: new Map<string, string>() };
    const commit = async (): Promise<void> => {
      expect(await readlink(path.join(root, "etc/vulkan/icd.d/snap_a_s_new.json"))).toBe("/srv/a/new.json");
      await expect(lstat(path.join(root, "etc/vulkan/icd.d/snap_a_s_old.json"))).rejects.toThrow(/ENOENT/);
      throw new StateError("cannot write state.json: no space left on device (ENOSPC)");
    };
    await expect(applyDiff(paths, diff, { compileSeccomp: async () => undefined, commit })).rejects.toThrow(/state\.json/);
    expect(await readFile(record, "utf8")).toBe(oldRecord);
    expect((await readdir(path.join(root, "etc/vulkan/icd.d"))).sort()).toEqual(["host_icd.json", "snap_a_s_old.json"]);
    expect(await readlink(path.join(root, "etc/vulkan/icd.d/snap_a_s_old.json"))).toBe("/srv/a/old.json");
  });
});
