// Helpers for the seccomp tests: building the compiler, running a command
// under a compiled filter with bubblewrap, and evaluating a filter in a small
// classic-BPF interpreter (for architectures this machine cannot run).
import { execFileSync, spawn } from "node:child_process";
import { closeSync, openSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");

/** Builds native/build/seccomp-compile if it is missing or stale (the build is incremental). */
export function buildCompiler(): void {
  if (process.env["PLUGBOARD_SECCOMP_COMPILER"]) return;
  execFileSync(process.execPath, [path.join(REPO_ROOT, "scripts/build-native.mjs")], { cwd: REPO_ROOT, stdio: "inherit" });
}

export interface Confined {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs argv under bwrap with the filter file passed on fd 3 (`--seccomp 3`). */
export async function runConfined(filter: string, argv: readonly string[], stdin = ""): Promise<Confined> {
  const fd = openSync(filter, "r");
  try {
    const bwrapArgs = ["--ro-bind", "/", "/", "--dev", "/dev", "--proc", "/proc", "--tmpfs", "/tmp", "--seccomp", "3", "--", ...argv];
    const child = spawn("bwrap", bwrapArgs, { stdio: ["pipe", "pipe", "pipe", fd], env: { PATH: "/usr/bin:/bin", LANG: "C.UTF-8", HOME: "/tmp" } });
    if (!child.stdin || !child.stdout || !child.stderr) throw new Error("bwrap was started without pipes");
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    child.stdin.end(stdin);
    const code = await new Promise<number | null>((resolve, reject) => {
      const timer = setTimeout(() => child.kill("SIGKILL"), 30_000);
      child.on("error", reject);
      child.on("close", (c) => {
        clearTimeout(timer);
        resolve(c);
      });
    });
    return { code, stdout, stderr };
  } finally {
    closeSync(fd);
  }
}

export const AUDIT_ARCH = { x86_64: 0xc000003e, x86: 0x40000003, aarch64: 0xc00000b7 } as const;

export interface SeccompData {
  readonly arch: number;
  readonly nr: number;
  readonly args?: readonly bigint[];
}

/**
 * Runs a classic BPF seccomp program the way the kernel does and returns
 * the verdict: "ALLOW", "LOG", "ERRNO(n)", "KILL_THREAD", "KILL_PROCESS",
 * "TRACE(n)" or "TRAP".
 */
export function evalFilter(file: string, data: SeccompData): string {
  const buf = readFileSync(file);
  if (buf.length === 0 || buf.length % 8) throw new Error(`${file}: ${buf.length} bytes is not a BPF program`);
  const insns = Array.from({ length: buf.length / 8 }, (_, i) => ({
    code: buf.readUInt16LE(i * 8),
    jt: buf.readUInt8(i * 8 + 2),
    jf: buf.readUInt8(i * 8 + 3),
    k: buf.readUInt32LE(i * 8 + 4),
  }));
  const mem = Buffer.alloc(64);
  mem.writeUInt32LE(data.nr >>> 0, 0);
  mem.writeUInt32LE(data.arch >>> 0, 4);
  (data.args ?? []).forEach((a, i) => mem.writeBigUInt64LE(BigInt.asUintN(64, a), 16 + 8 * i));
  const scratch = new Uint32Array(16);
  let A = 0;
  let X = 0;
  for (let pc = 0; pc < insns.length; pc++) {
    const { code, jt, jf, k } = insns[pc]!;
    const cls = code & 0x07;
    const src = code & 0x08 ? X : k;
    switch (cls) {
      case 0x00: // LD
        if (code === 0x20) {
          if (k % 4 || k > 60) throw new Error(`bad load offset ${k}`);
          A = mem.readUInt32LE(k);
        } else if (code === 0x00) A = k;
        else if (code === 0x60) A = scratch[k]!;
        else throw new Error(`unsupported LD 0x${code.toString(16)}`);
        break;
      case 0x01: // LDX
        if (code === 0x01) X = k;
        else if (code === 0x61) X = scratch[k]!;
        else throw new Error(`unsupported LDX 0x${code.toString(16)}`);
        break;
      case 0x02:
        scratch[k] = A;
        break;
      case 0x03:
        scratch[k] = X;
        break;
      case 0x04: {
        const op = code & 0xf0;
        const ops: Record<number, () => number> = {
          0x00: () => A + src,
          0x10: () => A - src,
          0x20: () => Math.imul(A, src),
          0x40: () => A | src,
          0x50: () => A & src,
          0x60: () => A << src,
          0x70: () => A >>> src,
          0x80: () => -A,
          0xa0: () => A ^ src,
        };
        const f = ops[op];
        if (!f) throw new Error(`unsupported ALU 0x${code.toString(16)}`);
        A = f() >>> 0;
        break;
      }
      case 0x05: {
        const op = code & 0xf0;
        if (op === 0x00) {
          pc += k;
          break;
        }
        const a = A >>> 0;
        const b = src >>> 0;
        const taken = op === 0x10 ? a === b : op === 0x20 ? a > b : op === 0x30 ? a >= b : op === 0x40 ? (a & b) !== 0 : undefined;
        if (taken === undefined) throw new Error(`unsupported JMP 0x${code.toString(16)}`);
        pc += taken ? jt : jf;
        break;
      }
      case 0x06:
        return verdict(code & 0x10 ? A : k);
      case 0x07:
        if (code === 0x07) X = A;
        else if (code === 0x87) A = X;
        else throw new Error(`unsupported MISC 0x${code.toString(16)}`);
        break;
    }
  }
  throw new Error("program ran off its end");
}

function verdict(ret: number): string {
  const action = (ret & 0xffff0000) >>> 0;
  const data = ret & 0xffff;
  switch (action) {
    case 0x7fff0000:
      return "ALLOW";
    case 0x7ffc0000:
      return "LOG";
    case 0x00050000:
      return `ERRNO(${data})`;
    case 0x7ff00000:
      return `TRACE(${data})`;
    case 0x00030000:
      return "TRAP";
    case 0x80000000:
      return "KILL_PROCESS";
    case 0x00000000:
      return "KILL_THREAD";
    default:
      return `0x${ret.toString(16)}`;
  }
}
