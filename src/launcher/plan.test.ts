import { describe, expect, it } from "vitest";
import { parseSnapYaml } from "../snap/index.js";
import { planLaunch, type LaunchRequest } from "./plan.js";

const snap = parseSnapYaml("name: t\nversion: '1'\napps:\n  a:\n    command: bin/a\n", { file: "snap.yaml" });
const host = { revision: () => "x1", contentDir: () => "/var/lib/plugboard/snaps/t/x1/root", dataDir: () => "/var/snap/t" };
const request = (home: string | undefined): LaunchRequest => ({
  snap,
  revision: "x1",
  app: "a",
  shell: false,
  args: [],
  seccompFilter: "/f.bin",
  mounts: [],
  useAppArmor: false,
  baseEnv: {},
  hostRoot: [{ name: "usr" }, { name: "root" }],
  hostVar: [],
  ...(home !== undefined ? { home } : {}),
});

describe("planLaunch", () => {
  it("binds a real home directory writable", () => {
    const argv = planLaunch(request("/root"), host).argv.join(" ");
    expect(argv).toContain("--bind /root /root");
  });

  it("never binds / as a home: a service started by init has HOME=/", () => {
    for (const home of ["/", "//", "/."]) {
      const argv = planLaunch(request(home), host).argv;
      expect(argv.join(" ")).not.toMatch(/--bind \/+\.? /);
      expect(argv.slice(0, 3)).toEqual(["--die-with-parent", "--tmpfs", "/"]);
    }
  });
});
