// The kernel enforcing compiled filters on real processes: Debian's bwrap
// loads the filter (`--seccomp 3`) and execs the command under it.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { compileSeccompBatch } from "../../system/seccomp.js";
import { buildCompiler, runConfined } from "./test-support.js";
import { DEFAULT_SECCOMP_TEMPLATE, parseSeccompSource } from "./index.js";

const PYTHON = "/usr/bin/python3";
const dir = mkdtempSync(path.join(tmpdir(), "plugboard-seccomp-enforce-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const VARIANTS = {
  template: "",
  netlink: "socket AF_NETLINK",
  netlinkDenied: "socket AF_NETLINK\n~socket AF_NETLINK",
  inetDenied: "~socket AF_INET",
  complain: "@complain\n~socket AF_INET6",
  unrestricted: "@unrestricted",
} as const;
type Variant = keyof typeof VARIANTS;
const filter = (v: Variant) => path.join(dir, `${v}.bin`);

beforeAll(async () => {
  buildCompiler();
  await compileSeccompBatch(
    Object.entries(VARIANTS).map(([name, extra]) => ({
      source: parseSeccompSource(`${DEFAULT_SECCOMP_TEMPLATE}\n${extra}\n`, `${name}.src`),
      output: filter(name as Variant),
    })),
  );
});

// Prints {"name": errno-or-0, …} for each probe; a probe returns normally or raises OSError.
const PROBES = String.raw`
import ctypes, errno, fcntl, json, os, pty, socket, sys, termios, threading
libc = ctypes.CDLL(None, use_errno=True)
def sysc(nr, *args):
    r = libc.syscall(ctypes.c_long(nr), *[ctypes.c_ulong(a) for a in args])
    return 0 if r >= 0 else ctypes.get_errno()
def sock(*a):
    socket.socket(*a).close()
def tiocsti(request):
    parent, child = pty.openpty()
    c = ctypes.c_char(b"x")
    r = libc.syscall(ctypes.c_long(16), ctypes.c_ulong(child), ctypes.c_ulong(request), ctypes.byref(c))
    if r < 0: raise OSError(ctypes.get_errno(), "ioctl")
def winsz():
    parent, child = pty.openpty()
    fcntl.ioctl(child, termios.TIOCGWINSZ, b"\0" * 8)
def clone_newuser():
    # clone(CLONE_NEWUSER | SIGCHLD): on success the child must leave at once.
    r = libc.syscall(ctypes.c_long(56), ctypes.c_ulong(0x10000000 | 17), ctypes.c_ulong(0), ctypes.c_ulong(0), ctypes.c_ulong(0), ctypes.c_ulong(0))
    if r == 0: os._exit(0)
    if r < 0: raise OSError(ctypes.get_errno(), "clone")
    os.waitpid(r, 0)
def unshare(flags):
    if libc.unshare(ctypes.c_int(flags)) != 0: raise OSError(ctypes.get_errno(), "unshare")
def clone3():
    # Only ENOSYS counts: with no arguments the kernel itself answers EINVAL.
    if sysc(435, 0, 0) == errno.ENOSYS: raise OSError(errno.ENOSYS, "clone3")
def fork():
    pid = os.fork()
    if pid == 0: os._exit(0)
    os.waitpid(pid, 0)
def thread():
    out = []
    t = threading.Thread(target=lambda: out.append(1)); t.start(); t.join()
    assert out == [1]
probes = {
    "unix": lambda: sock(socket.AF_UNIX, socket.SOCK_STREAM),
    "unixpair": lambda: [s.close() for s in socket.socketpair()],
    "netlink": lambda: sock(socket.AF_NETLINK, socket.SOCK_RAW, 0),
    "inet": lambda: sock(socket.AF_INET, socket.SOCK_STREAM),
    "inet6": lambda: sock(socket.AF_INET6, socket.SOCK_DGRAM),
    "tiocsti": lambda: tiocsti(termios.TIOCSTI),
    "tiocsti_high_bits": lambda: tiocsti(termios.TIOCSTI | (1 << 32)),
    "tiocgwinsz": winsz,
    "clone3": clone3,
    "thread": thread,
    "fork": fork,
    "clone_newuser": clone_newuser,
    "unshare_newuser": lambda: unshare(0x10000000),
    "unshare_files": lambda: unshare(0x400),
}
result = {}
for name, f in probes.items():
    try:
        f(); result[name] = 0
    except OSError as e:
        result[name] = e.errno
print(json.dumps(result))
`;

async function probe(v: Variant): Promise<Record<string, number>> {
  const r = await runConfined(filter(v), [PYTHON, "-c", PROBES]);
  expect(r.stderr).toBe("");
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout) as Record<string, number>;
}

const EPERM = 1;
const EACCES = 13;
const ENOSYS = 38;

describe("filters enforced by the kernel (bwrap --seccomp)", () => {
  it("the default template: AF_UNIX only, no TIOCSTI, no new user namespace, threads through clone", async () => {
    expect(await probe("template")).toEqual({
      unix: 0,
      unixpair: 0,
      netlink: EPERM,
      inet: EPERM,
      inet6: EPERM,
      tiocsti: EACCES,
      tiocsti_high_bits: EACCES,
      tiocgwinsz: 0,
      clone3: ENOSYS,
      thread: 0,
      fork: 0,
      clone_newuser: EPERM,
      unshare_newuser: EPERM,
      unshare_files: 0,
    });
  });

  it("an added rule allows exactly what it names", async () => {
    const r = await probe("netlink");
    expect([r["netlink"], r["inet"], r["unix"]]).toEqual([0, EPERM, 0]);
  });

  it("an explicit denial gives EACCES and wins over an allowance", async () => {
    expect((await probe("netlinkDenied"))["netlink"]).toBe(EACCES);
    const r = await probe("inetDenied");
    expect([r["inet"], r["inet6"], r["netlink"]]).toEqual([EACCES, EPERM, EPERM]);
  });

  it("@complain lets everything through except explicit denials", async () => {
    const r = await probe("complain");
    expect(r).toMatchObject({ netlink: 0, inet: 0, clone_newuser: 0, unshare_newuser: 0, tiocsti: EACCES, inet6: EACCES });
  });

  it("@unrestricted lets everything through", async () => {
    const r = await probe("unrestricted");
    expect(Object.entries(r).filter(([, e]) => e !== 0)).toEqual([]);
  });

  it("refuses what the template leaves out with EPERM", async () => {
    // Each call is made with arguments that would fail harmlessly (EFAULT,
    // EINVAL, EBADF) if the filter let it through.
    const calls: Record<string, readonly [number, number]> = {
      // name: [x86_64, aarch64] system call numbers
      mount: [165, 40],
      umount2: [166, 39],
      ptrace: [101, 117],
      kexec_load: [246, 104],
      init_module: [175, 105],
      finit_module: [313, 273],
      delete_module: [176, 106],
      reboot: [169, 142],
      swapon: [167, 224],
      swapoff: [168, 225],
      pivot_root: [155, 41],
      bpf: [321, 280],
      perf_event_open: [298, 241],
      keyctl: [250, 219],
      add_key: [248, 217],
      request_key: [249, 218],
      open_by_handle_at: [304, 265],
      userfaultfd: [323, 282],
      setns: [308, 268],
      chroot: [161, 51],
      setuid: [105, 146],
    };
    const col = process.arch === "arm64" ? 1 : 0;
    const nrs = Object.fromEntries(Object.entries(calls).map(([k, v]) => [k, v[col]]));
    const script = String.raw`
import ctypes, json, sys
libc = ctypes.CDLL(None, use_errno=True)
bad = ctypes.c_ulong(0xffffffffffffffff)
out = {}
for name, nr in json.loads(sys.argv[1]).items():
    # Invalid flags, magic, ids or requests; or else bad fds and NULL pointers.
    args = [bad, bad, bad, bad, bad] if name in ("kexec_load", "reboot", "setuid", "bpf", "keyctl", "userfaultfd", "setns", "ptrace") else [ctypes.c_ulong(0)] * 5
    r = libc.syscall(ctypes.c_long(nr), *args)
    out[name] = 0 if r >= 0 else ctypes.get_errno()
print(json.dumps(out))
`;
    const errnos = async (v: Variant) => {
      const r = await runConfined(filter(v), [PYTHON, "-c", script, JSON.stringify(nrs)]);
      expect(r.stderr).toBe("");
      return JSON.parse(r.stdout) as Record<string, number>;
    };
    // Unfiltered, the kernel answers each probe with something other than
    // EPERM, so EPERM below can only come from the filter.
    expect(Object.entries(await errnos("unrestricted")).filter(([, e]) => e === EPERM || e === 0)).toEqual([]);
    expect(await errnos("template")).toEqual(Object.fromEntries(Object.keys(nrs).map((k) => [k, EPERM])));
  });

  it("runs a shell with coreutils under the default template", async () => {
    const script = [
      "set -e",
      "mkdir -p /tmp/w/sub && cd /tmp/w",
      "printf 'b\\na\\n' > f && sort f > g && cat g | tr -d '\\n'",
      "cp -a f h && mv h i && ln -s i j && readlink j >/dev/null && chmod 600 i && touch -d yesterday i && stat -c %a i",
      "mkfifo p && rm p && ls -la >/dev/null && find . -type f | wc -l",
      "tar cf t.tar f g && gzip t.tar && ls t.tar.gz",
      "date +%Y >/dev/null && id -u && uname -s && (sleep 0.01 & wait) && echo $((6*7)) | head -c 2",
    ].join("\n");
    const r = await runConfined(filter("template"), ["/bin/sh", "-c", script]);
    expect(r.stderr).toBe("");
    expect(r.stdout.split("\n")).toEqual(["ab600", "3", "t.tar.gz", "0", "Linux", "42"]);
    expect(r.code).toBe(0);
  });

  it("runs python3 (threads, subprocess, multiprocessing, asyncio, files) under the default template", async () => {
    const script = String.raw`
import asyncio, json, multiprocessing, os, sqlite3, subprocess, tempfile, threading
def sq(x): return x * x
if __name__ == "__main__":
    with tempfile.TemporaryDirectory() as d:
        open(os.path.join(d, "f"), "w").write("x")
        files = os.listdir(d)
    with multiprocessing.Pool(2) as p: pool = p.map(sq, [1, 2, 3])
    async def main(): await asyncio.sleep(0.01); return "async"
    print(json.dumps([files, pool, subprocess.run(["echo", "sub"], capture_output=True, text=True).stdout.strip(), asyncio.run(main()), sqlite3.connect(":memory:").execute("select 7").fetchone()[0]]))
`;
    const r = await runConfined(filter("template"), [PYTHON, "-c", script]);
    expect(r.stderr).toBe("");
    expect(JSON.parse(r.stdout)).toEqual([["f"], [1, 4, 9], "sub", "async", 7]);
  });

  it("runs node (worker threads, child processes, unix sockets, timers) under the default template", async () => {
    const script = `
const { Worker } = require("node:worker_threads");
const cp = require("node:child_process");
const net = require("node:net");
const fs = require("node:fs");
const out = {};
out.child = cp.execFileSync("echo", ["child"]).toString().trim();
fs.writeFileSync("/tmp/a", "x");
out.file = fs.readFileSync("/tmp/a", "utf8");
const w = new Worker("require('node:worker_threads').parentPort.postMessage(6 * 7)", { eval: true });
w.on("message", (m) => {
  out.worker = m;
  const srv = net.createServer((c) => c.end("hi")).listen("/tmp/s", () => {
    net.connect("/tmp/s").on("data", (d) => {
      out.unix = d.toString();
      srv.close();
      setTimeout(() => console.log(JSON.stringify(out)), 5);
    });
  });
});
`;
    const r = await runConfined(filter("template"), [process.execPath, "-e", script]);
    expect(r.stderr).toBe("");
    expect(JSON.parse(r.stdout)).toEqual({ child: "child", file: "x", worker: 42, unix: "hi" });
  });
});
