import { execa } from "execa";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { DEFAULT_DEVICE } from "../src/device/index.js";
import { makePaths } from "../src/paths/index.js";
import { planSnap } from "../src/plan/index.js";
import { Repository } from "../src/repo/index.js";
import { parseSnapYaml } from "../src/snap/index.js";
import desktopLaunch from "./desktop-launch.js";
import { builtinRegistry } from "./index.js";
import { ruleLines, snippet, connectedContext } from "./test-support.js";

describe("desktop-launch", () => {
  const rules = ruleLines(snippet(desktopLaunch, "connectedPlug", connectedContext(desktopLaunch, {}, {}, { system: true })));

  it.each([
    "/var/lib/snapd/desktop/applications/{,*} r,",
    "/var/lib/snapd/desktop/icons/{,**} r,",
    "/snap/*/*/** r,",
    "dbus (send) bus=session path=/io/snapcraft/PrivilegedDesktopLauncher interface=io.snapcraft.PrivilegedDesktopLauncher member=OpenDesktopEntry peer=(label=unconfined),",
  ])("grants %s, as snapd does", (rule) => {
    expect(rules).toContain(rule);
  });

  it("runs nothing itself: no /usr/bin/snap, and no exec rule at all", () => {
    expect(rules).not.toContain("/usr/bin/snap Ux,");
    expect(rules.filter((r) => / [a-zA-Z]*[PpUuCcIi]x[a-z]*,$/.test(r))).toEqual([]);
  });

  it("is implicit on classic only", () => {
    expect(desktopLaunch.implicitOn).toEqual({ core: false, classic: true });
  });

  // Found by test/fuzz.test.ts: an earlier "/snap/bin/* Ux" and the "/** ix" of lxd-support or
  // docker-support made apparmor_parser fail with "conflicting x modifiers".
  it.each(["lxd-support", "docker-support"])("compiles together with %s in one profile", async (other) => {
    const registry = builtinRegistry();
    const repo = new Repository(registry, DEFAULT_DEVICE);
    const info = parseSnapYaml(`name: launcher\nversion: '1'\napps:\n  app:\n    command: bin/app\nplugs:\n  desktop-launch:\n  ${other}:\n`, { file: "snap.yaml" });
    repo.addSnap(info, "x1");
    for (const plug of repo.allPlugs()) {
      repo.setConnection({ plug: { snap: "launcher", name: plug.name }, slot: { snap: repo.systemSnapName, name: plug.interface }, interface: plug.interface, auto: false, byGadget: false, undesired: false, plugStatic: plug.attrs, slotStatic: {} });
    }
    const paths = makePaths("/");
    const profile = planSnap(paths, repo, registry, repo.snap("launcher")!).get(path.join(paths.apparmorProfilesDir, "snap.launcher.app"))!;
    expect(profile).toContain("/snap/*/*/** r,");
    const dir = await mkdtemp(path.join(tmpdir(), "desktop-launch-"));
    try {
      await writeFile(path.join(dir, "snap.launcher.app"), profile);
      const r = await execa("apparmor_parser", ["-Q", "-K", path.join(dir, "snap.launcher.app")], { reject: false });
      expect(r.stderr.replace(/^Cache read\/write disabled.*\n?/m, "")).toBe("");
      expect(r.exitCode).toBe(0);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
