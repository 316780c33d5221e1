import { mkdtemp, readFile, rename, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { PolicyError, ValidationError } from "../errors/index.js";
import { makePaths, type Paths } from "../paths/index.js";
import { generatePrivateKey, type PrivateKey } from "./crypto.js";
import { AssertionDatabase } from "./database.js";
import type { Assertion } from "./format.js";
import { accountKey, NOW, parseOne, rootKey, signRaw, snapDeclaration, snapshot } from "./test-support.js";

// root: the trusted root account; acme: a publisher whose key root signed;
// stranger: a key nobody vouches for; deputy: a key acme's key signed (a third level).
let root: PrivateKey;
let acme: PrivateKey;
let stranger: PrivateKey;
let deputy: PrivateKey;
beforeAll(async () => {
  const make = (name: string) => generatePrivateKey(name, { bits: 2048 });
  [root, acme, stranger, deputy] = await Promise.all([make("root-key"), make("acme-key"), make("stranger-key"), make("deputy-key")]);
});

describe("AssertionDatabase", () => {
  let dir: string;
  let paths: Paths;
  let db: AssertionDatabase;
  let rootAssertion: Assertion;
  let acmeKey: Assertion;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "pb-asserts-"));
    paths = makePaths(dir);
    rootAssertion = rootKey(root, "root");
    await AssertionDatabase.trust(paths, rootAssertion, { now: NOW });
    db = await AssertionDatabase.open(paths);
    acmeKey = accountKey(root, "root", acme, "acme");
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  const declFile = () => path.join(paths.varLib, "assertions/snap-declaration/16_snapidfoo.assert");

  describe("trust", () => {
    it("stores a self-signed root under its key id and open() reads it", async () => {
      const file = path.join(paths.trustedDir, `${root.keyId}.account-key`);
      expect(await readFile(file, "utf8")).toBe(rootAssertion.text + "\n");
      expect(db.trustedKeys().map((k) => k.text)).toEqual([rootAssertion.text]);
      expect(db.find("account-key", { "account-id": "root" })).toHaveLength(1);
    });

    it("refuses a key signed by another key", async () => {
      await expect(AssertionDatabase.trust(paths, acmeKey, { now: NOW })).rejects.toThrow(
        new RegExp(`account-key public-key-sha3-384=${acme.keyId}: cannot trust a key that is not self-signed \\(it is signed by key ${root.keyId}\\)`),
      );
    });

    it("refuses a key that claims to sign itself but does not", async () => {
      const forged = signRaw({ ...rootKey(stranger, "root").headers, "public-key-sha3-384": root.keyId, "sign-key-sha3-384": root.keyId }, root.publicKeyB64, stranger);
      await expect(AssertionDatabase.trust(paths, forged, { now: NOW })).rejects.toThrow(/signature does not verify with its own key/);
    });

    it("refuses an expired key and anything but an account-key", async () => {
      const expired = rootKey(stranger, "old", { until: "2026-02-01T00:00:00Z" });
      await expect(AssertionDatabase.trust(paths, expired, { now: NOW })).rejects.toThrow(/expired at 2026-02-01T00:00:00Z/);
      await expect(AssertionDatabase.trust(paths, snapDeclaration(root, "root"), { now: NOW })).rejects.toThrow(/only an account-key can be trusted/);
      expect((await AssertionDatabase.open(paths)).trustedKeys()).toHaveLength(1);
    });
  });

  describe("chains", () => {
    it("accepts root → account-key → snap-declaration in one stream", async () => {
      const decl = snapDeclaration(acme, "acme", { plugs: { docker: { "allow-auto-connection": "true" } } });
      const result = await db.add([acmeKey, decl], { now: NOW });
      expect(result.added).toEqual([acmeKey, decl]);
      expect(result.unchanged).toEqual([]);
      expect(await readFile(declFile(), "utf8")).toBe(decl.text + "\n");
      expect(db.snapDeclarationByName("foo")?.text).toBe(decl.text);
      expect(db.snapDeclarationByName("bar")).toBeUndefined();

      const reopened = await AssertionDatabase.open(paths);
      expect(reopened.snapDeclarationByName("foo")?.text).toBe(decl.text);
      expect(reopened.find("account-key", { "account-id": "acme" }).map((a) => a.text)).toEqual([acmeKey.text]);
    });

    it("accepts the same chain across two add() calls and after reopening", async () => {
      await db.add([acmeKey], { now: NOW });
      const reopened = await AssertionDatabase.open(paths);
      const decl = snapDeclaration(acme, "acme");
      expect((await reopened.add([decl], { now: NOW })).added).toEqual([decl]);
    });

    it("accepts an assertion the root signs directly", async () => {
      const decl = snapDeclaration(root, "root");
      expect((await db.add([decl], { now: NOW })).added).toEqual([decl]);
    });

    it("refuses a signature by a key nobody vouches for", async () => {
      const decl = snapDeclaration(stranger, "acme");
      await expect(db.add([acmeKey, decl], { now: NOW })).rejects.toThrow(
        `snap-declaration series=16 snap-id=snapidfoo: no known account-key with id ${stranger.keyId}`,
      );
    });

    it("refuses an account-key from an unknown authority", async () => {
      const key = accountKey(stranger, "stranger", acme, "acme");
      await expect(db.add([key], { now: NOW })).rejects.toThrow(/no known account-key with id/);
    });

    it("refuses an authority-id that is not the signing key's account", async () => {
      const decl = snapDeclaration(acme, "mallory");
      await expect(db.add([acmeKey, decl], { now: NOW })).rejects.toThrow(
        `snap-declaration series=16 snap-id=snapidfoo: authority-id mallory does not match the account of key ${acme.keyId} (acme)`,
      );
    });

    it("refuses a key more than one step from a root", async () => {
      const deputyKey = accountKey(acme, "acme", deputy, "acme");
      await db.add([acmeKey, deputyKey], { now: NOW }); // storable: acme's key may sign a key
      const decl = snapDeclaration(deputy, "acme");
      await expect(db.add([decl], { now: NOW })).rejects.toThrow(
        new RegExp(`key ${deputy.keyId} \\(acme\\) is not signed by a trusted root key, so it cannot sign assertions`),
      );
    });

    it("stops trusting a key once its root is no longer trusted", async () => {
      await db.add([acmeKey], { now: NOW });
      await rm(path.join(paths.trustedDir, `${root.keyId}.account-key`));
      const reopened = await AssertionDatabase.open(paths);
      await expect(reopened.add([snapDeclaration(acme, "acme")], { now: NOW })).rejects.toThrow(/not signed by a trusted root key/);
    });
  });

  describe("tampering", () => {
    it("refuses a changed header", async () => {
      const decl = snapDeclaration(acme, "acme");
      const changed = parseOne(decl.text.replace("snap-name: foo", "snap-name: fop"));
      await expect(db.add([acmeKey, changed], { now: NOW })).rejects.toThrow(
        "snap-declaration series=16 snap-id=snapidfoo: signature does not verify: the text was changed or signed by another key",
      );
    });

    it("refuses a changed body byte", async () => {
      const decl = snapDeclaration(acme, "acme", {}, "some notes");
      const changed = parseOne(decl.text.replace("some notes", "some motes"));
      expect(changed.body).toBe("some motes");
      await expect(db.add([acmeKey, changed], { now: NOW })).rejects.toThrow(/signature does not verify/);
      await expect(db.add([acmeKey, decl], { now: NOW })).resolves.toBeDefined();
    });

    it("refuses a text re-signed by an untrusted key under the trusted key's id", async () => {
      const decl = snapDeclaration(acme, "acme");
      const resigned = signRaw(decl.headers, "", stranger);
      expect(resigned.headers["sign-key-sha3-384"]).toBe(acme.keyId);
      await expect(db.add([acmeKey, resigned], { now: NOW })).rejects.toThrow(/signature does not verify/);
    });

    it("refuses an account-key whose body is not the key it names", async () => {
      const bad = signRaw({ ...acmeKey.headers }, stranger.publicKeyB64, root);
      await expect(db.add([bad], { now: NOW })).rejects.toThrow(/public-key-sha3-384 does not match the key in the body/);
    });

    it("refuses an unknown assertion type", async () => {
      const odd = signRaw({ type: "frobnicate", "authority-id": "root", "sign-key-sha3-384": root.keyId }, "", root);
      await expect(db.add([odd], { now: NOW })).rejects.toThrow(/unknown assertion type "frobnicate"/);
    });
  });

  describe("key validity", () => {
    it("refuses an assertion signed by an expired key", async () => {
      const shortKey = accountKey(root, "root", acme, "acme", { until: "2026-03-01T00:00:00Z" });
      const decl = snapDeclaration(acme, "acme", { timestamp: "2026-02-01T00:00:00Z" });
      await expect(db.add([shortKey, decl], { now: NOW })).rejects.toThrow(
        new RegExp(`snap-declaration series=16 snap-id=snapidfoo: key ${acme.keyId} \\(acme\\) expired at 2026-03-01T00:00:00Z`),
      );
      // The same stream was fine while the key was valid.
      await expect(db.add([shortKey, decl], { now: new Date("2026-02-15T00:00:00Z") })).resolves.toBeDefined();
    });

    it("refuses an assertion dated before its key's since", async () => {
      const laterKey = accountKey(root, "root", acme, "acme", { since: "2026-03-01T00:00:00Z" });
      const decl = snapDeclaration(acme, "acme", { timestamp: "2026-02-01T00:00:00Z" });
      await expect(db.add([laterKey, decl], { now: NOW })).rejects.toThrow(
        new RegExp(`key ${acme.keyId} \\(acme\\) is not valid at 2026-02-01T00:00:00.000Z: valid from 2026-03-01T00:00:00.000Z until no end`),
      );
    });

    it("refuses an assertion dated after its key's until", async () => {
      const key = accountKey(root, "root", acme, "acme", { until: "2027-01-01T00:00:00Z" });
      const decl = snapDeclaration(acme, "acme", { timestamp: "2027-06-01T00:00:00Z" });
      await expect(db.add([key, decl], { now: NOW })).rejects.toThrow(/is not valid at 2027-06-01T00:00:00.000Z: valid from .* until 2027-01-01T00:00:00.000Z/);
    });

    it("refuses an account-key whose since precedes its signer's", async () => {
      const early = accountKey(root, "root", acme, "acme", { since: "2024-01-01T00:00:00Z" });
      await expect(db.add([early], { now: NOW })).rejects.toThrow(new RegExp(`key ${root.keyId} \\(root\\) is not valid at 2024-01-01`));
    });
  });

  describe("all or nothing", () => {
    it("writes nothing when the second assertion of a stream is bad", async () => {
      await db.add([acmeKey], { now: NOW });
      const before = await snapshot(dir);
      const good = snapDeclaration(acme, "acme", { "snap-id": "good", "snap-name": "good" });
      const bad = snapDeclaration(acme, "mallory", { "snap-id": "bad", "snap-name": "bad" });
      await expect(db.add([good, bad], { now: NOW })).rejects.toThrow(/authority-id mallory/);
      expect(await snapshot(dir)).toEqual(before);
      expect(db.snapDeclarationByName("good")).toBeUndefined();
      // And a bad key first: the declaration it would have vouched for is not stored either.
      const badKey = accountKey(stranger, "stranger", acme, "acme", { name: "other" });
      await expect(db.add([good, badKey], { now: NOW })).rejects.toThrow(/no known account-key/);
      expect(await snapshot(dir)).toEqual(before);
    });

    it("lets validate refuse, before anything is written, and sees every assertion", async () => {
      const seen: string[] = [];
      const decl = snapDeclaration(acme, "acme");
      const before = await snapshot(dir);
      const refuse = (a: Assertion) => {
        seen.push(a.type);
        if (a.type === "snap-declaration") throw new PolicyError("plug rule for docker is not valid");
      };
      await expect(db.add([acmeKey, decl], { now: NOW, validate: refuse })).rejects.toThrow(PolicyError);
      expect(seen).toEqual(["account-key", "snap-declaration"]);
      expect(await snapshot(dir)).toEqual(before);

      seen.length = 0;
      await db.add([acmeKey, decl], { now: NOW, validate: (a) => void seen.push(a.type) });
      expect(seen).toEqual(["account-key", "snap-declaration"]);
    });
  });

  describe("revisions", () => {
    it("replaces older revisions, keeps identical ones, refuses conflicts and going back", async () => {
      const rev1 = snapDeclaration(acme, "acme", { revision: "1" });
      await db.add([acmeKey, rev1], { now: NOW });

      const again = await db.add([acmeKey, rev1], { now: NOW });
      expect(again).toEqual({ added: [], unchanged: [acmeKey, rev1] });

      const rev2 = snapDeclaration(acme, "acme", { revision: "2", "snap-name": "foo-renamed" });
      expect((await db.add([rev2], { now: NOW })).added).toEqual([rev2]);
      expect(await readFile(declFile(), "utf8")).toBe(rev2.text + "\n");
      expect(db.find("snap-declaration")).toEqual([rev2]);
      expect(db.snapDeclarationByName("foo")).toBeUndefined();

      await expect(db.add([rev1], { now: NOW })).rejects.toThrow(
        "snap-declaration series=16 snap-id=snapidfoo: revision 1 is older than the stored revision 2",
      );
      const rev2b = snapDeclaration(acme, "acme", { revision: "2", "snap-name": "other" });
      await expect(db.add([rev2b], { now: NOW })).rejects.toThrow(/revision 2 is already stored with different content/);
      expect(await readFile(declFile(), "utf8")).toBe(rev2.text + "\n");
      expect((await AssertionDatabase.open(paths)).find("snap-declaration")).toEqual([rev2]);
    });

    it("stores only the newest of two revisions in one stream", async () => {
      const rev1 = snapDeclaration(acme, "acme", { revision: "1" });
      const rev3 = snapDeclaration(acme, "acme", { revision: "3" });
      const result = await db.add([acmeKey, rev1, rev3], { now: NOW });
      expect(result.added).toEqual([acmeKey, rev3]);
      expect(await readFile(declFile(), "utf8")).toBe(rev3.text + "\n");
    });

    it("counts a trusted root added again as unchanged", async () => {
      expect(await db.add([rootAssertion], { now: NOW })).toEqual({ added: [], unchanged: [rootAssertion] });
    });
  });

  describe("queries and storage", () => {
    it("finds by string headers", async () => {
      const a = snapDeclaration(acme, "acme", { "snap-id": "a", "snap-name": "alpha" });
      const b = snapDeclaration(acme, "acme", { "snap-id": "b", "snap-name": "beta" });
      await db.add([acmeKey, a, b], { now: NOW });
      expect(db.find("snap-declaration").length).toBe(2);
      expect(db.find("snap-declaration", { "snap-name": "beta" })).toEqual([b]);
      expect(db.find("snap-declaration", { "snap-name": "beta", "snap-id": "a" })).toEqual([]);
      expect(db.find("snap-declaration", { constructor: "x" })).toEqual([]);
      expect(db.find("model")).toEqual([]);
    });

    it("picks the most recent declaration when several carry a name", async () => {
      const old = snapDeclaration(acme, "acme", { "snap-id": "old", timestamp: "2026-01-01T00:00:00Z" });
      const recent = snapDeclaration(acme, "acme", { "snap-id": "new", timestamp: "2026-02-01T00:00:00Z" });
      await db.add([acmeKey, recent, old], { now: NOW });
      expect(db.snapDeclarationByName("foo")).toEqual(recent);
    });

    it("escapes primary keys into safe file names", async () => {
      const decl = snapDeclaration(root, "root", { "snap-id": "../a_b.c%d/é" });
      await db.add([decl], { now: NOW });
      const file = path.join(paths.varLib, "assertions/snap-declaration/16_%2E%2E%2Fa%5Fb%2Ec%25d%2F%C3%A9.assert");
      expect(await readFile(file, "utf8")).toBe(decl.text + "\n");
      expect((await AssertionDatabase.open(paths)).find("snap-declaration")).toEqual([decl]);
    });

    it("refuses to open a store whose file names do not match their content", async () => {
      await db.add([acmeKey, snapDeclaration(acme, "acme")], { now: NOW });
      await rename(declFile(), path.join(path.dirname(declFile()), "16_other.assert"));
      await expect(AssertionDatabase.open(paths)).rejects.toThrow(/16_other\.assert: holds snap-declaration series=16 snap-id=snapidfoo, which belongs in/);
    });

    it("refuses to open a corrupt stored assertion", async () => {
      await db.add([acmeKey, snapDeclaration(acme, "acme")], { now: NOW });
      await writeFile(declFile(), "type: snap-declaration\nbroken");
      await expect(AssertionDatabase.open(paths)).rejects.toThrow(ValidationError);
    });
  });
});
