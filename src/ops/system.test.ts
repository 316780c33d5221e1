import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { StateError } from "../errors/index.js";
import { packageRoot } from "../files/index.js";
import { makePaths, type Paths } from "../paths/index.js";
import type { State } from "../state/index.js";
import { connect } from "./connect.js";
import { installSnap } from "./install.js";
import { affectedSnaps } from "./system.js";

// The state write can be made to fail, as a full disk makes it fail after every profile was written.
const fault = vi.hoisted(() => ({ failStateWrite: false }));
vi.mock("../state/index.js", async (importOriginal) => {
  const real = await importOriginal<typeof import("../state/index.js")>();
  return {
    ...real,
    writeState: async (paths: Paths, state: State) => {
      if (fault.failStateWrite) throw new StateError(`cannot write ${paths.stateFile}: no space left on device (ENOSPC)`);
      return real.writeState(paths, state);
    },
  };
});

const EXAMPLES = path.join(packageRoot(), "examples/snaps");

describe("affectedSnaps", () => {
  const conn = { interface: "camera", auto: false, "by-gadget": false, undesired: false, "plug-static": {}, "slot-static": {} } as const;
  const snap = { revision: "x1", "last-local-revision": 1, source: "/src", dangerous: true } as const;
  const state: State = { format: 1, snaps: { foo: snap, bar: snap }, connections: { "foo:camera core:camera": conn }, warnings: [] };

  it("finds nothing changed when only the key order differs (state read from disk has sorted keys)", () => {
    const reordered = JSON.parse(JSON.stringify({ format: 1, warnings: [], connections: { "foo:camera core:camera": { "slot-static": {}, "plug-static": {}, undesired: false, "by-gadget": false, auto: false, interface: "camera" } }, snaps: state.snaps })) as State;
    expect([...affectedSnaps(state, reordered)]).toEqual([]);
  });

  it("a new connection affects its two ends only", () => {
    const after: State = { ...state, connections: { ...state.connections, "bar:camera core:camera": conn } };
    expect([...affectedSnaps(state, after)].sort()).toEqual(["bar", "core"]);
  });

  it("a refreshed snap affects the snaps connected to it", () => {
    const after: State = { ...state, snaps: { ...state.snaps, foo: { ...snap, revision: "x2", "last-local-revision": 2 } } };
    expect([...affectedSnaps(state, after)].sort()).toEqual(["core", "foo"]);
  });
});

describe("mutateSystem", () => {
  let root: string;
  let paths: Paths;
  beforeEach(async () => {
    root = await mkdtemp(path.join(tmpdir(), "pb-mutate-"));
    paths = makePaths(root);
  });
  afterEach(async () => {
    fault.failStateWrite = false;
    await rm(root, { recursive: true, force: true });
  });

  it("refreshing a content provider re-renders its consumer's mounts with the new revision", async () => {
    await installSnap(paths, `${EXAMPLES}/docker`, { dangerous: true });
    await installSnap(paths, `${EXAMPLES}/hello-docker`, { dangerous: true });
    await connect(paths, { snap: "hello-docker", name: "docker-executables" }, { snap: "docker", name: "docker-executables" });
    const fstab = path.join(paths.mountDir, "snap.hello-docker.fstab");
    expect(await readFile(fstab, "utf8")).toContain("/snap/docker/x1 ");
    await installSnap(paths, `${EXAMPLES}/docker`, { dangerous: true });
    expect(await readFile(fstab, "utf8")).toContain("/snap/docker/x2 ");
  });

  it("a state write that fails after the files were applied rolls the files back too", async () => {
    await installSnap(paths, `${EXAMPLES}/foo`, { dangerous: true });
    const profile = path.join(paths.apparmorProfilesDir, "snap.foo.foo");
    const before = await readFile(profile, "utf8");
    const stateBefore = await readFile(paths.stateFile, "utf8");
    fault.failStateWrite = true;
    await expect(connect(paths, { snap: "foo", name: "camera" })).rejects.toThrow(/no space left on device/);
    expect(await readFile(profile, "utf8")).toBe(before);
    expect(await readdir(paths.udevRulesDir).catch(() => [])).toEqual([]);
    expect(await readFile(paths.stateFile, "utf8")).toBe(stateBefore);
    // No backup or temporary is left beside the profiles.
    expect((await readdir(paths.apparmorProfilesDir)).filter((f) => f.startsWith("."))).toEqual([]);
    fault.failStateWrite = false;
    await connect(paths, { snap: "foo", name: "camera" });
    expect(await readFile(profile, "utf8")).toContain("/dev/video");
  });
});
