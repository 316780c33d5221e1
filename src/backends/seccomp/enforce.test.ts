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
def unix_server():
    s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try: s.bind("/tmp/probe.sock"); s.listen(1)
    finally: s.close()
def renice_child():
    # The child waits on a pipe, so it exists until the parent is done with it.
    r, w = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(w); os.read(r, 1); os._exit(0)
    os.close(r)
    try: os.setpriority(os.PRIO_PROCESS, pid, 19)
    finally: os.close(w); os.waitpid(pid, 0)
def fchown_keep_both():
    fd = os.open("/tmp/probe.own", os.O_CREAT | os.O_WRONLY, 0o600)
    try: os.fchown(fd, -1, -1)
    finally: os.close(fd)
IOPRIO_SET = {"x86_64": 251, "aarch64": 30}[os.uname().machine]
def ioprio_set_self():
    # IOPRIO_WHO_PROCESS, itself, best-effort class level 4: no privilege needed.
    e = sysc(IOPRIO_SET, 1, 0, (2 << 13) | 4)
    if e: raise OSError(e, "ioprio_set")
def pidfd_open_self():
    os.close(os.pidfd_open(os.getpid()))
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
    "unix_server": unix_server,
    "nice_self": lambda: os.setpriority(os.PRIO_PROCESS, 0, 5),
    "nice_self_by_pid": lambda: os.setpriority(os.PRIO_PROCESS, os.getpid(), 6),
    "renice_child": renice_child,
    "affinity_self": lambda: os.sched_setaffinity(0, os.sched_getaffinity(0)),
    "affinity_self_by_pid": lambda: os.sched_setaffinity(os.getpid(), os.sched_getaffinity(0)),
    "sched_param_self": lambda: os.sched_setparam(0, os.sched_param(0)),
    "sched_param_self_by_pid": lambda: os.sched_setparam(os.getpid(), os.sched_param(0)),
    "scheduler_self_by_pid": lambda: os.sched_setscheduler(os.getpid(), os.SCHED_OTHER, os.sched_param(0)),
    "fchown_keep_both": fchown_keep_both,
    "ioprio_set_self": ioprio_set_self,
    "pidfd_open_self": pidfd_open_self,
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

/** A system call argument: a number (negative ones sign-extended to 64 bits), "pid" for the caller's pid, or a path. */
type ProbeArg = number | "pid" | `/${string}`;
const BADFD = -1;
const AT_FDCWD = -100;
const NOPATH = "/nonexistent/plugboard-probe";
/** -1 zero-extended, as the C library passes a uid_t or gid_t. */
const U32_NEG1 = 0xffffffff;
/** No process or process group has this id (pid_max is at most 2^22), nor does any user running processes. */
const NO_SUCH_ID = 0x7ffffffe;
const PRIO_PROCESS = 0;
const PRIO_PGRP = 1;
const PRIO_USER = 2;
const IOPRIO_WHO_PROCESS = 1;
/** [x86_64, aarch64] numbers; null where the call does not exist. */
const SYSCALL_NUMBERS: Record<string, readonly [number, number | null]> = {
  chown: [92, null],
  fchown: [93, 55],
  lchown: [94, null],
  fchownat: [260, 54],
  setpriority: [141, 140],
  sched_setaffinity: [203, 122],
  sched_setparam: [142, 118],
  sched_setscheduler: [144, 119],
  sched_setattr: [314, 274],
  unshare: [272, 97],
  ioprio_get: [252, 31],
  ioprio_set: [251, 30],
  pidfd_open: [434, 434],
  pidfd_send_signal: [424, 424],
  connect: [42, 203],
  bind: [49, 200],
  listen: [50, 201],
  accept: [43, 202],
  accept4: [288, 242],
};

type CallRow = readonly [label: string, syscall: string, args: readonly ProbeArg[], verdict: "allowed" | "refused", opts?: { readonly privileged?: boolean }];

// Makes each system call in turn and prints the errnos (0 on success) as a JSON list.
const CALLS = String.raw`
import ctypes, json, os, sys
libc = ctypes.CDLL(None, use_errno=True)
def arg(a):
    if a == "pid": return ctypes.c_ulong(os.getpid())
    if isinstance(a, str): return ctypes.c_char_p(a.encode())
    return ctypes.c_ulong(a & 0xffffffffffffffff)
out = []
for nr, args in json.loads(sys.argv[1]):
    r = libc.syscall(ctypes.c_long(nr), *[arg(a) for a in args])
    out.append(0 if r >= 0 else ctypes.get_errno())
print(json.dumps(out))
`;

async function callsUnder(v: Variant, calls: readonly (readonly [number | null, readonly ProbeArg[]])[]): Promise<number[]> {
  const r = await runConfined(filter(v), [PYTHON, "-c", CALLS, JSON.stringify(calls)]);
  expect(r.stderr).toBe("");
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout) as number[];
}

describe("filters enforced by the kernel (bwrap --seccomp)", () => {
  it("the default template: AF_UNIX clients only, no TIOCSTI, no namespaces, threads through clone, only itself reniced", async () => {
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
      unshare_files: EPERM,
      unix_server: EPERM,
      nice_self: 0,
      nice_self_by_pid: EPERM,
      renice_child: EPERM,
      affinity_self: 0,
      affinity_self_by_pid: EPERM,
      sched_param_self: 0,
      sched_param_self_by_pid: EPERM,
      scheduler_self_by_pid: 0,
      fchown_keep_both: EPERM,
      ioprio_set_self: EPERM,
      pidfd_open_self: EPERM,
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

  // Each row is one call with its arguments. "refused" rows must fail with
  // EPERM under the template while the kernel, unfiltered, answers something
  // else; "allowed" rows must get the kernel's own answer. Arguments are
  // chosen so the kernel fails harmlessly (a bad fd, a missing path, a pid
  // that cannot exist) wherever it can. One python3 per filter makes every
  // call, in order.
  describe("argument filters and calls left to interfaces, call by call", () => {
    const rows: readonly CallRow[] = [
      // Ownership moves to root only; -1 keeps a field, whichever way it is widened.
      ["fchown to root:root", "fchown", [BADFD, 0, 0], "allowed"],
      ["fchown to root, group kept (-1 as C passes it)", "fchown", [BADFD, 0, U32_NEG1], "allowed"],
      ["fchown to group root, owner kept (-1 as Go passes it)", "fchown", [BADFD, -1, 0], "allowed"],
      ["fchown to another user", "fchown", [BADFD, 1000, 1000], "refused"],
      ["fchown to another user, group kept", "fchown", [BADFD, 1000, U32_NEG1], "refused"],
      ["fchown to another group, owner kept", "fchown", [BADFD, U32_NEG1, 1000], "refused"],
      ["fchown to root and another group", "fchown", [BADFD, 0, 1000], "refused"],
      ["fchown keeping both", "fchown", [BADFD, -1, -1], "refused"],
      ["fchownat to root:root", "fchownat", [AT_FDCWD, NOPATH, 0, 0, 0], "allowed"],
      ["fchownat to another user", "fchownat", [AT_FDCWD, NOPATH, 1000, 1000, 0], "refused"],
      ["chown to root, group kept", "chown", [NOPATH, 0, U32_NEG1], "allowed"],
      ["chown to another user", "chown", [NOPATH, 1000, 0], "refused"],
      ["lchown to group root, owner kept", "lchown", [NOPATH, U32_NEG1, 0], "allowed"],
      ["lchown to another group", "lchown", [NOPATH, 0, 1000], "refused"],
      // Renicing itself (pid 0) to 0..19 only.
      ["setpriority: itself, nicer", "setpriority", [PRIO_PROCESS, 0, 19], "allowed"],
      ["setpriority: itself, a negative nice value", "setpriority", [PRIO_PROCESS, 0, -5], "refused"],
      ["setpriority: itself named by its pid", "setpriority", [PRIO_PROCESS, "pid", 19], "refused"],
      ["setpriority: another process", "setpriority", [PRIO_PROCESS, NO_SUCH_ID, 19], "refused"],
      ["setpriority: a process group", "setpriority", [PRIO_PGRP, NO_SUCH_ID, 19], "refused"],
      ["setpriority: a user's processes", "setpriority", [PRIO_USER, NO_SUCH_ID, 19], "refused"],
      // Scheduling of itself; sched_setscheduler unfiltered; no sched_setattr.
      ["sched_setaffinity: itself", "sched_setaffinity", [0, 8, 0], "allowed"],
      ["sched_setaffinity: another process", "sched_setaffinity", [NO_SUCH_ID, 8, 0], "refused"],
      ["sched_setparam: itself", "sched_setparam", [0, 0], "allowed"],
      ["sched_setparam: another process", "sched_setparam", [NO_SUCH_ID, 0], "refused"],
      ["sched_setscheduler: another process", "sched_setscheduler", [NO_SUCH_ID, 0, 0], "allowed"],
      ["sched_setattr: itself", "sched_setattr", [0, 0, 0], "refused"],
      // No namespaces, no I/O priorities, no pidfds.
      ["unshare(CLONE_FILES)", "unshare", [0x400], "refused"],
      ["unshare(CLONE_NEWUTS)", "unshare", [0x4000000], "refused", { privileged: true }],
      ["unshare(CLONE_NEWNS)", "unshare", [0x20000], "refused", { privileged: true }],
      ["ioprio_get: itself", "ioprio_get", [IOPRIO_WHO_PROCESS, 0], "allowed"],
      ["ioprio_set: itself", "ioprio_set", [IOPRIO_WHO_PROCESS, 0, (2 << 13) | 4], "refused"],
      ["pidfd_open: itself", "pidfd_open", ["pid", 0], "refused"],
      ["pidfd_send_signal", "pidfd_send_signal", [BADFD, 0, 0, 0], "refused"],
      // A client, not a server: serving is network-bind's.
      ["connect", "connect", [BADFD, 0, 0], "allowed"],
      ["bind", "bind", [BADFD, 0, 0], "refused"],
      ["listen", "listen", [BADFD, 0], "refused"],
      ["accept", "accept", [BADFD, 0, 0], "refused"],
      ["accept4", "accept4", [BADFD, 0, 0, 0], "refused"],
    ];
    const col = process.arch === "arm64" ? 1 : 0;
    // chown and lchown do not exist on aarch64; fchownat covers them there.
    const runnable = rows.filter(([, syscall]) => SYSCALL_NUMBERS[syscall]![col] !== null);
    let kernel: readonly number[] = [];
    let filtered: readonly number[] = [];
    beforeAll(async () => {
      const calls = runnable.map(([, syscall, args]) => [SYSCALL_NUMBERS[syscall]![col], args] as const);
      [kernel, filtered] = await Promise.all([callsUnder("unrestricted", calls), callsUnder("template", calls)]);
    });

    it.each(runnable.map((row, i) => [row[0], i, row] as const))("%s", (_label, i, [, , , verdict, opts]) => {
      // Without privilege the kernel itself refuses some calls with EPERM;
      // those rows show the filter's part only as root.
      if (!opts?.privileged || process.getuid?.() === 0) expect(kernel[i]).not.toBe(EPERM);
      expect(filtered[i]).toBe(verdict === "refused" ? EPERM : kernel[i]);
    });
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

  it("runs node (worker threads, child processes, timers) under the default template; a unix socket server is refused", async () => {
    // Serving needs network-bind (interfaces/network-bind.test.ts runs this server with it).
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
  const done = (server) => {
    out.server = server;
    setTimeout(() => console.log(JSON.stringify(out)), 5);
  };
  const srv = net.createServer();
  srv.on("error", (e) => done(e.code)).listen("/tmp/s", () => srv.close(() => done("listening")));
});
`;
    const r = await runConfined(filter("template"), [process.execPath, "-e", script]);
    expect(r.stderr).toBe("");
    expect(JSON.parse(r.stdout)).toEqual({ child: "child", file: "x", worker: 42, server: "EPERM" });
  });
});
