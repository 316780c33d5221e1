import { copyFile, mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { cli, ok, tempRoot, writeSnapDir } from "./helpers/cli.js";

const EXAMPLE = path.resolve(import.meta.dirname, "../examples/interfaces.d/acme-sensor.yaml");

describe("custom interfaces in interfaces.d", () => {
  let root: string;
  let cleanup: () => Promise<void>;
  let dir: string;
  beforeEach(async () => {
    ({ root, cleanup } = await tempRoot());
    dir = path.join(root, "etc/plugboard/interfaces.d");
    await mkdir(dir, { recursive: true });
  });
  afterEach(() => cleanup());

  it("a valid definition behaves like a built-in: attributes checked, snippets rendered, udev tagged", async () => {
    await copyFile(EXAMPLE, path.join(dir, "acme-sensor.yaml"));
    expect(await ok(root, "interface", "acme-sensor", "--policy")).toMatch(/^summary: allows reading the ACME environment sensor\nauto-connect:\s+no$/m);
    const gadget = await writeSnapDir(root, "board", "name: board\nversion: '1'\ntype: gadget\nslots:\n  sensor:\n    interface: acme-sensor\n    path: /dev/acme-sensor3\n");
    const app = await writeSnapDir(root, "weather", "name: weather\nversion: '1'\napps:\n  read:\n    command: bin/read\nplugs: [acme-sensor]\n");
    await ok(root, "install", "--dangerous", gadget);
    expect(await ok(root, "install", "--dangerous", app)).toBe("weather 1 (x1) installed");
    await ok(root, "connect", "weather:acme-sensor", "board:sensor");
    const profile = await readFile(path.join(root, "var/lib/plugboard/apparmor/profiles/snap.weather.read"), "utf8");
    expect(profile).toContain("  /dev/acme-sensor3 r,");
    expect(await readFile(path.join(root, "etc/udev/rules.d/70-plugboard.weather.rules"), "utf8")).toContain('KERNEL=="acme-sensor[0-9]*", TAG+="snap_weather_read"');
  });

  it("a slot attribute outside the pattern, or with rule syntax in it, makes the slot bad", async () => {
    await copyFile(EXAMPLE, path.join(dir, "acme-sensor.yaml"));
    for (const [i, value] of ["/dev/sda", "/dev/acme-sensor1, /** rw", "/dev/acme-sensor{1,2}"].entries()) {
      const gadget = await writeSnapDir(root, `b${i}`, `name: board${i}\nversion: '1'\nslots:\n  sensor:\n    interface: acme-sensor\n    path: ${JSON.stringify(value)}\n`);
      const r = await cli(root, "install", "--dangerous", gadget);
      expect(r.stderr).toContain(`snap "board${i}" has bad plugs or slots: sensor (acme-sensor slot: path`);
    }
  });

  // A device maker's pattern is often looser than meant: /dev/.+ also matches
  // /dev/../etc/shadow, which the kernel resolves before AppArmor matches.
  const LOOSE = (example: string) => `name: acme-loose
summary: allows reading a device the gadget names under /dev
base-declaration:
  slots:
    allow-installation:
      slot-snap-type: [gadget, core, app]
    deny-auto-connection: true
attributes:
  slot:
    path:
      pattern: /dev/.+
      required: true
snippets:
  connected-plug:
    apparmor: |
      {{slot.path}} rw,
examples:
  slot:
    path: ${example}
`;

  // Escaped, so that the document itself is plain ASCII and only the value is hostile.
  const yamlQuoted = (v: string) => JSON.stringify(v).replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
  it.each([
    ["a .. segment", "/dev/../etc/shadow"],
    ["a .. segment at the end", "/dev/x/.."],
    ["a climb past the root", "/dev/../../../etc/shadow"],
    ["a . segment", "/dev/./x"],
    ["a . segment at the end", "/dev/x/."],
    ["a doubled slash", "/dev//x"],
    ["a trailing slash", "/dev/x/"],
    ["a control character", "/dev/a\u0001b"],
    ["DEL", "/dev/a\u007fb"],
    ["a parenthesis", "/dev/a(b)"],
    ["non-ASCII", "/dev/é"],
  ])("a loose pattern does not let %s (%j) into a profile", async (_label, value) => {
    await writeFile(path.join(dir, "acme-loose.yaml"), LOOSE("/dev/acme0"));
    const gadget = await writeSnapDir(root, "board", `name: board\nversion: '1'\ntype: gadget\nslots:\n  sensor:\n    interface: acme-loose\n    path: ${yamlQuoted(value)}\n`);
    const r = await cli(root, "install", "--dangerous", gadget);
    expect(r.stderr).toContain('snap "board" has bad plugs or slots: sensor (acme-loose slot: path');
    expect(r.stderr).toMatch(/is not a clean path|does not match/);
    const app = await writeSnapDir(root, "weather", "name: weather\nversion: '1'\napps:\n  read:\n    command: bin/read\nplugs: [acme-loose]\n");
    await ok(root, "install", "--dangerous", app);
    const connect = await cli(root, "connect", "weather:acme-loose", "board:sensor");
    expect(connect.exitCode).toBe(1);
    const profile = await readFile(path.join(root, "var/lib/plugboard/apparmor/profiles/snap.weather.read"), "utf8");
    expect(profile).not.toContain("/etc/shadow");
    expect(profile).not.toContain(`${value} rw,`);
  });

  it("a loose pattern still accepts canonical paths, and a definition whose example is unclean is skipped", async () => {
    await writeFile(path.join(dir, "acme-loose.yaml"), LOOSE("/dev/acme0"));
    const gadget = await writeSnapDir(root, "board", "name: board\nversion: '1'\ntype: gadget\nslots:\n  sensor:\n    interface: acme-loose\n    path: /dev/bus/usb/001/002\n");
    const app = await writeSnapDir(root, "weather", "name: weather\nversion: '1'\napps:\n  read:\n    command: bin/read\nplugs: [acme-loose]\n");
    await ok(root, "install", "--dangerous", gadget);
    await ok(root, "install", "--dangerous", app);
    await ok(root, "connect", "weather:acme-loose", "board:sensor");
    expect(await readFile(path.join(root, "var/lib/plugboard/apparmor/profiles/snap.weather.read"), "utf8")).toContain("  /dev/bus/usb/001/002 rw,");

    await writeFile(path.join(dir, "acme-loose.yaml"), LOOSE("/dev/../etc/shadow"));
    const r = await cli(root, "interface", "acme-loose");
    expect(r.stderr).toMatch(/custom interface acme-loose.yaml skipped: its examples are refused by its own attribute rules: .*is not a clean path/);
  });

  it.each([
    ["redefines a built-in", (t: string) => t.replace("name: acme-sensor", "name: camera"), /"camera" is a built-in interface/],
    ["has a snippet the parser refuses", (t: string) => t.replace("{{slot.path}} r,", "{{slot.path}} rwz,"), /apparmor_parser exited with/],
    ["has a broken template", (t: string) => t.replace("{{slot.path}} r,", "{{#if}} r,"), /template error/],
    ["has an unknown key", (t: string) => `${t}\nfrobnicate: 1\n`, /frobnicate: unknown key/],
    ["has a bad base declaration", (t: string) => t.replace("deny-auto-connection: true", "deny-auto-connection: sometimes"), /must be true, false or a map|skipped/],
  ])("a definition that %s is reported and skipped, never half-loaded", async (_label, edit, reason) => {
    await writeFile(path.join(dir, "acme-sensor.yaml"), edit(await readFile(EXAMPLE, "utf8")));
    const r = await cli(root, "interface", "acme-sensor");
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toMatch(/^WARNING: custom interface acme-sensor.yaml skipped: /);
    expect(r.stderr).toMatch(reason);
    expect(r.stderr).toContain("error: no such interface");
    // Built-ins keep working, and the problem is listed by `warnings` after a change.
    const app = await writeSnapDir(root, "weather", "name: weather\nversion: '1'\nplugs: [acme-sensor, network]\n");
    const install = await cli(root, "install", "--dangerous", app);
    expect(install.stderr).toContain('weather" has bad plugs or slots: acme-sensor (unknown interface "acme-sensor")');
    expect(await ok(root, "warnings")).toMatch(/custom interface acme-sensor.yaml skipped/);
  });
});
