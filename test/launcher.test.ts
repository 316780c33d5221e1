import { execa } from "execa";
import { existsSync } from "node:fs";
import { chmod, mkdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cli, ok, tempRoot, writeSnapDir } from "./helpers/cli.js";

// The launcher on this machine's kernel: seccomp is enforced for real (the
// host has no AppArmor, so only the filter confines the child here).

const PROBE = `#!/bin/sh
exec python3 - "$@" <<'PY'
import socket, sys
families = {"unix": (socket.AF_UNIX, socket.SOCK_STREAM, 0), "inet": (socket.AF_INET, socket.SOCK_STREAM, 0), "netlink": (socket.AF_NETLINK, socket.SOCK_RAW, 0)}
for name in sys.argv[1:]:
    fam, typ, proto = families[name]
    try:
        socket.socket(fam, typ, proto).close()
        print(name, "allowed")
    except OSError as e:
        print(name, "errno", e.errno)
PY
`;

describe("plugboard run", () => {
  let root: string;
  let cleanup: () => Promise<void>;
  let dir: string;
  beforeAll(async () => {
    ({ root, cleanup } = await tempRoot());
    dir = await writeSnapDir(root, "prober", "name: prober\nversion: '1'\nenvironment:\n  GREETING: hello from $SNAP_NAME\napps:\n  probe:\n    command: bin/probe\n    plugs: [network]\n");
    await mkdir(path.join(dir, "bin"));
    await writeFile(path.join(dir, "bin/probe"), PROBE);
    await chmod(path.join(dir, "bin/probe"), 0o755);
    await ok(root, "install", "--dangerous", dir);
  });
  afterAll(() => cleanup());

  it("with network connected (auto), AF_INET and NETLINK_ROUTE sockets are allowed", async () => {
    const out = await ok(root, "run", "prober.probe", "--", "unix", "inet", "netlink");
    expect(out.split("\n")).toEqual(["unix allowed", "inet allowed", "netlink allowed"]);
  });

  it("after disconnecting network, only AF_UNIX is allowed; the rest fail with EPERM", async () => {
    await ok(root, "disconnect", "prober:network");
    const out = await ok(root, "run", "prober.probe", "--", "unix", "inet", "netlink");
    expect(out.split("\n")).toEqual(["unix allowed", "inet errno 1", "netlink errno 1"]);
    await ok(root, "connect", "prober:network");
    expect(await ok(root, "run", "prober.probe", "--", "inet")).toBe("inet allowed");
  });

  it("runs the app with the snap environment, and --shell runs a confined shell", async () => {
    const out = await ok(root, "run", "--shell", "prober.probe", "--", "-c", 'echo "$SNAP $SNAP_DATA $SNAP_REVISION $GREETING"; ls "$SNAP/bin"');
    expect(out).toBe("/snap/prober/x1 /var/snap/prober/x1 x1 hello from prober\nprobe");
  });

  it("refuses to run an app without a compiled filter", async () => {
    await rm(path.join(root, "var/lib/plugboard/seccomp/bpf/snap.prober.probe.bin"));
    const r = await cli(root, "run", "prober.probe");
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toMatch(/^error: no compiled seccomp filter for snap.prober.probe .*refusing to run it unconfined/);
  });
});

describe("plugboard run with content", () => {
  it("hello-docker finds the provider's docker executable on PATH through the content mount", async () => {
    const { root, cleanup } = await tempRoot();
    try {
      await ok(root, "install", "--dangerous", path.resolve(import.meta.dirname, "../examples/snaps/docker"));
      await ok(root, "install", "--dangerous", path.resolve(import.meta.dirname, "../examples/snaps/hello-docker"));
      // Before the connection the mount point holds only the snap's own placeholder.
      expect(await ok(root, "run", "--shell", "hello-docker.hello-docker", "--", "-c", 'ls "$SNAP/docker-snap"')).toBe("README");
      await ok(root, "connect", "hello-docker:docker-executables", "docker:docker-executables");
      expect(await ok(root, "run", "--shell", "hello-docker.hello-docker", "--", "-c", "command -v docker")).toBe("/snap/hello-docker/x1/docker-snap/bin/docker");
      const out = await ok(root, "run", "hello-docker.hello-docker");
      expect(out.split("\n")[0]).toBe("docker client from /snap/hello-docker/x1/docker-snap/bin/docker");
      // Read-only: the consumer cannot change the provider's files.
      const w = await cli(root, "run", "--shell", "hello-docker.hello-docker", "--", "-c", "touch $SNAP/docker-snap/bin/x 2>&1 || echo refused");
      expect(w.stdout).toMatch(/refused/);
    } finally {
      await cleanup();
    }
  });
});

// Security regressions: what the snap declares must never run outside its
// sandbox, and the sandbox must not reach the host's terminals, processes or
// capabilities. Each of these failed before the launcher handed the app's
// environment over inside the sandbox (native/confine-exec).
describe("plugboard run keeps the snap's environment and privileges inside the sandbox", () => {
  let root: string;
  let cleanup: () => Promise<void>;
  let dir: string;
  let marker: string;
  beforeAll(async () => {
    ({ root, cleanup } = await tempRoot());
    marker = path.join(root, "ran-on-host");
    dir = path.join(root, "src-hostile");
    await mkdir(path.join(dir, "bin"), { recursive: true });
    // A preloaded library that records where it ran; inside the sandbox the
    // host's temporary directory is not there, so only a host process can write it.
    const c = path.join(dir, "evil.c");
    await writeFile(c, `#include <stdio.h>\n__attribute__((constructor)) static void ran(void) { FILE *f = fopen("${marker}", "a"); if (f) { fputs("preload\\n", f); fclose(f); } }\n`);
    await execa("cc", ["-shared", "-fPIC", "-o", path.join(dir, "evil.so"), c]);
    // A "bwrap" first on the snap's PATH: a host that resolved tools through it would run it.
    await writeFile(path.join(dir, "bin/bwrap"), `#!/bin/sh\necho path >> ${marker}\nexit 0\n`, { mode: 0o755 });
    await writeFile(path.join(dir, "bin/show"), `#!/bin/sh\necho "LD_PRELOAD=$LD_PRELOAD"\necho "PATH=$PATH"\n`, { mode: 0o755 });
    const yaml = [
      "name: hostile",
      "version: '1'",
      "environment:",
      `  LD_PRELOAD: ${dir}/evil.so`,
      `  PATH: ${dir}/bin:$PATH`,
      "apps:",
      "  show:",
      "    command: bin/show",
    ].join("\n");
    await writeFile(path.join(dir, "snap.yaml"), yaml + "\n");
    await mkdir(path.join(dir, "meta"));
    await writeFile(path.join(dir, "meta/snap.yaml"), yaml + "\n");
    await ok(root, "install", "--dangerous", dir);
    // The privilege checks use a snap with an ordinary environment, so each fails on its own.
    const plain = await writeSnapDir(root, "plain", "name: plain\nversion: '1'\napps:\n  show:\n    command: bin/show\n  net:\n    command: bin/show\n    plugs: [network-control]\n");
    await mkdir(path.join(plain, "bin"));
    await writeFile(path.join(plain, "bin/show"), "#!/bin/sh\necho plain\n", { mode: 0o755 });
    await ok(root, "install", "--dangerous", plain);
  });
  afterAll(() => cleanup());

  it("neither LD_PRELOAD nor PATH from snap.yaml reaches bwrap; the app still gets both", async () => {
    const r = await cli(root, "run", "hostile.show");
    expect(r.exitCode).toBe(0);
    expect(existsSync(marker)).toBe(false);
    expect(r.stdout).toContain(`LD_PRELOAD=${dir}/evil.so`);
    expect(r.stdout).toContain(`PATH=${dir}/bin:`);
  });

  it("warns once that confinement is partial on a kernel without AppArmor", async () => {
    const r = await cli(root, "run", "plain.show");
    const warnings = r.stderr.split("\n").filter((l) => l.startsWith("warning: "));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/no AppArmor, so snap\.plain\.show runs partially confined.*file, network and D-Bus access are not mediated/);
  });

  it("gives the app a devpts instance of its own, not the host's terminals", async () => {
    const hostPts = (await execa("stat", ["-c", "%d", "/dev/pts/ptmx"])).stdout.trim();
    const out = await ok(root, "run", "--shell", "plain.show", "--", "-c", "stat -c %d /dev/pts/ptmx; ls /dev/pts; python3 -c 'import os; m, s = os.openpty(); print(os.ttyname(s))'");
    const [inside, listing, made] = out.split("\n");
    expect(inside).not.toBe(hostPts);
    expect(listing).toBe("ptmx");
    expect(made).toBe("/dev/pts/0");
  });

  it("keeps only the capabilities the connected interfaces grant, even as root", async () => {
    const bounding = async (app: string) => {
      const status = await ok(root, "run", "--shell", app, "--", "-c", "grep CapBnd /proc/self/status");
      return BigInt("0x" + status.split(/\s+/)[1]!);
    };
    expect(await bounding("plain.show")).toBe(0n);
    // network-control grants net_admin (12) and net_raw (13), among others, once connected.
    await ok(root, "connect", "plain:network-control");
    const granted = await bounding("plain.net");
    expect(granted & (1n << 12n)).not.toBe(0n);
    expect(granted & (1n << 16n)).toBe(0n); // sys_module
    expect(await bounding("plain.show")).toBe(0n);
  });

  it("cannot see or signal host processes without AppArmor", async () => {
    const sleeper = execa("sleep", ["60"]);
    try {
      const r = await cli(root, "run", "--shell", "plain.show", "--", "-c", `kill -0 ${sleeper.pid} && echo reached || echo unreachable`);
      expect(r.stdout.trim()).toBe("unreachable");
    } finally {
      sleeper.kill();
      await sleeper.catch(() => undefined);
    }
  });

  it("mounts the snap's files nosuid and nodev", async () => {
    const out = await ok(root, "run", "--shell", "plain.show", "--", "-c", "grep ' /snap/plain/x1 ' /proc/self/mountinfo");
    const options = out.split(" ")[5]!.split(",");
    expect(options).toEqual(expect.arrayContaining(["ro", "nosuid", "nodev"]));
  });
});
