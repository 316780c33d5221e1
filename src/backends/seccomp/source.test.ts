import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ValidationError } from "../../errors/index.js";
import { DEFAULT_SECCOMP_TEMPLATE, parseSeccompSource, serializeForCompiler, type SeccompArg, type SeccompProgram } from "./index.js";

const root = mkdtempSync(path.join(tmpdir(), "plugboard-seccomp-root-"));
mkdirSync(path.join(root, "etc"));
writeFileSync(
  path.join(root, "etc/passwd"),
  ["root:x:0:0:root:/root:/bin/bash", "daemon:x:1:1::/usr/sbin:/usr/sbin/nologin", "snap_daemon:x:584788:584788::/nonexistent:/usr/bin/false", "broken-line", "svc$:x:4242:4242::/:/bin/false", "huge:x:4294967296:0::/:/bin/false", ""].join("\n"),
);
writeFileSync(path.join(root, "etc/group"), ["root:x:0:", "audio:x:29:pulse", "snap_daemon:x:584788:", ""].join("\n"));
const bare = mkdtempSync(path.join(tmpdir(), "plugboard-seccomp-bare-"));
afterAll(() => {
  rmSync(root, { recursive: true, force: true });
  rmSync(bare, { recursive: true, force: true });
});

const one = (line: string, opts = { root }) => {
  const p = parseSeccompSource(line, "t.src", opts);
  expect(p.rules).toHaveLength(1);
  return p.rules[0]!;
};
const eq = (value: bigint): SeccompArg => ({ op: "eq", value });
/** An equality test of an id or a negative number: only the low 32 bits count. */
const eq32 = (value: bigint): SeccompArg => ({ op: "eq", value, low32: true });
const NO_CHANGE = 0xffffffffn;

describe("parseSeccompSource: rules", () => {
  it.each<[string, string, boolean, (SeccompArg | null)[]]>([
    ["read", "read", false, []],
    ["  read  ", "read", false, []],
    ["read # trailing comment", "read", false, []],
    ["\tread\t-\r", "read", false, [null]],
    ["~ioctl - TIOCSTI", "ioctl", true, [null, eq(0x5412n)]],
    ["socket AF_UNIX", "socket", false, [eq(1n)]],
    ["socket PF_INET6 SOCK_STREAM", "socket", false, [eq(10n), eq(1n)]],
    ["socket AF_NETLINK - NETLINK_ROUTE", "socket", false, [eq(16n), null, eq(0n)]],
    ["socket AF_NETLINK - NETLINK_KOBJECT_UEVENT", "socket", false, [eq(16n), null, eq(15n)]],
    ["socket AF_INET SOCK_DGRAM IPPROTO_ICMP", "socket", false, [eq(2n), eq(2n), eq(1n)]],
    ["prctl PR_SET_NAME", "prctl", false, [eq(15n)]],
    ["clone |CLONE_NEWUSER", "clone", false, [{ op: "masked", value: 0x10000000n }]],
    ["clone <CLONE_NEWUSER", "clone", false, [{ op: "lt", value: 0x10000000n }]],
    ["mmap - >4096", "mmap", false, [null, { op: "gt", value: 4096n }]],
    ["mmap - >=0x10", "mmap", false, [null, { op: "ge", value: 16n }]],
    ["mmap - <010", "mmap", false, [null, { op: "lt", value: 8n }]],
    ["mmap - <=0", "mmap", false, [null, { op: "le", value: 0n }]],
    ["mmap !5", "mmap", false, [{ op: "ne", value: 5n }]],
    ["mknod - |010000", "mknod", false, [null, { op: "masked", value: 0o10000n }]],
    ["x 0", "x", false, [eq(0n)]],
    ["x 00", "x", false, [eq(0n)]],
    ["x 0777", "x", false, [eq(511n)]],
    ["x 0XfF", "x", false, [eq(255n)]],
    ["x 18446744073709551615", "x", false, [eq((1n << 64n) - 1n)]],
    ["x |0xffffffffffffffff", "x", false, [{ op: "masked", value: (1n << 64n) - 1n }]],
    ["x >0x100000000", "x", false, [{ op: "gt", value: 1n << 32n }]],
    ["x 1 2 3 4 5 6", "x", false, [1n, 2n, 3n, 4n, 5n, 6n].map(eq)],
    // Negative numbers are 32-bit two's complement, compared on the low 32 bits.
    ["fchown - -1 -1", "fchown", false, [null, eq32(NO_CHANGE), eq32(NO_CHANGE)]],
    ["x -5", "x", false, [eq32(0xfffffffbn)]],
    ["x -2147483648", "x", false, [eq32(0x80000000n)]],
    // Written as a plain number, the same bits are compared as 64 bits.
    ["x 4294967295", "x", false, [eq(NO_CHANGE)]],
    ["_llseek", "_llseek", false, []],
    ["~mount", "mount", true, []],
  ])("%j", (line, syscall, deny, args) => {
    const r = one(line);
    expect(r).toEqual({ line: 1, syscall, deny, args });
  });

  it("keeps line numbers, skips comments and blank lines, keeps duplicates", () => {
    const p = parseSeccompSource("# header\n\nread\n   # indented comment\nwrite\nread\n", "t.src");
    expect(p.rules.map((r) => [r.line, r.syscall])).toEqual([
      [3, "read"],
      [5, "write"],
      [6, "read"],
    ]);
    expect(p.file).toBe("t.src");
  });

  it.each<[string, string]>([
    ["", "enforce"],
    ["@complain", "complain"],
    ["@complain # devmode", "complain"],
    ["@unrestricted", "unrestricted"],
    ["@complain\n@unrestricted", "unrestricted"],
    ["@unrestricted\n@complain\nread", "unrestricted"],
    ["read\n@complain\n@complain", "complain"],
  ])("mode of %j is %s", (text, mode) => {
    expect(parseSeccompSource(text, "t.src").mode).toBe(mode);
  });

  it("parses the default template", () => {
    const p = parseSeccompSource(DEFAULT_SECCOMP_TEMPLATE, "default.src");
    expect(p.mode).toBe("enforce");
    const names = new Set(p.rules.map((r) => r.syscall));
    for (const needed of ["execve", "exit_group", "mmap", "openat", "read", "write", "close", "futex", "epoll_wait", "rt_sigaction", "clone", "socket", "ioctl"]) {
      expect(names.has(needed), needed).toBe(true);
    }
    for (const forbidden of ["mount", "umount2", "ptrace", "kexec_load", "init_module", "finit_module", "delete_module", "reboot", "swapon", "swapoff", "pivot_root", "bpf", "perf_event_open", "keyctl", "add_key", "request_key", "open_by_handle_at", "userfaultfd", "clone3", "socketcall"]) {
      expect(names.has(forbidden), forbidden).toBe(false);
    }
    const socketRules = p.rules.filter((r) => (r.syscall === "socket" || r.syscall === "socketpair") && !r.deny);
    expect(socketRules.map((r) => r.args)).toEqual([[eq(1n)], [eq(1n)]]);
    expect(p.rules.filter((r) => r.deny).map((r) => [r.syscall, r.args])).toEqual([
      ["ioctl", [null, eq(0x5412n)]],
      ["ioctl", [null, eq(0x541cn)]],
    ]);
    // Every rule for clone keeps CLONE_NEWUSER (and higher bits) out.
    for (const r of p.rules.filter((r) => r.syscall === "clone")) {
      expect(r.args).toEqual([{ op: "lt", value: 0x10000000n }]);
    }
  });
});

// What snapd 2.57's default template (interfaces/seccomp/template.go) allows
// for these calls, rule by rule; an empty list means it leaves the call out.
describe("the default template is no broader than snapd's", () => {
  const template = parseSeccompSource(DEFAULT_SECCOMP_TEMPLATE, "default.src");
  const rulesFor = (syscall: string) => template.rules.filter((r) => r.syscall === syscall && !r.deny).map((r) => r.args);
  const ROOT = eq32(0n);
  const KEEP = eq32(NO_CHANGE);
  // root:root, root with the group kept, root's group with the owner kept.
  const toRoot = (lead: null[]) => [
    [...lead, ROOT, ROOT],
    [...lead, ROOT, KEEP],
    [...lead, KEEP, ROOT],
  ];
  const lt = (value: bigint): SeccompArg => ({ op: "lt", value });
  const le = (value: bigint): SeccompArg => ({ op: "le", value });

  it.each<[string, (SeccompArg | null)[][]]>([
    ["chown", toRoot([null])],
    ["fchown", toRoot([null])],
    ["lchown", toRoot([null])],
    ["chown32", toRoot([null])],
    ["fchown32", toRoot([null])],
    ["lchown32", toRoot([null])],
    ["fchownat", toRoot([null, null])],
    ["unshare", []],
    ["setns", []],
    ["ioprio_set", []],
    ["ioprio_get", [[]]],
    // setpriority(PRIO_PROCESS, 0 = itself, nice 0..19)
    ["setpriority", [[eq(0n), eq(0n), le(19n)]]],
    ["sched_setaffinity", [[eq(0n)]]],
    ["sched_setparam", [[eq(0n)]]],
    ["sched_setscheduler", [[]]],
    ["sched_setattr", []],
    ["sched_getattr", [[]]],
    ["bind", []],
    ["listen", []],
    ["accept", []],
    ["accept4", []],
    ["connect", [[]]],
    ["pidfd_open", []],
    ["pidfd_send_signal", []],
    ["pidfd_getfd", []],
    ["clone", [[lt(0x10000000n)]]],
  ])("%s", (syscall, expected) => {
    expect(rulesFor(syscall)).toEqual(expected);
  });
});

describe("parseSeccompSource: users and groups", () => {
  it.each<[string, bigint]>([
    ["setuid u:root", 0n],
    ["setuid u:daemon", 1n],
    ["setuid u:snap_daemon", 584788n],
    ["setuid u:svc$", 4242n],
    ["setgid g:root", 0n],
    ["setgid g:audio", 29n],
    ["setgid g:snap_daemon", 584788n],
    ["setresuid !u:daemon", 1n],
  ])("%j under a temporary root", (line, id) => {
    expect(one(line).args[0]?.value).toBe(id);
  });

  it("resolves root to 0 without passwd or group files", () => {
    expect(one("chown - u:root g:root", { root: bare }).args).toEqual([null, eq32(0n), eq32(0n)]);
  });

  it.each<[string, SeccompArg]>([
    ["setuid u:daemon", eq32(1n)],
    ["setgid g:audio", eq32(29n)],
    // Other comparisons of an id keep comparing all 64 bits.
    ["setresuid !u:daemon", { op: "ne", value: 1n }],
    ["setuid >=u:daemon", { op: "ge", value: 1n }],
  ])("%j: an id tested for equality compares the low 32 bits only", (line, arg) => {
    expect(one(line).args).toEqual([arg]);
  });

  it("reads the files of the given root, not the host's", () => {
    // "daemon" is in the host's passwd on Debian, but not under `bare`.
    expect(() => parseSeccompSource("setuid u:daemon", "t.src", { root: bare })).toThrow(/^t\.src:1: argument 1 \("u:daemon"\): unknown user "daemon" \(not in .*etc\/passwd\)$/);
  });
});

describe("parseSeccompSource: errors name the file and line", () => {
  it.each<[string, RegExp]>([
    ["~", /^f\.src:3: invalid system call name ""/],
    ["~~read", /^f\.src:3: invalid system call name "~read"/],
    ["Read", /^f\.src:3: invalid system call name "Read"/],
    ["read-x", /^f\.src:3: invalid system call name "read-x"/],
    ["re.ad", /^f\.src:3: invalid system call name "re\.ad"/],
    ["- read", /^f\.src:3: invalid system call name "-"/],
    ["@foo", /^f\.src:3: unknown directive "@foo"/],
    ["@complain now", /^f\.src:3: @complain takes no arguments/],
    ["@unrestricted read", /^f\.src:3: @unrestricted takes no arguments/],
    ["socket AF_FOO", /^f\.src:3: argument 1 \("AF_FOO"\): unknown constant "AF_FOO"/],
    ["open - O_RDONLY", /^f\.src:3: argument 2 \("O_RDONLY"\): unknown constant "O_RDONLY"/],
    ["x 1 2 3 4 5 6 7", /^f\.src:3: x has 7 arguments; a rule may check at most 6/],
    ["x 08", /^f\.src:3: argument 1 \("08"\): invalid number "08"/],
    ["x 0x", /^f\.src:3: argument 1 \("0x"\): invalid number "0x"/],
    ["x 0xg", /^f\.src:3: argument 1 \("0xg"\): invalid number "0xg"/],
    ["x 1x", /^f\.src:3: argument 1 \("1x"\): invalid number "1x"/],
    ["x -0", /^f\.src:3: argument 1 \("-0"\): invalid number "-0"/],
    ["x -01", /^f\.src:3: argument 1 \("-01"\): invalid number "-01"/],
    ["x --1", /^f\.src:3: argument 1 \("--1"\): invalid number "--1"/],
    ["x -0x1", /^f\.src:3: argument 1 \("-0x1"\): invalid number "-0x1"/],
    ["x -2147483649", /^f\.src:3: argument 1 \("-2147483649"\): -2147483649 does not fit in 32 bits \(the smallest is -2147483648\)/],
    ["x !-1", /^f\.src:3: argument 1 \("!-1"\): a negative number can only be tested for equality/],
    ["x - <-1", /^f\.src:3: argument 2 \("<-1"\): a negative number can only be tested for equality/],
    ["x |-1", /^f\.src:3: argument 1 \("\|-1"\): a negative number can only be tested for equality/],
    ["setuid u:huge", /^f\.src:3: argument 1 \("u:huge"\): user "huge" has id 4294967296, which does not fit in 32 bits/],
    ["x 1.5", /^f\.src:3: argument 1 \("1\.5"\): invalid number "1\.5"/],
    ["x - >>1", /^f\.src:3: argument 2 \(">>1"\): invalid number ">1"/],
    ["x !-", /^f\.src:3: argument 1 \("!-"\): invalid number "-"/],
    ["x >", /^f\.src:3: argument 1 \(">"\): missing value/],
    ["x - - |", /^f\.src:3: argument 3 \("\|"\): missing value/],
    ["x 18446744073709551616", /^f\.src:3: argument 1 \("18446744073709551616"\): 18446744073709551616 does not fit in 64 bits/],
    ["x 0x10000000000000000", /^f\.src:3: argument 1 \("0x10000000000000000"\): 0x10000000000000000 does not fit in 64 bits/],
    ["x 02000000000000000000000", /does not fit in 64 bits/],
    ["setuid u:nobody-here", /^f\.src:3: argument 1 \("u:nobody-here"\): unknown user "nobody-here" \(not in .*\/etc\/passwd\)/],
    ["setgid g:pulse", /^f\.src:3: argument 1 \("g:pulse"\): unknown group "pulse" \(not in .*\/etc\/group\)/],
    ["setuid u:", /^f\.src:3: argument 1 \("u:"\): invalid user name ""/],
    ["setuid u:a:b", /^f\.src:3: argument 1 \("u:a:b"\): invalid user name "a:b"/],
    ["setgid g:../x", /^f\.src:3: argument 1 \("g:\.\.\/x"\): invalid group name "\.\.\/x"/],
  ])("%j", (bad, message) => {
    const text = `read\n# fine so far\n${bad}\nwrite\n`;
    let err: unknown;
    try {
      parseSeccompSource(text, "f.src", { root });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ValidationError);
    expect((err as Error).message).toMatch(message);
  });
});

describe("serializeForCompiler", () => {
  const ser = (text: string) => serializeForCompiler(parseSeccompSource(text, "a b.src"));

  it("writes the name, the mode and one line per rule, with an implicit clone3", () => {
    expect(ser("read\nsocket AF_UNIX\nmmap - >=0x100000000 <=7 !1 |0x30\n")).toBe(
      [
        "F a b.src",
        "M enforce",
        "R 1 allow read",
        "R 2 allow socket 0:eq:1",
        "R 3 allow mmap 1:ge:4294967296 2:le:7 3:ne:1 4:me:48:48",
        "R 0 enosys clone3",
        "",
      ].join("\n"),
    );
  });

  it("compares only the low 32 bits of ids and negative numbers tested for equality", () => {
    // Go passes chown's -1 sign-extended, C zero-extended: both must match.
    expect(ser("fchown - -1 g:root\nfchownat - - u:root -1\nsetuid !u:root\nx 4294967295\nx -2147483648")).toBe(
      [
        "F a b.src",
        "M enforce",
        "R 1 allow fchown 1:me:4294967295:4294967295 2:me:4294967295:0",
        "R 2 allow fchownat 2:me:4294967295:0 3:me:4294967295:4294967295",
        "R 3 allow setuid 0:ne:0",
        "R 4 allow x 0:eq:4294967295",
        "R 5 allow x 0:me:4294967295:2147483648",
        "R 0 enosys clone3",
        "",
      ].join("\n"),
    );
  });

  it("compares only the low 32 bits in a denial of a 32-bit value", () => {
    expect(ser("~ioctl - TIOCSTI\n~x 0x100000000\n~y !5\n~z >5")).toBe(
      ["F a b.src", "M enforce", "R 1 eacces ioctl 1:me:4294967295:21522", "R 2 eacces x 0:eq:4294967296", "R 3 eacces y 0:ne:5", "R 4 eacces z 0:gt:5", "R 0 enosys clone3", ""].join("\n"),
    );
  });

  it.each<[string, boolean]>([
    ["read", true],
    ["@complain\nread", true],
    ["@unrestricted\nread", false],
    ["clone3", false],
    ["~clone3", false],
  ])("adds clone3 ENOSYS for %j: %s", (text, added) => {
    expect(ser(text).includes("R 0 enosys clone3")).toBe(added);
  });

  it("drops exact duplicates but keeps the same rule as allow and deny", () => {
    expect(ser("read\nread\n~read\nsocket 1\nsocket AF_UNIX\nsocket 2")).toBe(
      ["F a b.src", "M enforce", "R 1 allow read", "R 3 eacces read", "R 4 allow socket 0:eq:1", "R 6 allow socket 0:eq:2", "R 0 enosys clone3", ""].join("\n"),
    );
  });

  it("keeps line breaks out of the name line", () => {
    const p: SeccompProgram = { file: "evil\n@@ /tmp/x", mode: "complain", rules: [] };
    expect(serializeForCompiler(p)).toBe("F evil @@ /tmp/x\nM complain\nR 0 enosys clone3\n");
  });
});
