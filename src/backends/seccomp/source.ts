// The seccomp source language (one file per security tag) and the line
// format handed to the native compiler (native/seccomp-compile.c).
//
// Source syntax, one rule per line:
//
//   SYSCALL [ARG0 … ARG5]     allow the call when every argument matches
//   ~SYSCALL [ARG0 … ARG5]    deny it with EACCES; denials win over allowances
//   @complain                 log what is not allowed instead of refusing it
//                             (explicit ~ denials still deny)
//   @unrestricted             allow everything (the rules are still checked)
//   # comment                 from "#" to the end of the line
//
// An argument is "-" (anything), or an operator followed by a value:
// "N" (equal), ">N", ">=N", "<N", "<=N", "!N" (not equal) or "|M" (every bit
// of M set: arg & M == M). A value is a number (decimal, 0x hex, 0 octal, up
// to 2^64-1), a symbolic constant (constants.ts), u:NAME / g:NAME, a user or
// group looked up in the passwd and group files under a root directory, or a
// negative decimal from -1 to -2^31, which stands for a 32-bit argument
// (an int, or the -1 that uid_t and gid_t use for "leave unchanged") and is
// read as its 32-bit two's complement (-1 is 0xffffffff).
//
// Ids and negative numbers are 32-bit quantities that callers put in 64-bit
// registers in different ways: the C library zero-extends the -1 of
// chown(path, -1, 0), Go sign-extends it to 0xffffffffffffffff. The kernel
// reads such arguments as 32 bits and ignores the rest, so when one of these
// values is tested for equality (no operator) only the low 32 bits of the
// argument are compared; otherwise a rule like "fchown - -1 g:root" would
// hold for some programs and not for others. A negative number may only be
// tested for equality: ordering a 32-bit value inside a 64-bit register
// means nothing.
//
// Whatever is not allowed fails with EPERM (unless @complain). Two rules are
// added implicitly, see serializeForCompiler: clone3 fails with ENOSYS unless
// a rule names it, and denials compare only the low 32 bits of a value that
// fits in 32 bits.
import { readFileSync } from "node:fs";
import path from "node:path";
import { ValidationError } from "../../errors/index.js";
import { SECCOMP_CONSTANTS } from "./constants.js";

export type SeccompMode = "enforce" | "complain" | "unrestricted";

/** eq ne gt ge lt le compare the argument with `value`; masked is `arg & value == value`. */
export type SeccompOp = "eq" | "ne" | "gt" | "ge" | "lt" | "le" | "masked";

export interface SeccompArg {
  readonly op: SeccompOp;
  readonly value: bigint;
  /** Compare only the low 32 bits (an equality test of an id or a negative number; see above). */
  readonly low32?: true;
}

export interface SeccompRule {
  /** 1-based line in the source file. */
  readonly line: number;
  readonly syscall: string;
  /** `~` rule: the call fails with EACCES, whatever else allows it. */
  readonly deny: boolean;
  /** One entry per argument position as written; null for "-". At most 6. */
  readonly args: readonly (SeccompArg | null)[];
}

export interface SeccompProgram {
  /** Name used in messages, usually the source file's path. */
  readonly file: string;
  /** enforce, or what @complain / @unrestricted ask for (@unrestricted wins). */
  readonly mode: SeccompMode;
  readonly rules: readonly SeccompRule[];
}

export interface ParseOptions {
  /** Root directory whose etc/passwd and etc/group resolve u:NAME and g:NAME (default "/"). */
  readonly root?: string;
}

const MAX_ARGS = 6;
const U64_MAX = (1n << 64n) - 1n;
const U32_MAX = 0xffffffffn;
const I32_MIN_MAGNITUDE = 1n << 31n;
const SYSCALL_NAME = /^[a-z0-9_]+$/;
const ACCOUNT_NAME = /^[A-Za-z0-9_][A-Za-z0-9_.-]*\$?$/;
const OPERATORS: readonly (readonly [string, SeccompOp])[] = [
  [">=", "ge"],
  ["<=", "le"],
  [">", "gt"],
  ["<", "lt"],
  ["!", "ne"],
  ["|", "masked"],
];

/** Parses one seccomp source file; every error names the file and line. */
export function parseSeccompSource(text: string, file: string, opts: ParseOptions = {}): SeccompProgram {
  const accounts = new AccountFiles(opts.root ?? "/");
  let complain = false;
  let unrestricted = false;
  const rules: SeccompRule[] = [];
  const lines = text.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const lineNo = i + 1;
    const fail = (msg: string): never => {
      throw new ValidationError(msg, { file: `${file}:${lineNo}` });
    };
    const raw = lines[i]!;
    const hash = raw.indexOf("#");
    const tokens = (hash >= 0 ? raw.slice(0, hash) : raw).split(/[ \t\r\f\v]+/).filter((t) => t !== "");
    const [head, ...args] = tokens;
    if (head === undefined) continue;

    if (head.startsWith("@")) {
      if (head === "@complain") complain = true;
      else if (head === "@unrestricted") unrestricted = true;
      else fail(`unknown directive ${JSON.stringify(head)} (expected @complain or @unrestricted)`);
      if (args.length) fail(`${head} takes no arguments`);
      continue;
    }

    const deny = head.startsWith("~");
    const syscall = deny ? head.slice(1) : head;
    if (!SYSCALL_NAME.test(syscall)) {
      fail(`invalid system call name ${JSON.stringify(syscall)} (lowercase letters, digits and underscores)`);
    }
    if (args.length > MAX_ARGS) fail(`${syscall} has ${args.length} arguments; a rule may check at most ${MAX_ARGS}`);
    rules.push({ line: lineNo, syscall, deny, args: args.map((tok, n) => parseArg(tok, n, accounts, fail)) });
  }
  return { file, mode: unrestricted ? "unrestricted" : complain ? "complain" : "enforce", rules };
}

function parseArg(tok: string, index: number, accounts: AccountFiles, fail: (msg: string) => never): SeccompArg | null {
  if (tok === "-") return null;
  let op: SeccompOp = "eq";
  let rest = tok;
  for (const [prefix, o] of OPERATORS) {
    if (tok.startsWith(prefix)) {
      op = o;
      rest = tok.slice(prefix.length);
      break;
    }
  }
  const where = `argument ${index + 1} (${JSON.stringify(tok)})`;
  if (rest === "") fail(`${where}: missing value`);
  const { value, width } = parseValue(rest, where, accounts, fail);
  if (width === "negative" && op !== "eq") fail(`${where}: a negative number can only be tested for equality (write it without an operator)`);
  return op === "eq" && width !== "full" ? { op, value, low32: true } : { op, value };
}

/** How a value was written: "full" compares all 64 bits; ids and negative numbers are 32-bit quantities. */
type ValueWidth = "full" | "id" | "negative";

function parseValue(s: string, where: string, accounts: AccountFiles, fail: (msg: string) => never): { value: bigint; width: ValueWidth } {
  if (s.startsWith("u:") || s.startsWith("g:")) {
    const kind = s.startsWith("u:") ? "user" : "group";
    const name = s.slice(2);
    if (!ACCOUNT_NAME.test(name)) fail(`${where}: invalid ${kind} name ${JSON.stringify(name)}`);
    const id = accounts.lookup(kind, name);
    if (id === undefined) fail(`${where}: unknown ${kind} ${JSON.stringify(name)} (not in ${accounts.fileOf(kind)})`);
    // uid_t and gid_t are 32 bits wide: a larger id in the file is nobody the kernel knows.
    if (id > U32_MAX) fail(`${where}: ${kind} ${JSON.stringify(name)} has id ${id}, which does not fit in 32 bits`);
    return { value: id, width: "id" };
  }
  if (/^-[1-9][0-9]*$/.test(s)) {
    const magnitude = BigInt(s.slice(1));
    if (magnitude > I32_MIN_MAGNITUDE) fail(`${where}: ${s} does not fit in 32 bits (the smallest is -${I32_MIN_MAGNITUDE})`);
    return { value: U32_MAX + 1n - magnitude, width: "negative" };
  }
  let v: bigint;
  if (/^0x[0-9a-f]+$/i.test(s)) {
    v = BigInt(s.toLowerCase());
  } else if (/^0[0-7]*$/.test(s)) {
    v = BigInt("0o" + (s.slice(1) || "0"));
  } else if (/^[1-9][0-9]*$/.test(s)) {
    v = BigInt(s);
  } else if (/^[A-Za-z_][A-Za-z0-9_]*$/.test(s)) {
    const c = SECCOMP_CONSTANTS.get(s);
    if (c === undefined) fail(`${where}: unknown constant ${JSON.stringify(s)}`);
    v = c;
  } else {
    return fail(`${where}: invalid number ${JSON.stringify(s)} (decimal, 0x hex, 0 octal, a negative decimal, a constant, u:USER or g:GROUP)`);
  }
  if (v > U64_MAX) fail(`${where}: ${s} does not fit in 64 bits`);
  return { value: v, width: "full" };
}

/** Reads <root>/etc/passwd and <root>/etc/group once, on first use. */
class AccountFiles {
  private readonly tables = new Map<"user" | "group", Map<string, bigint>>();
  constructor(private readonly root: string) {}

  fileOf(kind: "user" | "group"): string {
    return path.join(this.root, "etc", kind === "user" ? "passwd" : "group");
  }

  lookup(kind: "user" | "group", name: string): bigint | undefined {
    let t = this.tables.get(kind);
    if (!t) {
      t = readIds(this.fileOf(kind));
      this.tables.set(kind, t);
    }
    // root is uid and gid 0 by definition, even in a root without these files.
    return t.get(name) ?? (name === "root" ? 0n : undefined);
  }
}

/** name → id; passwd (name:pw:UID:…) and group (name:pw:GID:…) both keep it in the third field. */
function readIds(file: string): Map<string, bigint> {
  const ids = new Map<string, bigint>();
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return ids;
    throw e;
  }
  for (const line of text.split("\n")) {
    const parts = line.split(":");
    const name = parts[0];
    const id = parts[2];
    if (!name || id === undefined || !/^[0-9]+$/.test(id) || ids.has(name)) continue;
    ids.set(name, BigInt(id));
  }
  return ids;
}

const CMP_OP: Record<SeccompOp, string> = { eq: "eq", ne: "ne", gt: "gt", ge: "ge", lt: "lt", le: "le", masked: "me" };

/**
 * The program in the compiler's line format (see native/seccomp-compile.c),
 * without the leading "@@ OUTPUT-PATH" line that the caller adds:
 *
 *   F NAME                      source name for messages
 *   M enforce|complain|unrestricted
 *   R LINE ACTION SYSCALL CMP…  ACTION: allow | eacces | enosys;
 *                               CMP: ARG:OP:VALUE or ARG:me:MASK:VALUE
 *
 * Two implicit decisions are made here:
 * - clone3 passes its flags in memory, where seccomp cannot see them, so
 *   unless a rule names it, clone3 fails with ENOSYS (R 0 enosys clone3);
 *   the C library then falls back to clone, whose flags rules can check.
 * - The kernel reads many arguments (ioctl requests, socket families) as
 *   32-bit ints and ignores the upper half of the register. A denial of a
 *   value that fits in 32 bits therefore compares only the low 32 bits, so
 *   setting high bits cannot slip past it. (Allowances compare all 64 bits,
 *   which can only refuse more, except for the ids and negative numbers
 *   marked low32 by the parser, which are 32-bit by nature.)
 */
export function serializeForCompiler(p: SeccompProgram): string {
  const out = [`F ${p.file.replace(/[\r\n]/g, " ")}`, `M ${p.mode}`];
  const seen = new Set<string>();
  for (const r of p.rules) {
    const cmps: string[] = [];
    r.args.forEach((a, i) => {
      if (!a) return;
      if (a.op === "masked") cmps.push(`${i}:me:${a.value}:${a.value}`);
      else if (a.op === "eq" && (a.low32 || (r.deny && a.value <= U32_MAX))) cmps.push(`${i}:me:${U32_MAX}:${a.value}`);
      else cmps.push(`${i}:${CMP_OP[a.op]}:${a.value}`);
    });
    const body = [r.deny ? "eacces" : "allow", r.syscall, ...cmps].join(" ");
    if (seen.has(body)) continue;
    seen.add(body);
    out.push(`R ${r.line} ${body}`);
  }
  if (p.mode !== "unrestricted" && !p.rules.some((r) => r.syscall === "clone3")) out.push("R 0 enosys clone3");
  return out.join("\n") + "\n";
}
