import { execa } from "execa";
import { readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { cli, cliWith, EXAMPLES, ok, snapshotTree, tempRoot, writeSnapDir } from "./helpers/cli.js";

const PROFILES = "var/lib/plugboard/apparmor/profiles";
const SECCOMP = "var/lib/plugboard/seccomp/bpf";
const UDEV = "etc/udev/rules.d";

describe("security backends through the CLI", () => {
  let root: string;
  let cleanup: () => Promise<void>;
  beforeEach(async () => ({ root, cleanup } = await tempRoot()));
  afterEach(() => cleanup());

  it("install renders a profile and a compiled filter per app, proven by the real parser", async () => {
    await ok(root, "install", "--dangerous", `${EXAMPLES}/foo`);
    expect((await readdir(path.join(root, PROFILES))).sort()).toEqual(["snap.foo.foo"]);
    expect((await readdir(path.join(root, SECCOMP))).sort()).toEqual(["snap.foo.foo.bin", "snap.foo.foo.src"]);
    const profile = await readFile(path.join(root, PROFILES, "snap.foo.foo"), "utf8");
    expect(profile).toContain('profile "snap.foo.foo" flags=(attach_disconnected,mediate_deleted) {');
    expect(profile).not.toContain("/dev/video");
    await execa("apparmor_parser", ["-Q", "-K", path.join(root, PROFILES, "snap.foo.foo")]);
  });

  it("connecting camera adds /dev/video rules and a udev tag; disconnecting removes both; only that snap's files change", async () => {
    await ok(root, "install", "--dangerous", `${EXAMPLES}/foo`);
    await ok(root, "install", "--dangerous", `${EXAMPLES}/bar`);
    const before = await snapshotTree(root);
    await ok(root, "connect", "foo:camera");
    const after = await snapshotTree(root);
    const changed = Object.keys(after).filter((f) => after[f] !== before[f]).sort();
    expect(changed).toEqual([`${UDEV}/70-plugboard.foo.rules`, `${PROFILES}/snap.foo.foo`, "var/lib/plugboard/state.json"].sort());
    expect(after[`${PROFILES}/snap.foo.foo`]).toContain("/dev/video[0-9]* rwk,");
    expect(after[`${UDEV}/70-plugboard.foo.rules`]).toContain('KERNEL=="video[0-9]*", TAG+="snap_foo_foo"');

    await ok(root, "disconnect", "foo:camera");
    const final = await snapshotTree(root);
    expect(final[`${PROFILES}/snap.foo.foo`]).not.toContain("/dev/video");
    expect(final[`${UDEV}/70-plugboard.foo.rules`]).toBeUndefined();
    expect(final[`${PROFILES}/snap.foo.foo`]).toBe(before[`${PROFILES}/snap.foo.foo`]);
    const barFiles = Object.keys(before).filter((f) => f.includes("snap.bar."));
    for (const f of barFiles) expect(final[f]).toBe(before[f]);
  });

  it("--dry-run prints the unified diff and touches nothing", async () => {
    await ok(root, "install", "--dangerous", `${EXAMPLES}/foo`);
    const before = await snapshotTree(root);
    const out = await ok(root, "connect", "--dry-run", "foo:camera");
    expect(out).toContain(`+++ ${path.join(root, PROFILES, "snap.foo.foo")}`);
    expect(out).toMatch(/^\+  \/dev\/video\[0-9\]\* rwk,$/m);
    expect(out).toContain(`--- /dev/null\n+++ ${path.join(root, UDEV, "70-plugboard.foo.rules")}`);
    expect(await snapshotTree(root)).toEqual(before);
  });

  it("remove deletes every generated file of the snap", async () => {
    await ok(root, "install", "--dangerous", `${EXAMPLES}/foo`);
    await ok(root, "connect", "foo:camera");
    await ok(root, "remove", "foo");
    const left = Object.keys(await snapshotTree(root)).filter((f) => f.includes("foo"));
    expect(left).toEqual([]);
  });

  it("a failing apparmor_parser leaves the connection unrecorded and the old files back, with a precise error", async () => {
    await ok(root, "install", "--dangerous", `${EXAMPLES}/foo`);
    const before = await snapshotTree(root);
    const failing = path.join(root, "failing-parser");
    await writeFile(failing, "#!/bin/sh\necho 'AppArmor parser error at line 42: syntax error' >&2\nexit 1\n", { mode: 0o755 });
    const r = await cliWith({ env: { PLUGBOARD_APPARMOR_PARSER: failing } }, root, "connect", "foo:camera");
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toMatch(/failing-parser exited with 1: AppArmor parser error at line 42: syntax error/);
    const after = await snapshotTree(root);
    expect(after).toEqual({ ...before, "failing-parser": after["failing-parser"]! });
  });

  it("profiles prints every generated file of a snap", async () => {
    await ok(root, "install", "--dangerous", `${EXAMPLES}/foo`);
    const out = await ok(root, "profiles", "foo");
    expect(out).toContain(`==> ${path.join(root, PROFILES, "snap.foo.foo")} <==`);
    expect(out).toContain("(compiled seccomp filter,");
    expect((await cli(root, "profiles", "nope")).stderr).toBe('error: snap "nope" is not installed');
  });

  it("content: an absolute path without a variable stays inside $SNAP, as in snapd", async () => {
    await ok(root, "install", "--dangerous", `${EXAMPLES}/docker`);
    const odd = await writeSnapDir(root, "odd", "name: odd\nversion: '1'\napps:\n  run:\n    command: bin/run\nplugs:\n  exe:\n    interface: content\n    content: docker-executables\n    target: /etc/shadow\n");
    await ok(root, "install", "--dangerous", odd);
    await ok(root, "connect", "odd:exe", "docker:docker-executables");
    expect(await readFile(path.join(root, "var/lib/plugboard/mount/snap.odd.fstab"), "utf8")).toContain("/snap/docker/x1 /snap/odd/x1/etc/shadow none bind,ro 0 0");
  });

  it("content: the consumer's fstab binds the provider's read paths read-only at the target", async () => {
    await ok(root, "install", "--dangerous", `${EXAMPLES}/docker`);
    await ok(root, "install", "--dangerous", `${EXAMPLES}/hello-docker`);
    await ok(root, "connect", "hello-docker:docker-executables", "docker:docker-executables");
    const fstab = await readFile(path.join(root, "var/lib/plugboard/mount/snap.hello-docker.fstab"), "utf8");
    expect(fstab).toContain("/snap/docker/x1 /snap/hello-docker/x1/docker-snap none bind,ro 0 0");
    const profile = await readFile(path.join(root, PROFILES, "snap.hello-docker.hello-docker"), "utf8");
    expect(profile).toContain("/snap/docker/x1/** mrkix,");
  });
});

describe("injection: hostile attribute values never reach a generated file", () => {
  const hostile = [
    "$SNAP/foo, /** rwx,",
    "$SNAP/a\n/etc/shadow r,",
    "$SNAP/{a,b}",
    '$SNAP/a"b',
    "$SNAP/a'b",
    "$SNAP/a\u0000b",
    "$SNAP/../../etc",
    "$SNAP/..",
    "../etc",
    "$SNAP/a b",
    "$SNAP/a\tb",
    "$SNAP/*",
    "$SNAP/**",
    "$SNAP/a?",
    "$SNAP/[ab]",
    "$SNAP/a^b",
    "$SNAP/#include <abstractions/base>",
    "$SNAP/@{HOME}",
    "$SNAP/${HOME}",
    "$HOME/x",
    "$SNAP/a,",
    "$SNAP/a\\b",
    "$SNAP/a`id`",
    "$SNAP/a|b",
    "$SNAP/a;b",
    "$SNAP/a<b>",
    "$SNAP/a=b",
    "$SNAP/a!b",
    "$SNAP//a",
    "$SNAP/a/",
    "$SNAP/./a",
    "$SNAP/a\r\nb",
    // Control characters, DEL, parentheses and non-ASCII reached the profile and fstab.
    "$SNAP/a\u0001b",
    "$SNAP/a\u001bb",
    "$SNAP/a\u007fb",
    "$SNAP/a(b",
    "$SNAP/a)b",
    "$SNAP/(b)",
    "$SNAP/é",
    "$SNAP/a\u202eb",
    "$SNAP/x/..",
    "$SNAP/x/.",
    "$SNAP/x/../../../etc",
  ];
  // Escaped, so that the document itself is plain ASCII and only the value is hostile.
  const yamlQuoted = (v: string) => JSON.stringify(v).replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
  it(`refuses each of ${hostile.length} values as a content target, and renders nothing from it`, async () => {
    const { root, cleanup } = await tempRoot();
    try {
      for (const [i, value] of hostile.entries()) {
        const name = `evil${i}`;
        const yaml = `name: ${name}\nversion: '1'\napps:\n  run:\n    command: bin/run\nplugs:\n  stuff:\n    interface: content\n    target: ${yamlQuoted(value)}\n`;
        const dir = await writeSnapDir(root, name, yaml);
        const r = await cli(root, "install", "--dangerous", dir);
        // Either the document is refused outright, or the plug is dropped as bad.
        if (r.exitCode === 0) expect(r.stderr).toContain(`snap "${name}" has bad plugs or slots: stuff (content plug: target`);
        else expect(r.stderr).toMatch(/^error: /);
      }
      // Warnings in state.json quote the refused value; the generated security files must not.
      const generated = { ...(await snapshotTree(path.join(root, "var/lib/plugboard"))), ...(await snapshotTree(path.join(root, "etc"))) };
      const text = Object.entries(generated)
        .filter(([f]) => /^(apparmor|seccomp|mount|udev)\//.test(f) && !f.endsWith(".bin"))
        .map(([, c]) => c)
        .join("\n");
      expect(text).toContain("profile");
      for (const value of hostile) expect(text.includes(value.slice(5)) && value.length > 8 ? value : "").toBe("");
    } finally {
      await cleanup();
    }
  });

  it("refuses hostile read and write paths of a content slot", async () => {
    const { root, cleanup } = await tempRoot();
    try {
      for (const [i, value] of ["a, /** rwx,", "a\n/** rw,", "../../etc", "/../etc", "{x,y}", 'a"b', "a b", "a\u0001b", "a\u007fb", "a(b)", "é", "lib/..", "lib/./x", "lib//x", "lib/"].entries()) {
        const dir = await writeSnapDir(root, `prov${i}`, `name: prov${i}\nversion: '1'\nslots:\n  s:\n    interface: content\n    read: [${yamlQuoted(value)}]\n`);
        const r = await cli(root, "install", "--dangerous", dir);
        expect(r.exitCode === 0 ? r.stderr : "bad").toMatch(/bad plugs or slots: s \(content slot: read\[0\]|bad/);
      }
    } finally {
      await cleanup();
    }
  });
});
