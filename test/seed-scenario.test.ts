import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { cli, EXAMPLES, interfacesRows, ok, tempRoot, writeSnapDir } from "./helpers/cli.js";

// The seeds' examples, end to end through the CLI in a temporary root.
describe("seed scenario", () => {
  let root: string;
  let cleanup: () => Promise<void>;
  beforeEach(async () => ({ root, cleanup } = await tempRoot()));
  afterEach(() => cleanup());

  it("log-observe is not connected after install; connect and disconnect toggle it", async () => {
    await ok(root, "install", "--dangerous", `${EXAMPLES}/foo`);
    expect(interfacesRows(await ok(root, "interfaces", "foo"))).toContainEqual(["-", "foo:log-observe"]);

    await ok(root, "connect", "foo:log-observe", "core:log-observe");
    const after = interfacesRows(await ok(root, "interfaces", "foo"));
    expect(after).toContainEqual([":log-observe", "foo"]);
    expect(after).not.toContainEqual(["-", "foo:log-observe"]);
    expect(await ok(root, "connections", "foo")).toMatch(/^log-observe\s+foo:log-observe\s+:log-observe\s+manual$/m);

    await ok(root, "disconnect", "foo:log-observe", "core:log-observe");
    expect(interfacesRows(await ok(root, "interfaces", "foo"))).toContainEqual(["-", "foo:log-observe"]);
    expect(await ok(root, "connections")).not.toMatch(/log-observe/);
  });

  it.each([":log-observe", "system:log-observe", "snapd:log-observe", "core"])(
    "reaches the system snap's slot as %s",
    async (slotArg) => {
      await ok(root, "install", "--dangerous", `${EXAMPLES}/foo`);
      await ok(root, "connect", "foo:log-observe", slotArg);
      expect(interfacesRows(await ok(root, "interfaces", "-i", "log-observe"))).toEqual([[":log-observe", "foo"]]);
    },
  );

  it("a bluez slot on an app snap lists as unconnected, then baz:bluez connects to it", async () => {
    await ok(root, "install", "--dangerous", `${EXAMPLES}/foo-blue`);
    await ok(root, "install", "--dangerous", `${EXAMPLES}/baz`);
    expect(interfacesRows(await ok(root, "interfaces", "foo-blue"))).toEqual([["foo-blue:bluez", "-"]]);

    await ok(root, "connect", "baz:bluez", "foo-blue:bluez");
    expect(interfacesRows(await ok(root, "interfaces", "foo-blue"))).toEqual([["foo-blue:bluez", "baz"]]);
    const json = JSON.parse(await ok(root, "connections", "baz", "--json"));
    expect(json).toEqual([
      { interface: "bluez", plug: { snap: "baz", plug: "bluez" }, slot: { snap: "foo-blue", slot: "bluez" }, manual: true, gadget: false },
    ]);
  });

  it("network auto-connects at install; a manual disconnect is remembered as undesired", async () => {
    expect(await ok(root, "install", "--dangerous", `${EXAMPLES}/bar`)).toBe("bar 2.1 (x1) installed\n  auto-connected bar:network :network");
    expect(interfacesRows(await ok(root, "interfaces", "-i", "network"))).toEqual([[":network", "bar"]]);
    expect(await ok(root, "connections", "bar")).toMatch(/^network\s+bar:network\s+:network\s+-$/m);

    await ok(root, "disconnect", "bar:network");
    const state = JSON.parse(await readFile(path.join(root, "var/lib/plugboard/state.json"), "utf8"));
    expect(state.connections["bar:network core:network"]).toMatchObject({ auto: true, undesired: true });
    // A refresh does not re-make an undesired connection…
    expect(await ok(root, "install", "--dangerous", `${EXAMPLES}/bar`)).toBe("bar 2.1 (x2) refreshed");
    expect(interfacesRows(await ok(root, "interfaces", "bar"))).toEqual([["-", "bar:network"]]);
    // …until the record is forgotten.
    await ok(root, "disconnect", "--forget", "bar:network", ":network");
    expect(await ok(root, "install", "--dangerous", `${EXAMPLES}/bar`)).toBe("bar 2.1 (x3) refreshed\n  auto-connected bar:network :network");
    // A manual connect of an undesired connection clears the flag.
    await ok(root, "disconnect", "bar:network");
    await ok(root, "connect", "bar:network");
    const after = JSON.parse(await readFile(path.join(root, "var/lib/plugboard/state.json"), "utf8"));
    expect(after.connections["bar:network core:network"]).toMatchObject({ auto: false, undesired: false });
  });

  it("log-observe and camera do not auto-connect", async () => {
    expect(await ok(root, "install", "--dangerous", `${EXAMPLES}/foo`)).toBe("foo 1.0 (x1) installed");
    expect(await ok(root, "connections")).toBe("");
  });

  it("disconnecting a slot alone undoes all its connections", async () => {
    await ok(root, "install", "--dangerous", `${EXAMPLES}/foo-blue`);
    await ok(root, "install", "--dangerous", `${EXAMPLES}/baz`);
    await ok(root, "connect", "baz:bluez", "foo-blue:bluez");
    await ok(root, "disconnect", "foo-blue:bluez");
    expect(interfacesRows(await ok(root, "interfaces", "-i", "bluez"))).toContainEqual(["foo-blue:bluez", "-"]);
  });

  it("connect with no slot prefers the system snap's slot", async () => {
    await ok(root, "install", "--dangerous", `${EXAMPLES}/baz`);
    await ok(root, "install", "--dangerous", `${EXAMPLES}/foo-blue`);
    // On classic the system snap has a bluez slot, so it is chosen, as snapd does.
    await ok(root, "connect", "baz:bluez");
    expect(await ok(root, "connections", "baz")).toMatch(/^bluez\s+baz:bluez\s+:bluez\s+manual$/m);
  });

  it("connect with no slot looks only at the system snap, as snap does, even with several snaps offering one", async () => {
    // On a core device bluez is not implicit: the slots come from snaps.
    await mkdir(path.join(root, "etc/plugboard"), { recursive: true });
    await writeFile(path.join(root, "etc/plugboard/device.yaml"), "mode: core\n");
    await ok(root, "install", "--dangerous", `${EXAMPLES}/baz`);
    await ok(root, "install", "--dangerous", `${EXAMPLES}/foo-blue`);
    const other = await writeSnapDir(root, "other-blue", "name: other-blue\nversion: '1'\nslots:\n  bt: bluez\n");
    await ok(root, "install", "--dangerous", other);
    const r = await cli(root, "connect", "baz:bluez");
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toBe('error: snap "core" has no "bluez" interface slots');
    await ok(root, "connect", "baz:bluez", "other-blue");
    expect(await ok(root, "connections")).toMatch(/^bluez\s+baz:bluez\s+other-blue:bt\s+manual$/m);
  });
});
