import { promises as fs } from "node:fs";
import path from "node:path";
import { ValidationError } from "../errors/index.js";
import { readIfExists, writeFileAtomic } from "../files/index.js";
import type { Paths } from "../paths/index.js";
import { verifySignature } from "./crypto.js";
import { decodeAssertions, headerString, type Assertion } from "./format.js";
import { assertionTime, authorityProblem, describeAssertion, KNOWN_TYPES, parseTime, primaryKey, revisionOf, validateAssertion } from "./types.js";

export interface AddOptions {
  /** The time keys must be valid at when an assertion carries none; defaults to the clock. */
  now?: Date;
  /** Called for every assertion, after it verified and before anything is written; throw to refuse. */
  validate?: (a: Assertion) => void;
}

/** A stored assertion that lookups skip, and why. */
export interface IgnoredAssertion {
  readonly assertion: Assertion;
  readonly file: string;
  readonly reason: string;
}

/** The only series Plugboard looks declarations up in (snapd's, for every release). */
const SERIES = "16";

const TRUSTED_SUFFIX = ".account-key";
const STORED_SUFFIX = ".assert";

/**
 * Assertions Plugboard has accepted, and the root keys it trusts.
 *
 * Trust is two levels deep: a root account-key (placed in trustedDir by the
 * administrator, see trust()) signs assertions directly or signs account-keys,
 * and those account-keys sign assertions. A key signed by a non-root key can
 * be stored but never vouches for anything, so a leaked second-level key
 * cannot mint further keys.
 *
 * Some types may only be signed by a directly trusted authority, the account
 * of a root key (see signedBy in types.ts): a store can give a publisher a
 * key without letting it declare snaps. That rule depends on today's roots,
 * so open() applies it again to what is stored; an assertion that breaks it
 * (stored before the rule existed, or its root was since removed) stays on
 * disk, untouched, but no lookup returns it, ignored() lists it, and a valid
 * assertion with its primary key replaces it whatever the revisions.
 *
 * One primary key holds one assertion, its highest revision; where several
 * primary keys could answer a question (one snap name), a lookup refuses to
 * choose rather than guess.
 *
 * Each accepted assertion is one file, so a reader sees whole assertions; a
 * stream is verified completely before its first file is written.
 */
export class AssertionDatabase {
  /** Keyed by public-key-sha3-384. */
  private readonly roots: Map<string, Assertion>;
  /** Keyed by storeKey(); holds ignored assertions too, so a replacement knows what it overwrites. */
  private readonly stored: Map<string, Assertion>;
  /** storeKey() of stored assertions that lookups skip, with the reason. */
  private readonly ignoredKeys = new Map<string, string>();
  /** The accounts of the trusted root keys: the authorities some types require. */
  private readonly trustedAccounts: ReadonlySet<string>;
  /** add() calls run one after the other: each verifies against what the previous one stored. */
  private queue: Promise<unknown> = Promise.resolve();

  private constructor(
    private readonly paths: Paths,
    roots: Map<string, Assertion>,
    stored: Map<string, Assertion>,
  ) {
    this.roots = roots;
    this.stored = stored;
    this.trustedAccounts = new Set([...roots.values()].map((r) => headerString(r.headers, "account-id")!));
    for (const [key, a] of stored) {
      const problem = authorityProblem(a, this.trustedAccounts);
      if (problem !== undefined) this.ignoredKeys.set(key, problem);
    }
  }

  /**
   * Reads trusted keys and stored assertions. Signatures were verified when
   * they were added and are not checked again; who signed is (see the class).
   */
  static async open(paths: Paths): Promise<AssertionDatabase> {
    const roots = new Map<string, Assertion>();
    for (const file of await listFiles(paths.trustedDir, TRUSTED_SUFFIX)) {
      const a = await readSingle(file);
      if (a.type !== "account-key") throw new ValidationError(`holds a ${a.type} assertion; only account-keys can be trusted`, { file });
      roots.set(primaryKey(a)[0]!, a);
    }
    const stored = new Map<string, Assertion>();
    const base = assertionsDir(paths);
    for (const type of KNOWN_TYPES) {
      for (const file of await listFiles(path.join(base, type), STORED_SUFFIX)) {
        const a = await readSingle(file);
        // A file under the wrong name would hide from revision checks; refuse rather than guess.
        if (storedFile(paths, a) !== file) throw new ValidationError(`holds ${describeAssertion(a)}, which belongs in ${storedFile(paths, a)}`, { file });
        stored.set(storeKey(a), a);
      }
    }
    return new AssertionDatabase(paths, roots, stored);
  }

  /** The trusted root account-keys. */
  trustedKeys(): Assertion[] {
    return [...this.roots.values()];
  }

  /** Stored assertions whose authority may not speak for them under today's roots (see the class); lookups skip them. */
  ignored(): IgnoredAssertion[] {
    return [...this.ignoredKeys].map(([key, reason]) => {
      const assertion = this.stored.get(key)!;
      return { assertion, file: storedFile(this.paths, assertion), reason: `${describeAssertion(assertion)}: ${reason}` };
    });
  }

  /**
   * Verifies every assertion of the stream in order (a later one may rely on
   * an earlier one, e.g. an account-key and then a declaration it signed) and
   * stores them all, or none. Where the stream holds several revisions of one
   * assertion, the highest is taken, wherever it stands in the stream.
   */
  add(assertions: readonly Assertion[], opts: AddOptions = {}): Promise<{ added: Assertion[]; unchanged: Assertion[] }> {
    const run = this.queue.then(() => this.addNow(assertions, opts));
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async addNow(assertions: readonly Assertion[], opts: AddOptions): Promise<{ added: Assertion[]; unchanged: Assertion[] }> {
    const now = opts.now ?? new Date();
    // First every assertion verifies, and each primary key keeps its highest revision in the stream.
    const chosen = new Map<string, Assertion>();
    for (const a of assertions) {
      this.verify(a, chosen, now);
      const key = storeKey(a);
      const other = chosen.get(key);
      if (!other || compareRevisions(a, other) > 0) chosen.set(key, a);
      opts.validate?.(a);
    }
    // Then what the stream keeps is compared with what is stored.
    const winners = new Set(chosen.values());
    const pending = new Map<string, Assertion>();
    const added: Assertion[] = [];
    const unchanged: Assertion[] = [];
    for (const a of assertions) {
      if (!winners.has(a)) continue;
      const key = storeKey(a);
      const existing = this.usable(key) ?? this.rootFor(a);
      if (existing && !isNewer(a, existing)) {
        unchanged.push(a);
      } else {
        pending.set(key, a);
        added.push(a);
      }
    }
    this.checkNameClaims(pending);
    await this.write([...pending.values()]);
    for (const [key, a] of pending) {
      this.stored.set(key, a);
      this.ignoredKeys.delete(key);
    }
    return { added, unchanged };
  }

  /** Assertions of a type whose string headers equal the given values. Account-keys include the trusted roots; ignored assertions are left out. */
  find(type: string, match: Record<string, string> = {}): Assertion[] {
    const candidates = new Map<string, Assertion>();
    if (type === "account-key") for (const r of this.roots.values()) candidates.set(storeKey(r), r);
    for (const [key, a] of this.stored) if (a.type === type && !this.ignoredKeys.has(key)) candidates.set(key, a);
    return [...candidates.values()].filter((a) => Object.entries(match).every(([k, v]) => headerString(a.headers, k) === v));
  }

  /**
   * The snap-declaration naming a snap. Each snap-id holds its highest
   * revision already; should two snap-ids claim the name (a root trusted
   * later may bring its own), this refuses rather than pick one, since
   * nothing in the assertions says which is right.
   */
  snapDeclarationByName(snapName: string): Assertion | undefined {
    const claims = this.find("snap-declaration", { series: SERIES, "snap-name": snapName });
    if (claims.length > 1) {
      const who = claims.map((a) => `snap-id ${headerString(a.headers, "snap-id")} by ${headerString(a.headers, "authority-id")} (${storedFile(this.paths, a)})`);
      throw new ValidationError(
        `cannot choose a snap-declaration for ${JSON.stringify(snapName)}: ${claims.length} snap-ids claim the name: ${who.join(", ")}; remove the file of each one that is wrong`,
      );
    }
    return claims[0];
  }

  /**
   * Adds a root of trust: a self-signed account-key (it names itself as its
   * signing key and its own body verifies the signature). Replaces an earlier
   * copy of the same key: trusting is the administrator's explicit word.
   */
  static async trust(paths: Paths, accountKey: Assertion, opts: { now?: Date } = {}): Promise<void> {
    if (accountKey.type !== "account-key") throw new ValidationError(`only an account-key can be trusted, not a ${accountKey.type} assertion`);
    validateAssertion(accountKey);
    const where = describeAssertion(accountKey);
    const id = headerString(accountKey.headers, "public-key-sha3-384")!;
    const signer = headerString(accountKey.headers, "sign-key-sha3-384");
    if (signer !== id) throw new ValidationError(`${where}: cannot trust a key that is not self-signed (it is signed by key ${signer})`);
    if (!verifySignature(accountKey, accountKey.body)) throw new ValidationError(`${where}: signature does not verify with its own key`);
    const account = headerString(accountKey.headers, "account-id");
    if (headerString(accountKey.headers, "authority-id") !== account) {
      throw new ValidationError(`${where}: a root key must speak for its own account (authority-id is not ${account})`);
    }
    checkNotExpired(accountKey, opts.now ?? new Date());
    await writeFileAtomic(path.join(paths.trustedDir, id + TRUSTED_SUFFIX), accountKey.text + "\n");
  }

  // ─── verification ──────────────────────────────────────────────────────────

  /** Throws unless `a` is well formed and signed by a key that chains to a root and was valid at the time. */
  private verify(a: Assertion, pending: ReadonlyMap<string, Assertion>, now: Date): void {
    validateAssertion(a);
    const where = describeAssertion(a);
    const keyId = headerString(a.headers, "sign-key-sha3-384")!;
    const signer = this.roots.get(keyId) ?? this.accountKey(keyId, pending);
    if (!signer) throw new ValidationError(`${where}: no known account-key with id ${keyId}`);
    const signerAccount = headerString(signer.headers, "account-id");
    if (!this.roots.has(keyId)) {
      const grandSigner = headerString(signer.headers, "sign-key-sha3-384")!;
      if (!this.roots.has(grandSigner)) {
        throw new ValidationError(`${where}: key ${keyId} (${signerAccount}) is not signed by a trusted root key, so it cannot sign assertions`);
      }
    }
    const authority = headerString(a.headers, "authority-id");
    if (authority !== signerAccount) {
      throw new ValidationError(`${where}: authority-id ${authority} does not match the account of key ${keyId} (${signerAccount})`);
    }
    if (!verifySignature(a, signer.body)) {
      throw new ValidationError(`${where}: signature does not verify: the text was changed or signed by another key`);
    }
    const problem = authorityProblem(a, this.trustedAccounts);
    if (problem !== undefined) throw new ValidationError(`${where}: ${problem}`);
    checkNotExpired(signer, now, where);
    const at = assertionTime(a) ?? now;
    const since = parseTime(headerString(signer.headers, "since")!, "since");
    const untilText = headerString(signer.headers, "until");
    const until = untilText === undefined ? undefined : parseTime(untilText, "until");
    if (at < since || (until && at >= until)) {
      throw new ValidationError(
        `${where}: key ${keyId} (${signerAccount}) is not valid at ${at.toISOString()}: valid from ${since.toISOString()} until ${until ? until.toISOString() : "no end"}`,
      );
    }
  }

  private accountKey(keyId: string, pending: ReadonlyMap<string, Assertion>): Assertion | undefined {
    const key = storeKey({ type: "account-key", headers: { type: "account-key", "public-key-sha3-384": keyId } });
    return pending.get(key) ?? this.stored.get(key);
  }

  /** The stored assertion under `key`, unless it is ignored. */
  private usable(key: string): Assertion | undefined {
    return this.ignoredKeys.has(key) ? undefined : this.stored.get(key);
  }

  /**
   * Refuses a stream that would leave one snap name claimed by two snap-ids:
   * a name belongs to one snap, so the store renames by issuing a new
   * revision of the old snap's declaration, which must come first (or in the
   * same stream).
   */
  private checkNameClaims(pending: ReadonlyMap<string, Assertion>): void {
    const declares = (a: Assertion, name: string | undefined) =>
      a.type === "snap-declaration" && headerString(a.headers, "series") === SERIES && headerString(a.headers, "snap-name") === name;
    const after = new Map<string, Assertion>();
    for (const [key, a] of this.stored) if (!this.ignoredKeys.has(key)) after.set(key, a);
    for (const [key, a] of pending) after.set(key, a);
    for (const [key, a] of pending) {
      const name = headerString(a.headers, "snap-name");
      if (!declares(a, name)) continue;
      for (const [otherKey, other] of after) {
        if (otherKey === key || !declares(other, name)) continue;
        const where = pending.has(otherKey) ? "in the same stream" : "already acknowledged";
        throw new ValidationError(
          `${describeAssertion(a)}: the snap name ${JSON.stringify(name)} is also declared for snap-id ${headerString(other.headers, "snap-id")} by ${headerString(other.headers, "authority-id")} (${where}); ` +
            `a name belongs to one snap-id, so a rename needs the new revision of the other declaration first or in the same stream`,
        );
      }
    }
  }

  /** A trusted root with the same identity as `a`, so re-adding a root counts as unchanged. */
  private rootFor(a: Assertion): Assertion | undefined {
    return a.type === "account-key" ? this.roots.get(primaryKey(a)[0]!) : undefined;
  }

  // ─── storage ───────────────────────────────────────────────────────────────

  /**
   * Writes each file atomically. Should one write fail (disk full), the files
   * already written are put back as they were, so the store never holds half
   * a stream; only a crash in the middle can leave a prefix of it.
   */
  private async write(assertions: readonly Assertion[]): Promise<void> {
    const done: { file: string; before: string | undefined }[] = [];
    try {
      for (const a of assertions) {
        const file = storedFile(this.paths, a);
        done.push({ file, before: await readIfExists(file) });
        await writeFileAtomic(file, a.text + "\n");
      }
    } catch (e) {
      for (const { file, before } of done.reverse()) {
        try {
          if (before === undefined) await fs.rm(file, { force: true });
          else await writeFileAtomic(file, before);
        } catch {
          // Best effort: the original error is the one worth reporting.
        }
      }
      throw e;
    }
  }
}

/** Orders two assertions of one primary key by revision; throws when one revision has two contents. */
function compareRevisions(a: Assertion, other: Assertion): number {
  const diff = revisionOf(a) - revisionOf(other);
  if (diff === 0 && a.text !== other.text) {
    throw new ValidationError(`${describeAssertion(a)}: the stream holds revision ${revisionOf(a)} twice with different content; a change needs a new revision`);
  }
  return diff;
}

/** Whether `a` replaces `existing` (same primary key); throws when it conflicts. */
function isNewer(a: Assertion, existing: Assertion): boolean {
  const where = describeAssertion(a);
  const rev = revisionOf(a);
  const old = revisionOf(existing);
  if (rev > old) return true;
  if (rev < old) throw new ValidationError(`${where}: revision ${rev} is older than the stored revision ${old}`);
  if (a.text !== existing.text) throw new ValidationError(`${where}: revision ${rev} is already stored with different content; a change needs a new revision`);
  return false;
}

function checkNotExpired(key: Assertion, now: Date, where?: string): void {
  const until = headerString(key.headers, "until");
  if (until !== undefined && now >= parseTime(until, "until")) {
    const id = headerString(key.headers, "public-key-sha3-384");
    throw new ValidationError(`${where ? where + ": " : ""}key ${id} (${headerString(key.headers, "account-id")}) expired at ${until}`);
  }
}

function assertionsDir(paths: Paths): string {
  return path.join(paths.varLib, "assertions");
}

function storeKey(a: Pick<Assertion, "type" | "headers">): string {
  return [a.type, ...primaryKey(a)].join("\0");
}

/** `<varLib>/assertions/<type>/<primary key, escaped, joined by "_">.assert` */
function storedFile(paths: Paths, a: Pick<Assertion, "type" | "headers">): string {
  return path.join(assertionsDir(paths), a.type, primaryKey(a).map(escapeComponent).join("_") + STORED_SUFFIX);
}

/**
 * Keeps letters, digits and "-"; everything else becomes %XX (of its UTF-8
 * bytes). "_" is escaped too so the join is unambiguous, and "." so no name
 * can be "..", hidden, or look like a temporary file.
 */
function escapeComponent(s: string): string {
  return [...Buffer.from(s, "utf8")]
    .map((b) => (/[A-Za-z0-9-]/.test(String.fromCharCode(b)) ? String.fromCharCode(b) : "%" + b.toString(16).toUpperCase().padStart(2, "0")))
    .join("");
}

async function listFiles(dir: string, suffix: string): Promise<string[]> {
  let names: string[];
  try {
    names = await fs.readdir(dir);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw e;
  }
  // Hidden names are writeFileAtomic's temporary files.
  return names.filter((n) => n.endsWith(suffix) && !n.startsWith(".")).sort().map((n) => path.join(dir, n));
}

async function readSingle(file: string): Promise<Assertion> {
  const all = decodeAssertions(await fs.readFile(file, "utf8"), file);
  if (all.length !== 1) throw new ValidationError(`holds ${all.length} assertions; expected exactly one`, { file });
  const a = all[0]!;
  try {
    validateAssertion(a);
  } catch (e) {
    throw new ValidationError(e instanceof Error ? e.message : String(e), { file });
  }
  return a;
}
