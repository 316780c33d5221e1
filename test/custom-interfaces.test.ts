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
    expect(await ok(root, "interface", "acme-sensor")).toMatch(/summary:\s+allows reading the ACME environment sensor\nauto-connect:\s+no/);
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
    expect(r.stderr).toContain('error: no interface named "acme-sensor"');
    // Built-ins keep working, and the problem is listed by `warnings` after a change.
    const app = await writeSnapDir(root, "weather", "name: weather\nversion: '1'\nplugs: [acme-sensor, network]\n");
    const install = await cli(root, "install", "--dangerous", app);
    expect(install.stderr).toContain('weather" has bad plugs or slots: acme-sensor (unknown interface "acme-sensor")');
    expect(await ok(root, "warnings")).toMatch(/custom interface acme-sensor.yaml skipped/);
  });
});
