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
