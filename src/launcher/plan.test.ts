import { describe, expect, it } from "vitest";
import { parseSnapYaml } from "../snap/index.js";
import { chooseAppArmor, CONFINE_EXEC_IN_SANDBOX, LAUNCHER_ENV, planLaunch, profileCapabilities, type LaunchRequest } from "./plan.js";

const HOSTILE_ENV =
  "name: t\nversion: '1'\nenvironment:\n  LD_PRELOAD: $SNAP/evil.so\n  PATH: $SNAP/bin:$PATH\n  LD_LIBRARY_PATH: $SNAP/lib\napps:\n  a:\n    command: bin/a\n    environment:\n      GCONV_PATH: $SNAP/gconv\n";
const snap = parseSnapYaml(HOSTILE_ENV, { file: "snap.yaml" });
const host = { revision: () => "x1", contentDir: () => "/var/lib/plugboard/snaps/t/x1/root", dataDir: () => "/var/snap/t" };
const request = (over: Partial<LaunchRequest> = {}): LaunchRequest => ({
  snap,
  revision: "x1",
  app: "a",
  shell: false,
  args: [],
  seccompFilter: "/f.bin",
  mounts: [],
  useAppArmor: false,
  capabilities: [],
  tools: { confineExec: "/usr/lib/plugboard/native/build/confine-exec" },
  baseEnv: { HOME: "/root", LD_AUDIT: "/home/u/audit.so" },
  hostRoot: [{ name: "usr" }, { name: "root" }],
  hostVar: [],
  ...over,
});

/** The helper's part of the command line: everything after bwrap's own "--". */
const helperArgs = (argv: readonly string[]) => argv.slice(argv.indexOf("--") + 1);

describe("planLaunch", () => {
  it("binds a real home directory writable", () => {
    const argv = planLaunch(request({ home: "/root" }), host).argv.join(" ");
    expect(argv).toContain("--bind /root /root");
  });

  it("never binds / as a home: a service started by init has HOME=/", () => {
    for (const home of ["/", "//", "/."]) {
      const argv = planLaunch(request({ home }), host).argv;
      expect(argv.join(" ")).not.toMatch(/--bind \/+\.? /);
      expect(argv.slice(0, 3)).toEqual(["--die-with-parent", "--tmpfs", "/"]);
    }
  });

  it("runs bwrap with a fixed environment: nothing the snap or the caller set reaches a host tool", () => {
    const plan = planLaunch(request(), host);
    expect(plan.env).toEqual(LAUNCHER_ENV);
    // bwrap clears the environment for the helper; the app's is only in the helper's --env arguments.
    const bwrapOwn = plan.argv.slice(0, plan.argv.indexOf("--"));
    expect(bwrapOwn).toContain("--clearenv");
    expect(bwrapOwn).not.toContain("--setenv");
    expect(bwrapOwn.join(" ")).not.toMatch(/evil|LD_|GCONV/);
  });

  it("hands the snap's environment, loader variables included, to the app only", () => {
    const plan = planLaunch(request(), host);
    const args = helperArgs(plan.argv);
    expect(args[0]).toBe(CONFINE_EXEC_IN_SANDBOX);
    const envArgs = args.flatMap((a, i) => (args[i - 1] === "--env" ? [a] : []));
    expect(envArgs).toContain("LD_PRELOAD=/snap/t/x1/evil.so");
    expect(envArgs).toContain("LD_LIBRARY_PATH=/snap/t/x1/lib");
    expect(envArgs).toContain("GCONV_PATH=/snap/t/x1/gconv");
    expect(envArgs).toContain("LD_AUDIT=/home/u/audit.so");
    expect(envArgs.find((e) => e.startsWith("PATH="))).toBe("PATH=/snap/t/x1/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin");
    expect(plan.appEnv["LD_PRELOAD"]).toBe("/snap/t/x1/evil.so");
    // The command is absolute and comes after the helper's own "--".
    expect(args.slice(args.lastIndexOf("--") + 1)).toEqual(["/snap/t/x1/bin/a"]);
  });

  it("binds the helper from its host path onto the sandbox's private root", () => {
    const argv = planLaunch(request(), host).argv;
    const i = argv.indexOf(CONFINE_EXEC_IN_SANDBOX);
    expect(argv.slice(i - 2, i + 1)).toEqual(["--ro-bind", "/usr/lib/plugboard/native/build/confine-exec", CONFINE_EXEC_IN_SANDBOX]);
    expect(() => planLaunch(request({ tools: { confineExec: "native/build/confine-exec" } }), host)).toThrow(/absolute path/);
  });

  it("drops the caller's variables that are not environment names", () => {
    const plan = planLaunch(request({ baseEnv: { "A=B": "x", "BAD\nNAME": "y", GOOD: "z" } }), host);
    expect(Object.keys(plan.appEnv)).not.toContain("A=B");
    expect(Object.keys(plan.appEnv)).not.toContain("BAD\nNAME");
    expect(plan.appEnv["GOOD"]).toBe("z");
  });

  it("gives every app a private devpts, and asks AppArmor for the app's profile only where the kernel has it", () => {
    const without = helperArgs(planLaunch(request(), host).argv);
    expect(without).toContain("--new-pts");
    expect(without).not.toContain("--profile");
    const withAa = helperArgs(planLaunch(request({ useAppArmor: true }), host).argv);
    expect(withAa.slice(withAa.indexOf("--profile"), withAa.indexOf("--profile") + 2)).toEqual(["--profile", "snap.t.a"]);
    expect(withAa.join(" ")).not.toContain("aa-exec");
  });

  it("without AppArmor, the app gets its own PID namespace", () => {
    expect(planLaunch(request(), host).argv).toContain("--unshare-pid");
    expect(planLaunch(request({ useAppArmor: true }), host).argv).not.toContain("--unshare-pid");
  });

  it("keeps only the capabilities the interfaces grant", () => {
    const kept = (caps: LaunchRequest["capabilities"]) => {
      const args = helperArgs(planLaunch(request({ capabilities: caps }), host).argv);
      return args.flatMap((a, i) => (args[i - 1] === "--keep-cap" ? [Number(a)] : []));
    };
    expect(kept([])).toEqual([]);
    expect(kept(["net_admin", "net_raw", "no_such_cap"])).toEqual([12, 13]);
    expect(kept("all")).toHaveLength(41);
  });
});

describe("profileCapabilities", () => {
  it.each([
    ["  capability net_admin,\n  capability net_raw sys_admin,\n", ["net_admin", "net_raw", "sys_admin"]],
    ["  deny capability sys_module,\n  audit deny capability mknod,\n  capability chown,\n", ["chown"]],
    ["  # capability sys_admin,\n  /dev/null rw,\n", []],
    ["  audit capability kill,\n", ["kill"]],
    ["  capability,\n", "all"],
  ] as const)("%j grants %j", (text, want) => {
    expect(profileCapabilities(text)).toEqual(want);
  });
});

describe("chooseAppArmor", () => {
  it("uses AppArmor wherever the kernel has it and the profile is loaded, --root or not", () => {
    expect(chooseAppArmor(true, true, "snap.t.a", "/")).toBe(true);
    expect(chooseAppArmor(true, true, "snap.t.a", "/tmp/r")).toBe(true);
    expect(chooseAppArmor(false, false, "snap.t.a", "/tmp/r")).toBe(false);
  });

  it("refuses to skip AppArmor silently when the kernel has it but the profile is not loaded", () => {
    expect(() => chooseAppArmor(true, false, "snap.t.a", "/tmp/r")).toThrow(/snap\.t\.a is not loaded.*--root tree \(\/tmp\/r\) are compiled but not loaded/);
    expect(() => chooseAppArmor(true, false, "snap.t.a", "/")).toThrow(/reconnect or reinstall/);
  });
});
