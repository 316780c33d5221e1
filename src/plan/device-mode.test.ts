import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { builtinRegistry } from "../../interfaces/index.js";
import { DEFAULT_DEVICE, type DeviceMode } from "../device/index.js";
import { converge } from "../ops/converge.js";
import { installSnap } from "../ops/install.js";
import { makePaths, type Paths } from "../paths/index.js";
import { Repository } from "../repo/index.js";
import { parseSnapYaml } from "../snap/index.js";
import { planSnap } from "./index.js";

// The device's mode reaches the snippets through the repository the plan is
// made from: the same snap renders differently on a classic and a core device
// where snapd's rules depend on the mode.

const registry = builtinRegistry();
const paths = makePaths("/");
const PLAYER = "name: player\nversion: '1'\napps:\n  app:\n    command: bin/app\n    slots: [mpris]\n";
const CLIENT = "name: client\nversion: '1'\napps:\n  app:\n    command: bin/app\n    plugs: [pulseaudio]\n";
const SERVER = "name: server\nversion: '1'\napps:\n  app:\n    command: bin/app\n    slots: [pulseaudio]\n";
/** The desktop's media controls driving a player: classic only. */
const DESKTOP_CONTROLS = 'dbus (receive) bus=session path=/org/mpris/MediaPlayer2 peer=(label="{plasmashell,unconfined}"),';
/** The host's PulseAudio client configuration: classic only. */
const PULSE_CONF = "/etc/pulse/** r,";

function profileOf(mode: DeviceMode, snap: string): string {
  const repo = new Repository(registry, { ...DEFAULT_DEVICE, mode });
  for (const y of [PLAYER, CLIENT, SERVER]) repo.addSnap(parseSnapYaml(y, { file: "snap.yaml" }), "x1");
  repo.setConnection({ plug: { snap: "client", name: "pulseaudio" }, slot: { snap: "server", name: "pulseaudio" }, interface: "pulseaudio", auto: false, byGadget: false, undesired: false, plugStatic: {}, slotStatic: {} });
  return planSnap(paths, repo, registry, repo.snap(snap)!).get(path.join(paths.apparmorProfilesDir, `snap.${snap}.app`))!;
}

describe("planSnap by device mode", () => {
  it.each([
    ["classic", "player", DESKTOP_CONTROLS, true],
    ["core", "player", DESKTOP_CONTROLS, false],
    ["classic", "client", PULSE_CONF, true],
    ["core", "client", PULSE_CONF, false],
    ["core", "client", "owner /run/user/[0-9]*/snap.server/pulse/native rwk,", true],
  ] as const)("on a %s device, %s's profile has %s: %s", (mode, snap, rule, present) => {
    expect(profileOf(mode, snap).split("\n").map((l) => l.trim()).includes(rule)).toBe(present);
  });
});

describe("the device mode from device.yaml", () => {
  let root: string;
  let rootPaths: Paths;
  beforeEach(async () => {
    root = await mkdtemp(path.join(tmpdir(), "pb-mode-"));
    rootPaths = makePaths(root);
    await mkdir(path.join(root, "src/player/meta"), { recursive: true });
    await writeFile(path.join(root, "src/player/meta/snap.yaml"), PLAYER);
  });
  afterEach(async () => {
    await rm(root, { recursive: true, force: true });
  });
  const setMode = async (mode: DeviceMode) => {
    await mkdir(path.dirname(rootPaths.deviceFile), { recursive: true });
    await writeFile(rootPaths.deviceFile, `mode: ${mode}\n`);
  };
  const profile = () => readFile(path.join(rootPaths.apparmorProfilesDir, "snap.player.app"), "utf8");

  it("decides the installed profile, and converge re-renders it when the mode changes", async () => {
    await setMode("core");
    await installSnap(rootPaths, path.join(root, "src/player"), { dangerous: true });
    expect(await profile()).not.toContain(DESKTOP_CONTROLS);
    await setMode("classic");
    const report = await converge(rootPaths);
    expect(report.full).toBe(true);
    expect(await profile()).toContain(DESKTOP_CONTROLS);
  });
});
