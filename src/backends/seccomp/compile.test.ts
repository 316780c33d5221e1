import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { build } from "esbuild";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SystemToolError, ValidationError } from "../../errors/index.js";
import { compileSeccompBatch, seccompCompilerPath } from "../../system/seccomp.js";
import { AUDIT_ARCH, buildCompiler, evalFilter, REPO_ROOT } from "./test-support.js";
import { DEFAULT_SECCOMP_TEMPLATE, parseSeccompSource } from "./index.js";

const dir = mkdtempSync(path.join(tmpdir(), "plugboard-seccomp-compile-"));
beforeAll(buildCompiler);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let n = 0;
/** Compiles `text` (a whole source file) and returns the filter's path. */
async function compile(text: string): Promise<string> {
  const output = path.join(dir, `p${n++}.bin`);
  await compileSeccompBatch([{ source: parseSeccompSource(text, "t.src"), output }]);
  return output;
}
const withTemplate = (extra: string) => `${DEFAULT_SECCOMP_TEMPLATE}\n${extra}\n`;
const compileError = async (items: Parameters<typeof compileSeccompBatch>[0]): Promise<SystemToolError> => {
  const e = await compileSeccompBatch(items).then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(SystemToolError);
  return e as SystemToolError;
};
const leftovers = (d: string) => readdirSync(d).filter((f) => f.endsWith(".tmp"));

describe("compileSeccompBatch with the real compiler", () => {
  it("finds the compiler under the package root", () => {
    expect(seccompCompilerPath()).toBe(process.env["PLUGBOARD_SECCOMP_COMPILER"] || path.join(REPO_ROOT, "native/build/seccomp-compile"));
  });

  it("compiles the default template to a loadable size", async () => {
    const out = await compile(DEFAULT_SECCOMP_TEMPLATE);
    const size = statSync(out).size;
    expect(size % 8).toBe(0);
    expect(size / 8).toBeGreaterThan(100);
    expect(size / 8).toBeLessThanOrEqual(4096);
    expect(leftovers(dir)).toEqual([]);
  });

  it("compiles a batch, each program to its own file", async () => {
    const sub = path.join(dir, "batch", "nested");
    const items = Array.from({ length: 20 }, (_, i) => ({
      source: parseSeccompSource(withTemplate(i % 2 ? "socket AF_INET" : "~socket AF_INET"), `snap.s${i}.app.src`),
      output: path.join(sub, `snap.s${i}.app.bin`),
    }));
    await compileSeccompBatch(items);
    expect(readdirSync(sub).sort()).toEqual(items.map((i) => path.basename(i.output)).sort());
    const inet = (i: number) => evalFilter(items[i]!.output, { arch: AUDIT_ARCH.x86_64, nr: 41, args: [2n] });
    if (process.arch === "x64") {
      expect(inet(1)).toBe("ALLOW");
      expect(inet(2)).toBe("ERRNO(13)");
    }
  });

  it("reports an unknown system call with file and line, and changes nothing", async () => {
    const good = path.join(dir, "good.bin");
    const bad = path.join(dir, "bad.bin");
    writeFileSync(good, "old filter");
    const e = await compileError([
      { source: parseSeccompSource("read\n", "snap.a.app.src"), output: good },
      { source: parseSeccompSource("read\n\nfrobnicate_me\n", "snap.b.app.src"), output: bad },
    ]);
    expect(e.message).toMatch(/seccomp-compile exited with 1: snap\.b\.app\.src:3: unknown system call "frobnicate_me"/);
    expect(e.stderr).toContain('snap.b.app.src:3: unknown system call "frobnicate_me"');
    expect(readFileSync(good, "utf8")).toBe("old filter");
    expect(existsSync(bad)).toBe(false);
    expect(leftovers(dir)).toEqual([]);
  });

  it("accepts names that exist on only some architectures", async () => {
    // socketcall is x86-only, set_tls arm-only, newfstatat 64-bit only.
    await expect(compile("socketcall\nset_tls\nnewfstatat\n_llseek\n")).resolves.toBeTruthy();
  });

  it("refuses the same output twice in a batch, and line breaks in paths", async () => {
    const out = path.join(dir, "twice.bin");
    const src = parseSeccompSource("read", "t.src");
    await expect(
      compileSeccompBatch([
        { source: src, output: out },
        { source: src, output: path.join(dir, ".", "twice.bin") },
      ]),
    ).rejects.toThrow(ValidationError);
    await expect(compileSeccompBatch([{ source: src, output: path.join(dir, "a\nb.bin") }])).rejects.toThrow(/contains a line break/);
    expect(existsSync(out)).toBe(false);
  });

  it("says how to build the compiler when it is missing", async () => {
    const missing = path.join(dir, "no-such-compiler");
    const err = compileSeccompBatch([{ source: parseSeccompSource("read", "t.src"), output: path.join(dir, "x.bin") }], { compiler: missing });
    await expect(err).rejects.toBeInstanceOf(SystemToolError);
    await expect(err).rejects.toThrow(/no-such-compiler has not been built: run `npm run build`/);
    expect(existsSync(path.join(dir, "x.bin"))).toBe(false);
  });

  it("tells a compiler that cannot be executed from a missing one", async () => {
    const notExec = path.join(dir, "not-executable");
    writeFileSync(notExec, "#!/bin/sh\n", { mode: 0o644 });
    const err = compileSeccompBatch([{ source: parseSeccompSource("read", "t.src"), output: path.join(dir, "x.bin") }], { compiler: notExec });
    await expect(err).rejects.toThrow(/not-executable cannot be executed: give it the execute permission, or move the package off a filesystem mounted noexec/);
    expect(existsSync(path.join(dir, "x.bin"))).toBe(false);
  });

  it("honours PLUGBOARD_SECCOMP_COMPILER", async () => {
    const saved = process.env["PLUGBOARD_SECCOMP_COMPILER"];
    process.env["PLUGBOARD_SECCOMP_COMPILER"] = path.join(dir, "elsewhere");
    try {
      expect(seccompCompilerPath()).toBe(path.join(dir, "elsewhere"));
      await expect(compile("read")).rejects.toThrow(/elsewhere has not been built/);
    } finally {
      if (saved === undefined) delete process.env["PLUGBOARD_SECCOMP_COMPILER"];
      else process.env["PLUGBOARD_SECCOMP_COMPILER"] = saved;
    }
  });

  it("finds the package root from a bundle, as in dist/", async () => {
    const entry = path.join(REPO_ROOT, "src/system/seccomp.ts");
    const inRepo = path.join(REPO_ROOT, "native/build", `.bundle-test-${process.pid}`);
    const outside = path.join(dir, "bundle");
    try {
      for (const outdir of [inRepo, outside]) {
        await build({
          entryPoints: { seccomp: entry },
          outdir,
          bundle: true,
          format: "esm",
          platform: "node",
          logLevel: "silent",
          banner: { js: 'import { createRequire as __cr } from "node:module"; const require = __cr(import.meta.url);' },
        });
      }
      const saved = process.env["PLUGBOARD_SECCOMP_COMPILER"];
      delete process.env["PLUGBOARD_SECCOMP_COMPILER"];
      try {
        const a = (await import(pathToFileURL(path.join(inRepo, "seccomp.js")).href)) as { seccompCompilerPath(): string };
        expect(a.seccompCompilerPath()).toBe(path.join(REPO_ROOT, "native/build/seccomp-compile"));
        const b = (await import(pathToFileURL(path.join(outside, "seccomp.js")).href)) as { seccompCompilerPath(): string };
        expect(() => b.seccompCompilerPath()).toThrow(/cannot find Plugboard's package root/);
      } finally {
        if (saved !== undefined) process.env["PLUGBOARD_SECCOMP_COMPILER"] = saved;
      }
    } finally {
      rmSync(inRepo, { recursive: true, force: true });
    }
  });

  it("compiles 100 programs of about 300 rules in one batch quickly", async () => {
    const sub = path.join(dir, "hundred");
    mkdirSync(sub);
    const items = Array.from({ length: 100 }, (_, i) => ({
      source: parseSeccompSource(withTemplate(`socket AF_INET\nsocket AF_NETLINK - ${i % 20}`), `snap.s${i}.app.src`),
      output: path.join(sub, `snap.s${i}.app.bin`),
    }));
    expect(items[0]!.source.rules.length).toBeGreaterThanOrEqual(300);
    const t0 = performance.now();
    await compileSeccompBatch(items);
    const ms = performance.now() - t0;
    expect(readdirSync(sub)).toHaveLength(100);
    // A few hundred ms on a 2-core machine; the bound only catches a pathology.
    expect(ms).toBeLessThan(20_000);
  });
});

describe("the compiler's input format", () => {
  const run = (input: string) => spawnSync(seccompCompilerPath(), [], { input, encoding: "utf8" });

  it.each<[string, number, RegExp]>([
    ["R 1 allow read\n", 2, /^stdin:1: expected "@@ OUTPUT-PATH" first/],
    ["@@ OUT\nX y\n", 2, /^stdin:2: unknown directive: X y/],
    ["@@ OUT\nM strict\n", 2, /^stdin:2: unknown directive: M strict/],
    ["@@ OUT\nR 1 permit read\n", 2, /^stdin:2: unknown action: permit/],
    ["@@ OUT\nR 1 allow Read\n", 2, /^stdin:2: bad system call name: Read/],
    ["@@ OUT\nR x allow read\n", 2, /^stdin:2: rule needs LINE ACTION SYSCALL/],
    ["@@ OUT\nR 1 allow read 6:eq:1\n", 2, /^stdin:2: bad comparison/],
    ["@@ OUT\nR 1 allow read 0:xx:1\n", 2, /^stdin:2: unknown comparison operator: xx/],
    ["@@ OUT\nR 1 allow read 0:eq:18446744073709551616\n", 2, /^stdin:2: bad comparison value/],
    ["@@ OUT\nR 1 allow read 0:me:1\n", 2, /^stdin:2: bad masked comparison/],
    ["@@ OUT\nR 1 allow read 0:eq:1 0:eq:1 0:eq:1 0:eq:1 0:eq:1 0:eq:1 0:eq:1\n", 2, /^stdin:2: more than 6 comparisons/],
    ["@@ \n", 2, /^stdin:1: empty output path/],
    ["@@ OUT\nF n.src\nR 7 allow no_such_call\n", 1, /^n\.src:7: unknown system call "no_such_call"/],
    ["@@ OUT\nF n.src\nR 7 allow read\n@@ OUT\nR 1 allow write\n", 3, /OUT: cannot create: File exists/],
  ])("%j exits %i", (input, code, message) => {
    const out = path.join(dir, `fmt-${n++}.bin`);
    const r = run(input.replaceAll("OUT", out));
    expect(r.stderr.replaceAll(out, "OUT")).toMatch(message);
    expect(r.status).toBe(code);
  });

  it("writes nothing for empty input", () => {
    const r = run("");
    expect(r.status).toBe(0);
  });
});

// Evaluates compiled filters for both architectures of an x86_64 filter.
describe.runIf(process.arch === "x64")("what the filter decides (x86_64 and its x86 compat part)", () => {
  const X64 = AUDIT_ARCH.x86_64;
  const X86 = AUDIT_ARCH.x86;
  /** -1 as a C program passes a uid_t (zero-extended) and as Go passes it (sign-extended). */
  const U32_NEG1 = 0xffffffffn;
  const U64_NEG1 = (1n << 64n) - 1n;
  const NR = {
    x64: {
      read: 0, mmap: 9, ioctl: 16, socket: 41, clone: 56, personality: 135, mount: 165, unshare: 272, clone3: 435,
      chown: 92, fchown: 93, lchown: 94, fchownat: 260, setpriority: 141, sched_setparam: 142, sched_setscheduler: 144,
      sched_setaffinity: 203, sched_setattr: 314, ioprio_set: 251, ioprio_get: 252, pidfd_open: 434, pidfd_send_signal: 424,
      connect: 42, accept: 43, bind: 49, listen: 50, accept4: 288,
    },
    x86: { read: 3, ioctl: 54, socketcall: 102, clone: 120, mount: 21, socket: 359, clone3: 435, socketpair: 360, setpriority: 97, fchown32: 207, chown32: 212, lchown32: 198 },
  };
  let tpl = "";
  beforeAll(async () => {
    tpl = await compile(DEFAULT_SECCOMP_TEMPLATE);
  });

  it.each<[string, string, number, number, bigint[]]>([
    ["read", "ALLOW", X64, NR.x64.read, []],
    ["socket(AF_UNIX)", "ALLOW", X64, NR.x64.socket, [1n, 1n]],
    ["socket(AF_INET)", "ERRNO(1)", X64, NR.x64.socket, [2n, 1n]],
    ["socket(AF_NETLINK)", "ERRNO(1)", X64, NR.x64.socket, [16n, 3n]],
    ["socket(AF_UNIX | 1<<32) is not AF_UNIX", "ERRNO(1)", X64, NR.x64.socket, [(1n << 32n) | 1n]],
    ["ioctl(TCGETS)", "ALLOW", X64, NR.x64.ioctl, [0n, 0x5401n]],
    ["ioctl(TIOCSTI)", "ERRNO(13)", X64, NR.x64.ioctl, [0n, 0x5412n]],
    ["ioctl(TIOCSTI | 1<<32)", "ERRNO(13)", X64, NR.x64.ioctl, [0n, (1n << 32n) | 0x5412n]],
    ["ioctl(TIOCLINUX)", "ERRNO(13)", X64, NR.x64.ioctl, [0n, 0x541cn]],
    ["clone3", "ERRNO(38)", X64, NR.x64.clone3, []],
    ["clone(fork flags)", "ALLOW", X64, NR.x64.clone, [0x1200011n]],
    ["clone(thread flags)", "ALLOW", X64, NR.x64.clone, [0x3d0f00n]],
    ["clone(CLONE_NEWUSER)", "ERRNO(1)", X64, NR.x64.clone, [0x10000011n]],
    ["unshare(CLONE_FILES)", "ERRNO(1)", X64, NR.x64.unshare, [0x400n]],
    ["unshare(CLONE_NEWUTS)", "ERRNO(1)", X64, NR.x64.unshare, [0x4000000n]],
    ["unshare(CLONE_NEWNS)", "ERRNO(1)", X64, NR.x64.unshare, [0x20000n]],
    ["unshare(CLONE_NEWUSER)", "ERRNO(1)", X64, NR.x64.unshare, [0x10000000n]],
    ["personality(query)", "ALLOW", X64, NR.x64.personality, [0xffffffffn]],
    ["personality(ADDR_NO_RANDOMIZE)", "ERRNO(1)", X64, NR.x64.personality, [0x40000n]],
    ["mount", "ERRNO(1)", X64, NR.x64.mount, []],
    // Ownership moves only to root; -1 ("leave it") may come zero- or sign-extended.
    ["fchown(fd, 0, 0)", "ALLOW", X64, NR.x64.fchown, [3n, 0n, 0n]],
    ["fchown(fd, 0, -1 zero-extended)", "ALLOW", X64, NR.x64.fchown, [3n, 0n, U32_NEG1]],
    ["fchown(fd, -1 sign-extended, 0)", "ALLOW", X64, NR.x64.fchown, [3n, U64_NEG1, 0n]],
    ["fchown(fd, 1000, 1000)", "ERRNO(1)", X64, NR.x64.fchown, [3n, 1000n, 1000n]],
    ["fchown(fd, 1000, -1)", "ERRNO(1)", X64, NR.x64.fchown, [3n, 1000n, U32_NEG1]],
    ["fchown(fd, -1, 1000)", "ERRNO(1)", X64, NR.x64.fchown, [3n, U64_NEG1, 1000n]],
    ["fchown(fd, 0, 1000)", "ERRNO(1)", X64, NR.x64.fchown, [3n, 0n, 1000n]],
    ["fchown(fd, -1, -1)", "ERRNO(1)", X64, NR.x64.fchown, [3n, U32_NEG1, U32_NEG1]],
    ["chown(path, 0, 0)", "ALLOW", X64, NR.x64.chown, [0n, 0n, 0n]],
    ["chown(path, 1000, 0)", "ERRNO(1)", X64, NR.x64.chown, [0n, 1000n, 0n]],
    ["lchown(path, -1, 0)", "ALLOW", X64, NR.x64.lchown, [0n, U32_NEG1, 0n]],
    ["lchown(path, 0, 1000)", "ERRNO(1)", X64, NR.x64.lchown, [0n, 0n, 1000n]],
    ["fchownat(dirfd, path, 0, -1, 0)", "ALLOW", X64, NR.x64.fchownat, [3n, 0n, 0n, U64_NEG1, 0n]],
    ["fchownat(dirfd, path, 1000, 1000, 0)", "ERRNO(1)", X64, NR.x64.fchownat, [3n, 0n, 1000n, 1000n, 0n]],
    // Renicing: itself only, to 0..19.
    ["setpriority(PRIO_PROCESS, 0, 19)", "ALLOW", X64, NR.x64.setpriority, [0n, 0n, 19n]],
    ["setpriority(PRIO_PROCESS, 0, 0)", "ALLOW", X64, NR.x64.setpriority, [0n, 0n, 0n]],
    ["setpriority(PRIO_PROCESS, 0, 20)", "ERRNO(1)", X64, NR.x64.setpriority, [0n, 0n, 20n]],
    ["setpriority(PRIO_PROCESS, 0, -5 sign-extended)", "ERRNO(1)", X64, NR.x64.setpriority, [0n, 0n, BigInt.asUintN(64, -5n)]],
    ["setpriority(PRIO_PROCESS, 0, -5 zero-extended)", "ERRNO(1)", X64, NR.x64.setpriority, [0n, 0n, BigInt.asUintN(32, -5n)]],
    ["setpriority(PRIO_PROCESS, 1234, 10)", "ERRNO(1)", X64, NR.x64.setpriority, [0n, 1234n, 10n]],
    ["setpriority(PRIO_PGRP, 0, 10)", "ERRNO(1)", X64, NR.x64.setpriority, [1n, 0n, 10n]],
    ["setpriority(PRIO_USER, 0, 10)", "ERRNO(1)", X64, NR.x64.setpriority, [2n, 0n, 10n]],
    // Scheduling: its own process (pid 0), except sched_setscheduler; no sched_setattr.
    ["sched_setaffinity(0)", "ALLOW", X64, NR.x64.sched_setaffinity, [0n, 8n, 0n]],
    ["sched_setaffinity(1234)", "ERRNO(1)", X64, NR.x64.sched_setaffinity, [1234n, 8n, 0n]],
    ["sched_setparam(0)", "ALLOW", X64, NR.x64.sched_setparam, [0n, 0n]],
    ["sched_setparam(1234)", "ERRNO(1)", X64, NR.x64.sched_setparam, [1234n, 0n]],
    ["sched_setscheduler(1234)", "ALLOW", X64, NR.x64.sched_setscheduler, [1234n, 0n, 0n]],
    ["sched_setattr(0)", "ERRNO(1)", X64, NR.x64.sched_setattr, [0n, 0n, 0n]],
    ["ioprio_get", "ALLOW", X64, NR.x64.ioprio_get, [1n, 0n]],
    ["ioprio_set(IOPRIO_WHO_PROCESS, 0)", "ERRNO(1)", X64, NR.x64.ioprio_set, [1n, 0n, 0n]],
    ["pidfd_open", "ERRNO(1)", X64, NR.x64.pidfd_open, [1n, 0n]],
    ["pidfd_send_signal", "ERRNO(1)", X64, NR.x64.pidfd_send_signal, [3n, 15n, 0n, 0n]],
    // A client, not a server: serving is network-bind's.
    ["connect", "ALLOW", X64, NR.x64.connect, [3n, 0n, 0n]],
    ["bind", "ERRNO(1)", X64, NR.x64.bind, [3n, 0n, 0n]],
    ["listen", "ERRNO(1)", X64, NR.x64.listen, [3n, 0n]],
    ["accept", "ERRNO(1)", X64, NR.x64.accept, [3n, 0n, 0n]],
    ["accept4", "ERRNO(1)", X64, NR.x64.accept4, [3n, 0n, 0n, 0n]],
    ["an x32 system call", "ERRNO(1)", X64, 0x40000000 | NR.x64.read, []],
    ["an unknown architecture", "ERRNO(1)", AUDIT_ARCH.aarch64, 63, []],
    ["x86 read", "ALLOW", X86, NR.x86.read, []],
    ["x86 mount", "ERRNO(1)", X86, NR.x86.mount, []],
    ["x86 ioctl(TIOCSTI)", "ERRNO(13)", X86, NR.x86.ioctl, [0n, 0x5412n]],
    ["x86 ioctl(TCGETS)", "ALLOW", X86, NR.x86.ioctl, [0n, 0x5401n]],
    ["x86 clone3", "ERRNO(38)", X86, NR.x86.clone3, []],
    ["x86 clone(CLONE_NEWUSER)", "ERRNO(1)", X86, NR.x86.clone, [0x10000011n]],
    ["x86 clone(fork flags)", "ALLOW", X86, NR.x86.clone, [0x1200011n]],
    ["x86 fchown32(fd, 0, -1)", "ALLOW", X86, NR.x86.fchown32, [3n, 0n, U32_NEG1]],
    ["x86 fchown32(fd, 1000, 0)", "ERRNO(1)", X86, NR.x86.fchown32, [3n, 1000n, 0n]],
    ["x86 chown32(path, -1, 0)", "ALLOW", X86, NR.x86.chown32, [0n, U32_NEG1, 0n]],
    ["x86 lchown32(path, 0, 1000)", "ERRNO(1)", X86, NR.x86.lchown32, [0n, 0n, 1000n]],
    ["x86 setpriority(PRIO_PROCESS, 0, 5)", "ALLOW", X86, NR.x86.setpriority, [0n, 0n, 5n]],
    ["x86 setpriority(PRIO_PROCESS, 0, -5)", "ERRNO(1)", X86, NR.x86.setpriority, [0n, 0n, BigInt.asUintN(32, -5n)]],
    // Argument-filtered socket rules are left out of the 32-bit part:
    // socketcall hides its arguments, so neither path is opened there.
    ["x86 socket(AF_UNIX), direct", "ERRNO(1)", X86, NR.x86.socket, [1n, 1n]],
    ["x86 socketcall(SYS_SOCKET)", "ERRNO(1)", X86, NR.x86.socketcall, [1n, 0x1000n]],
    ["x86 socketpair(AF_UNIX), direct", "ERRNO(1)", X86, NR.x86.socketpair, [1n, 1n]],
  ])("default template: %s → %s", (_name, expected, arch, nr, args) => {
    expect(evalFilter(tpl, { arch, nr, args })).toBe(expected);
  });

  it("lets a denial win over any allowance, on both architectures", async () => {
    const f = await compile("ioctl\nsocket\n~ioctl - TIOCSTI\n~socket AF_NETLINK\n");
    expect(evalFilter(f, { arch: X64, nr: NR.x64.ioctl, args: [0n, 0x5412n] })).toBe("ERRNO(13)");
    expect(evalFilter(f, { arch: X64, nr: NR.x64.ioctl, args: [0n, 0x5413n] })).toBe("ALLOW");
    expect(evalFilter(f, { arch: X64, nr: NR.x64.socket, args: [16n] })).toBe("ERRNO(13)");
    expect(evalFilter(f, { arch: X64, nr: NR.x64.socket, args: [2n] })).toBe("ALLOW");
    expect(evalFilter(f, { arch: X86, nr: NR.x86.ioctl, args: [0n, 0x5412n] })).toBe("ERRNO(13)");
    expect(evalFilter(f, { arch: X86, nr: NR.x86.socket, args: [16n] })).toBe("ERRNO(13)");
    expect(evalFilter(f, { arch: X86, nr: NR.x86.socket, args: [2n] })).toBe("ALLOW");
    // socketcall cannot show the family, so the denial takes it whole.
    expect(evalFilter(f, { arch: X86, nr: NR.x86.socketcall, args: [1n, 0x1000n] })).toBe("ERRNO(13)");
  });

  it("an unconditional socket rule allows socketcall on x86 too", async () => {
    const f = await compile("socket\n");
    expect(evalFilter(f, { arch: X86, nr: NR.x86.socketcall, args: [1n, 0x1000n] })).toBe("ALLOW");
    expect(evalFilter(f, { arch: X86, nr: NR.x86.socket, args: [16n] })).toBe("ALLOW");
  });

  it("evaluates 64-bit operands on the 32-bit architecture instead of truncating them", async () => {
    // mmap2 (x86 192) takes 32-bit arguments: ">= 2^32" can never hold, "< 2^32" always does.
    const f = await compile("mmap2 >=0x100000000\nmmap2 - <0x100000001\nmmap >=0x100000000\nmunmap |0x100000001\n");
    expect(evalFilter(f, { arch: X86, nr: 192, args: [5n, 0n] })).toBe("ALLOW");
    const g = await compile("mmap2 >=0x100000000\n");
    expect(evalFilter(g, { arch: X86, nr: 192, args: [0n] })).toBe("ERRNO(1)");
    expect(evalFilter(g, { arch: X86, nr: 192, args: [0xffffffffn] })).toBe("ERRNO(1)");
    expect(evalFilter(f, { arch: X64, nr: NR.x64.mmap, args: [1n << 32n] })).toBe("ALLOW");
    expect(evalFilter(f, { arch: X64, nr: NR.x64.mmap, args: [5n] })).toBe("ERRNO(1)");
    // munmap (x86 91, x86_64 11) with a mask whose high bit cannot be set on x86.
    expect(evalFilter(f, { arch: X86, nr: 91, args: [1n] })).toBe("ERRNO(1)");
    expect(evalFilter(f, { arch: X64, nr: 11, args: [(1n << 32n) | 1n] })).toBe("ALLOW");
    expect(evalFilter(f, { arch: X64, nr: 11, args: [1n] })).toBe("ERRNO(1)");
  });

  it("@complain logs instead of refusing, but explicit denials still deny", async () => {
    const f = await compile("@complain\nread\n~socket AF_INET6\n");
    expect(evalFilter(f, { arch: X64, nr: NR.x64.read })).toBe("ALLOW");
    expect(evalFilter(f, { arch: X64, nr: NR.x64.mount })).toBe("LOG");
    expect(evalFilter(f, { arch: X64, nr: NR.x64.socket, args: [2n] })).toBe("LOG");
    expect(evalFilter(f, { arch: X64, nr: NR.x64.socket, args: [10n] })).toBe("ERRNO(13)");
    expect(evalFilter(f, { arch: X64, nr: NR.x64.clone3 })).toBe("ERRNO(38)");
    expect(evalFilter(f, { arch: X86, nr: NR.x86.mount })).toBe("LOG");
  });

  it("@unrestricted allows everything, denials and clone3 included", async () => {
    const f = await compile(withTemplate("@unrestricted\n"));
    for (const [arch, nr, args] of [
      [X64, NR.x64.mount, []],
      [X64, NR.x64.ioctl, [0n, 0x5412n]],
      [X64, NR.x64.clone3, []],
      [X86, NR.x86.socketcall, [1n]],
    ] as const) {
      expect(evalFilter(f, { arch, nr, args: [...args] })).toBe("ALLOW");
    }
  });
});
