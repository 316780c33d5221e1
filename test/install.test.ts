import { execa } from "execa";
import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { cli, EXAMPLES, interfacesRows, ok, snapshotTree, tempRoot, writeSnapDir } from "./helpers/cli.js";

describe("install, refresh and remove", () => {
  let root: string;
  let cleanup: () => Promise<void>;
  beforeEach(async () => ({ root, cleanup } = await tempRoot()));
  afterEach(() => cleanup());

  it("installs from a bare snap.yaml file", async () => {
    const dir = await writeSnapDir(root, "bare", "name: bare\nversion: '1'\nplugs: [network]\n");
    expect(await ok(root, "install", "--dangerous", path.join(dir, "meta/snap.yaml"))).toBe("bare 1 (x1) installed\n  auto-connected bare:network :network");
  });

  it("installs from a .snap squashfs image", async () => {
    const dir = await writeSnapDir(root, "squashy", "name: squashy\nversion: '2'\napps:\n  run:\n    command: bin/run\n    plugs: [camera]\n");
    const image = path.join(root, "squashy_2.snap");
    await execa("mksquashfs", [dir, image, "-noappend", "-quiet", "-all-root"]);
    expect(await ok(root, "install", "--dangerous", image)).toBe("squashy 2 (x1) installed");
    expect(interfacesRows(await ok(root, "interfaces", "squashy"))).toEqual([["-", "squashy:camera"]]);
  });

  it("reinstalls a .snap over a tree an interrupted removal left behind", async () => {
    // Found by the VM tests: unsquashfs refused to unpack into the stale directory.
    const dir = await writeSnapDir(root, "squashy", "name: squashy\nversion: '2'\napps:\n  run:\n    command: bin/run\n");
    await writeFile(path.join(dir, "data.txt"), "fresh\n");
    const image = path.join(root, "squashy_2.snap");
    await execa("mksquashfs", [dir, image, "-noappend", "-quiet", "-all-root"]);
    const stale = path.join(root, "var/lib/plugboard/snaps/squashy/x1/root");
    await mkdir(path.join(stale, "bin"), { recursive: true });
    await writeFile(path.join(stale, "data.txt"), "stale\n");
    expect(await ok(root, "install", "--dangerous", image)).toBe("squashy 2 (x1) installed");
    expect(await readFile(path.join(stale, "data.txt"), "utf8")).toBe("fresh\n");
    expect(existsSync(`${stale}.partial`)).toBe(false);
  });

  it("refuses a snap without --dangerous until signed declarations exist, touching nothing", async () => {
    const r = await cli(root, "install", `${EXAMPLES}/foo`);
    // A refusal, not a usage error: the command line was right (2 is for usage).
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toMatch(/^error: cannot find a snap-declaration for "foo"; acknowledge one with "plugboard ack", or install with --dangerous/);
    expect(await snapshotTree(root)).toEqual({});
  });

  it("asks for --classic and --devmode for such snaps", async () => {
    const classic = await writeSnapDir(root, "cls", "name: cls\nversion: '1'\nconfinement: classic\n");
    const dev = await writeSnapDir(root, "dev", "name: dev\nversion: '1'\nconfinement: devmode\n");
    expect((await cli(root, "install", "--dangerous", classic)).stderr).toMatch(/--classic/);
    expect((await cli(root, "install", "--dangerous", dev)).stderr).toMatch(/--devmode/);
    await ok(root, "install", "--dangerous", "--classic", classic);
    await ok(root, "install", "--dangerous", "--devmode", dev);
  });

  it("refresh keeps connections whose plug still exists and drops the others", async () => {
    await ok(root, "install", "--dangerous", `${EXAMPLES}/foo`);
    await ok(root, "connect", "foo:log-observe", ":log-observe");
    await ok(root, "connect", "foo:camera", ":camera");
    const v2 = await writeSnapDir(root, "foo", "name: foo\nversion: '2.0'\napps:\n  foo:\n    command: bin/foo\nplugs: [log-observe]\n");
    const r = await cli(root, "install", "--dangerous", v2);
    expect(r.stdout).toBe("foo 2.0 (x2) refreshed");
    expect(r.stderr).toMatch(/connection foo:camera :camera no longer fits/);
    expect(await ok(root, "connections", "foo")).toMatch(/^log-observe\s+foo:log-observe\s+:log-observe\s+manual$/m);
    // Only the new revision's metadata is kept.
    const files = Object.keys(await snapshotTree(path.join(root, "var/lib/plugboard/snaps")));
    expect(files).toEqual(["foo/x2/snap.yaml"]);
  });

  it("remove drops the snap, its metadata and its connections on both sides", async () => {
    await ok(root, "install", "--dangerous", `${EXAMPLES}/foo-blue`);
    await ok(root, "install", "--dangerous", `${EXAMPLES}/baz`);
    await ok(root, "connect", "baz:bluez", "foo-blue:bluez");
    expect(await ok(root, "remove", "foo-blue")).toBe("foo-blue removed");
    const state = JSON.parse(await readFile(path.join(root, "var/lib/plugboard/state.json"), "utf8"));
    expect(Object.keys(state.snaps)).toEqual(["baz"]);
    expect(state.connections).toEqual({});
    expect(Object.keys(await snapshotTree(path.join(root, "var/lib/plugboard/snaps")))).toEqual(["baz/x1/snap.yaml"]);
    expect((await cli(root, "remove", "core")).stderr).toMatch(/system snap is built in/);
    expect((await cli(root, "remove", "foo-blue")).stderr).toBe('error: snap "foo-blue" is not installed');
  });

  it("a snap with an unknown-interface plug installs without it, and warnings reports it", async () => {
    const dir = await writeSnapDir(
      root,
      "odd",
      "name: odd\nversion: '1'\napps:\n  run:\n    command: bin/run\n    plugs: [network, foo]\nplugs:\n  shared:\n    interface: content\n",
    );
    const r = await cli(root, "install", "--dangerous", dir);
    expect(r.exitCode).toBe(0);
    expect(r.stderr).toContain('WARNING: snap "odd" has bad plugs or slots: foo (unknown interface "foo")');
    expect(r.stderr).toContain("shared (content plug: content plug must set target)");
    expect(interfacesRows(await ok(root, "interfaces", "odd"))).toEqual([[":network", "odd"]]);
    const w = await ok(root, "warnings");
    expect(w).toContain('snap "odd" has bad plugs or slots: foo (unknown interface "foo")');
    const json = JSON.parse(await ok(root, "warnings", "--json"));
    expect(json).toHaveLength(1);
    expect(json[0].message).toMatch(/^snap "odd" has bad plugs or slots/);
  });
});

describe("malformed input is refused and changes nothing", () => {
  let root: string;
  let cleanup: () => Promise<void>;
  let before: Record<string, string>;
  beforeEach(async () => {
    ({ root, cleanup } = await tempRoot());
    await ok(root, "install", "--dangerous", `${EXAMPLES}/foo`);
    await ok(root, "connect", "foo:log-observe", ":log-observe");
    before = await snapshotTree(path.join(root, "var"));
  });
  afterEach(() => cleanup());

  const bomb = (() => {
    const lines = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < 9; i++) lines.push(`a${i}: &a${i} [${Array(9).fill(`*a${i - 1}`).join(",")}]`);
    return lines.join("\n") + `\nname: bomb\nversion: '1'\nplugs:\n  p:\n    interface: network\n    x: *a8\n`;
  })();

  it.each([
    ["a bad snap name", "name: Foo_Bar\nversion: '1'\n", /meta\/snap.yaml: name: invalid snap name "Foo_Bar"/],
    ["a snap name with a double hyphen", "name: foo--bar\nversion: '1'\n", /name: invalid snap name "foo--bar"/],
    ["apps given as a list", "name: x\nversion: '1'\napps: [a, b]\n", /meta\/snap.yaml: apps: expected a map, found a list/],
    ["a duplicate plug name", "name: x\nversion: '1'\nplugs: [camera, camera]\n", /plugs\[1\]: plug "camera" is declared more than once/],
    ["a duplicate plug key", "name: x\nversion: '1'\nplugs:\n  a: camera\n  a: network\n", /Map keys must be unique/],
    ["a plug name of the wrong type", "name: x\nversion: '1'\nplugs: [[a]]\n", /plugs\[0\]: expected a plug name, found a list/],
    ["a bad app name", "name: x\nversion: '1'\napps:\n  -x:\n    command: a\n", /apps.-x: invalid app name "-x"/],
    ["a YAML alias bomb", bomb, /more than \d+ nodes/],
    ["invalid YAML", "name: x\n  version: [\n", /cannot parse YAML/],
  ])("%s", async (_label, yaml, message) => {
    const dir = await writeSnapDir(root, "bad", yaml);
    const r = await cli(root, "install", "--dangerous", dir);
    expect(r.exitCode).toBe(1);
    expect(r.stderr.split("\n")).toHaveLength(1);
    expect(r.stderr).toMatch(message);
    expect(await snapshotTree(path.join(root, "var"))).toEqual(before);
  });

  it("a 10 MB snap.yaml", async () => {
    const dir = await writeSnapDir(root, "big", "name: big\nversion: '1'\ndescription: " + "x".repeat(10 * 1024 * 1024) + "\n");
    const r = await cli(root, "install", "--dangerous", dir);
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toMatch(/meta\/snap.yaml: document is 104857\d\d bytes, larger than the 1048576-byte limit/);
    expect(await snapshotTree(path.join(root, "var"))).toEqual(before);
  });

  it.each([
    [["connect", "foo:nope"], 1, 'error: snap "foo" has no plug named "nope"'],
    [["connect", "foo:camera", ":log-observe"], 1, 'error: cannot connect foo:camera ("camera" interface) to core:log-observe ("log-observe" interface)'],
    [["connect", "Foo:camera"], 64, /invalid snap name/],
    [["connect", "foo:camera", "ghost:camera"], 1, 'error: snap "ghost" is not installed'],
    [["disconnect", "foo:camera", ":camera"], 1, /is not connected/],
    [["connect"], 64, /missing required argument/],
    [["frobnicate"], 64, /unknown command/],
    [["install", "/nonexistent/x"], 1, /no such file/],
    [["connections", "foo", "bar"], 1, /too many arguments/],
    [["connections", "--bogus"], 64, /unknown option/],
    [["connections", "foo", "--all"], 1, "error: cannot use --all with snap name"],
    [["connections", "ghost"], 1, 'error: snap "ghost" not found'],
    [["interfaces", "foo:"], 64, 'error: invalid value: "foo:" (want snap:name or snap)'],
  ] as const)("plugboard %j fails with exit %i", async (args, code, message) => {
    const r = await cli(root, ...args);
    expect(r.exitCode).toBe(code);
    if (typeof message === "string") expect(r.stderr).toBe(message);
    else expect(r.stderr).toMatch(message);
    expect(await snapshotTree(path.join(root, "var"))).toEqual(before);
  });

  it("a corrupt or unknown-version state file is a clear error that changes nothing", async () => {
    const stateFile = path.join(root, "var/lib/plugboard/state.json");
    for (const text of ["{ not json", JSON.stringify({ format: 99, snaps: {}, connections: {}, warnings: [] })]) {
      await writeFile(stateFile, text);
      const r = await cli(root, "connect", "foo:camera");
      expect(r.exitCode).toBe(1);
      expect(r.stderr).toMatch(/^error: state file .*state.json is unreadable: .*nothing was changed/);
      expect(await readFile(stateFile, "utf8")).toBe(text);
    }
  });
});

describe("concurrency", () => {
  it("two concurrent connect processes both land", async () => {
    const { root, cleanup } = await tempRoot();
    try {
      await ok(root, "install", "--dangerous", `${EXAMPLES}/foo`);
      await ok(root, "install", "--dangerous", `${EXAMPLES}/baz`);
      for (let round = 0; round < 3; round++) {
        const results = await Promise.all([
          cli(root, "connect", "foo:log-observe", ":log-observe"),
          cli(root, "connect", "foo:camera", ":camera"),
          cli(root, "connect", "baz:bluez", ":bluez"),
        ]);
        expect(results.map((r) => r.exitCode)).toEqual([0, 0, 0]);
        const state = JSON.parse(await readFile(path.join(root, "var/lib/plugboard/state.json"), "utf8"));
        expect(Object.keys(state.connections).sort()).toEqual([
          "baz:bluez core:bluez",
          "foo:camera core:camera",
          "foo:log-observe core:log-observe",
        ]);
        await Promise.all([ok(root, "disconnect", "foo:log-observe"), ok(root, "disconnect", "foo:camera"), ok(root, "disconnect", "baz:bluez")]);
        const cleared = JSON.parse(await readFile(path.join(root, "var/lib/plugboard/state.json"), "utf8"));
        expect(cleared.connections).toEqual({});
      }
    } finally {
      await cleanup();
    }
  });
});


describe("refresh and attributes", () => {
  it("a kept connection carries the new revision's static attributes", async () => {
    const { root, cleanup } = await tempRoot();
    try {
      const v1 = await writeSnapDir(root, "h1", "name: h\nversion: '1'\nplugs:\n  home: {}\n");
      const v2 = await writeSnapDir(root, "h2", "name: h\nversion: '2'\nplugs:\n  home:\n    read: all\n");
      await ok(root, "install", "--dangerous", v1);
      await ok(root, "connect", "h:home");
      await ok(root, "install", "--dangerous", v2);
      const state = JSON.parse(await readFile(path.join(root, "var/lib/plugboard/state.json"), "utf8"));
      expect(state.connections["h:home core:home"]["plug-static"]).toEqual({ read: "all" });
    } finally {
      await cleanup();
    }
  });
});
