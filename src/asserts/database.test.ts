import { mkdir, mkdtemp, readFile, rename, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { PolicyError, ValidationError } from "../errors/index.js";
import { makePaths, type Paths } from "../paths/index.js";
import { generatePrivateKey, type PrivateKey } from "./crypto.js";
import { AssertionDatabase } from "./database.js";
import type { Assertion, Headers } from "./format.js";
import { accountKey, NOW, parseOne, rootKey, signRaw, snapDeclaration, snapshot } from "./test-support.js";

// root: the trusted root key of the account "root" (the store); store: a
// second key of that account, which root signed (the store's signing key);
// acme: a publisher account whose key root signed, which is not an authority;
// stranger: a key nobody vouches for; deputy: a key acme's key signed (a third level).
let root: PrivateKey;
let store: PrivateKey;
let acme: PrivateKey;
let stranger: PrivateKey;
let deputy: PrivateKey;
beforeAll(async () => {
  const make = (name: string) => generatePrivateKey(name, { bits: 2048 });
  [root, store, acme, stranger, deputy] = await Promise.all([make("root-key"), make("store-key"), make("acme-key"), make("stranger-key"), make("deputy-key")]);
});

/** A declaration the store signs for acme's snap (foo, snapidfoo unless `extra` says otherwise). */
const decl = (extra: Headers = {}, body = ""): Assertion => snapDeclaration(store, "root", { "publisher-id": "acme", ...extra }, body);

describe("AssertionDatabase", () => {
  let dir: string;
  let paths: Paths;
  let db: AssertionDatabase;
  let rootAssertion: Assertion;
  let storeKey: Assertion;
  let acmeKey: Assertion;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "pb-asserts-"));
    paths = makePaths(dir);
    rootAssertion = rootKey(root, "root");
    await AssertionDatabase.trust(paths, rootAssertion, { now: NOW });
    db = await AssertionDatabase.open(paths);
    storeKey = accountKey(root, "root", store, "root");
    acmeKey = accountKey(root, "root", acme, "acme");
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  const declFile = (snapId = "snapidfoo") => path.join(paths.varLib, `assertions/snap-declaration/16_${snapId}.assert`);
  /** Puts an assertion on disk as an earlier Plugboard, without today's authority rule, stored it. */
  const storeAsBefore = async (a: Assertion, file: string) => {
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, a.text + "\n");
  };

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
      const d = decl({ plugs: { docker: { "allow-auto-connection": "true" } } });
      const result = await db.add([storeKey, d], { now: NOW });
      expect(result.added).toEqual([storeKey, d]);
      expect(result.unchanged).toEqual([]);
      expect(await readFile(declFile(), "utf8")).toBe(d.text + "\n");
      expect(db.snapDeclarationByName("foo")?.text).toBe(d.text);
      expect(db.snapDeclarationByName("bar")).toBeUndefined();

      const reopened = await AssertionDatabase.open(paths);
      expect(reopened.snapDeclarationByName("foo")?.text).toBe(d.text);
      expect(reopened.find("account-key", { "public-key-sha3-384": store.keyId }).map((a) => a.text)).toEqual([storeKey.text]);
    });

    it("accepts the same chain across two add() calls and after reopening", async () => {
      await db.add([storeKey], { now: NOW });
      const reopened = await AssertionDatabase.open(paths);
      const d = decl();
      expect((await reopened.add([d], { now: NOW })).added).toEqual([d]);
    });

    it("accepts an assertion the root signs directly", async () => {
      const decl = snapDeclaration(root, "root");
      expect((await db.add([decl], { now: NOW })).added).toEqual([decl]);
    });

    it("refuses a signature by a key nobody vouches for", async () => {
      const d = snapDeclaration(stranger, "root");
      await expect(db.add([storeKey, d], { now: NOW })).rejects.toThrow(
        `snap-declaration series=16 snap-id=snapidfoo: no known account-key with id ${stranger.keyId}`,
      );
    });

    it("refuses an account-key from an unknown authority", async () => {
      const key = accountKey(stranger, "stranger", acme, "acme");
      await expect(db.add([key], { now: NOW })).rejects.toThrow(/no known account-key with id/);
    });

    it("refuses an authority-id that is not the signing key's account", async () => {
      const d = snapDeclaration(store, "mallory");
      await expect(db.add([storeKey, d], { now: NOW })).rejects.toThrow(
        `snap-declaration series=16 snap-id=snapidfoo: authority-id mallory does not match the account of key ${store.keyId} (root)`,
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
      await db.add([storeKey], { now: NOW });
      await rm(path.join(paths.trustedDir, `${root.keyId}.account-key`));
      const reopened = await AssertionDatabase.open(paths);
      await expect(reopened.add([decl()], { now: NOW })).rejects.toThrow(/not signed by a trusted root key/);
    });
  });

  describe("authorities", () => {
    it("refuses a declaration by an account the root only gave a key, even dated 2099, and keeps the genuine one", async () => {
      const genuine = decl();
      await db.add([storeKey, acmeKey, genuine], { now: NOW });
      const before = await snapshot(dir);
      // acme's key chains to the root and the signature is good: only the authority is wrong.
      const squat = snapDeclaration(acme, "acme", { "snap-id": "squatter", "snap-name": "foo", "publisher-id": "acme", timestamp: "2099-01-01T00:00:00Z" });
      await expect(db.add([squat], { now: NOW })).rejects.toThrow(
        'snap-declaration series=16 snap-id=squatter: authority-id acme is not a directly trusted authority (trusted: root); a snap-declaration for snap "foo" must be signed by the account of a trusted root key',
      );
      // With the same primary key and a higher revision it fares no better.
      await expect(db.add([snapDeclaration(acme, "acme", { revision: "9", timestamp: "2099-01-01T00:00:00Z" })], { now: NOW })).rejects.toThrow(/authority-id acme is not a directly trusted authority/);
      expect(await snapshot(dir)).toEqual(before);
      expect(db.snapDeclarationByName("foo")).toEqual(genuine);
      expect((await AssertionDatabase.open(paths)).snapDeclarationByName("foo")).toEqual(genuine);
    });

    it("stores nothing of a stream whose declaration is by a non-authority, not even the key it came with", async () => {
      const before = await snapshot(dir);
      await expect(db.add([acmeKey, snapDeclaration(acme, "acme")], { now: NOW })).rejects.toThrow(/authority-id acme is not a directly trusted authority/);
      expect(await snapshot(dir)).toEqual(before);
      expect(db.find("account-key", { "account-id": "acme" })).toEqual([]);
    });

    it.each([
      ["account", { type: "account", "account-id": "acme", "display-name": "Acme", validation: "unproven" }, /^account account-id=acme: authority-id acme is not a directly trusted authority \(trusted: root\); an account must be signed/],
      ["store", { type: "store", store: "acme-store", "operator-id": "acme" }, /store store=acme-store: authority-id acme is not a directly trusted authority/],
      ["model of another brand", { type: "model", series: "16", "brand-id": "root", model: "gizmo" }, /model series=16 brand-id=root model=gizmo: authority-id acme is not the brand root; a model must be signed by its brand/],
    ])("refuses a(n) %s signed by a non-authority", async (_what, headers, message) => {
      const a = signRaw({ ...headers, "authority-id": "acme", "sign-key-sha3-384": acme.keyId, timestamp: "2026-01-01T00:00:00Z" } as Headers, "", acme);
      await expect(db.add([acmeKey, a], { now: NOW })).rejects.toThrow(message);
    });

    it("accepts a model its own brand signs, whoever holds the root", async () => {
      const model = signRaw(
        { type: "model", "authority-id": "acme", "sign-key-sha3-384": acme.keyId, series: "16", "brand-id": "acme", model: "gizmo", timestamp: "2026-01-01T00:00:00Z" },
        "",
        acme,
      );
      expect((await db.add([acmeKey, model], { now: NOW })).added).toEqual([acmeKey, model]);
    });

    it("ignores a stored declaration by a non-authority, says so, and lets a genuine one replace it whatever the revisions", async () => {
      await db.add([acmeKey], { now: NOW });
      const squat = snapDeclaration(acme, "acme", { revision: "7", timestamp: "2099-01-01T00:00:00Z" });
      await storeAsBefore(squat, declFile());
      const reopened = await AssertionDatabase.open(paths);
      expect(reopened.find("snap-declaration")).toEqual([]);
      expect(reopened.snapDeclarationByName("foo")).toBeUndefined();
      expect(reopened.ignored()).toEqual([
        { assertion: squat, file: declFile(), reason: expect.stringMatching(/^snap-declaration series=16 snap-id=snapidfoo: authority-id acme is not a directly trusted authority/) },
      ]);
      // The file stays as it was until a valid assertion takes its place.
      expect(await readFile(declFile(), "utf8")).toBe(squat.text + "\n");
      const genuine = decl();
      expect((await reopened.add([storeKey, genuine], { now: NOW })).added).toEqual([storeKey, genuine]);
      expect(await readFile(declFile(), "utf8")).toBe(genuine.text + "\n");
      expect(reopened.ignored()).toEqual([]);
      expect((await AssertionDatabase.open(paths)).snapDeclarationByName("foo")).toEqual(genuine);
    });

    it("ignores what a root's account signed once that root is no longer trusted", async () => {
      await db.add([snapDeclaration(root, "root")], { now: NOW });
      await rm(path.join(paths.trustedDir, `${root.keyId}.account-key`));
      const reopened = await AssertionDatabase.open(paths);
      expect(reopened.snapDeclarationByName("foo")).toBeUndefined();
      expect(reopened.ignored().map((i) => i.reason)).toEqual([expect.stringMatching(/authority-id root is not a directly trusted authority \(trusted: none\)/)]);
    });
  });

  describe("tampering", () => {
    it("refuses a changed header", async () => {
      const changed = parseOne(decl().text.replace("snap-name: foo", "snap-name: fop"));
      await expect(db.add([storeKey, changed], { now: NOW })).rejects.toThrow(
        "snap-declaration series=16 snap-id=snapidfoo: signature does not verify: the text was changed or signed by another key",
      );
    });

    it("refuses a changed body byte", async () => {
      const d = decl({}, "some notes");
      const changed = parseOne(d.text.replace("some notes", "some motes"));
      expect(changed.body).toBe("some motes");
      await expect(db.add([storeKey, changed], { now: NOW })).rejects.toThrow(/signature does not verify/);
      await expect(db.add([storeKey, d], { now: NOW })).resolves.toBeDefined();
    });

    it("refuses a text re-signed by an untrusted key under the trusted key's id", async () => {
      const resigned = signRaw(decl().headers, "", stranger);
      expect(resigned.headers["sign-key-sha3-384"]).toBe(store.keyId);
      await expect(db.add([storeKey, resigned], { now: NOW })).rejects.toThrow(/signature does not verify/);
    });

    it("refuses an account-key whose body is not the key it names", async () => {
      const bad = signRaw({ ...storeKey.headers }, stranger.publicKeyB64, root);
      await expect(db.add([bad], { now: NOW })).rejects.toThrow(/public-key-sha3-384 does not match the key in the body/);
    });

    it("refuses an unknown assertion type", async () => {
      const odd = signRaw({ type: "frobnicate", "authority-id": "root", "sign-key-sha3-384": root.keyId }, "", root);
      await expect(db.add([odd], { now: NOW })).rejects.toThrow(/unknown assertion type "frobnicate"/);
    });
  });

  describe("key validity", () => {
    it("refuses an assertion signed by an expired key", async () => {
      const shortKey = accountKey(root, "root", store, "root", { until: "2026-03-01T00:00:00Z" });
      const d = decl({ timestamp: "2026-02-01T00:00:00Z" });
      await expect(db.add([shortKey, d], { now: NOW })).rejects.toThrow(
        new RegExp(`snap-declaration series=16 snap-id=snapidfoo: key ${store.keyId} \\(root\\) expired at 2026-03-01T00:00:00Z`),
      );
      // The same stream was fine while the key was valid.
      await expect(db.add([shortKey, d], { now: new Date("2026-02-15T00:00:00Z") })).resolves.toBeDefined();
    });

    it("refuses an assertion dated before its key's since", async () => {
      const laterKey = accountKey(root, "root", store, "root", { since: "2026-03-01T00:00:00Z" });
      const d = decl({ timestamp: "2026-02-01T00:00:00Z" });
      await expect(db.add([laterKey, d], { now: NOW })).rejects.toThrow(
        new RegExp(`key ${store.keyId} \\(root\\) is not valid at 2026-02-01T00:00:00.000Z: valid from 2026-03-01T00:00:00.000Z until no end`),
      );
    });

    it("refuses an assertion dated after its key's until", async () => {
      const key = accountKey(root, "root", store, "root", { until: "2027-01-01T00:00:00Z" });
      const d = decl({ timestamp: "2027-06-01T00:00:00Z" });
      await expect(db.add([key, d], { now: NOW })).rejects.toThrow(/is not valid at 2027-06-01T00:00:00.000Z: valid from .* until 2027-01-01T00:00:00.000Z/);
    });

    it("refuses an account-key whose since precedes its signer's", async () => {
      const early = accountKey(root, "root", acme, "acme", { since: "2024-01-01T00:00:00Z" });
      await expect(db.add([early], { now: NOW })).rejects.toThrow(new RegExp(`key ${root.keyId} \\(root\\) is not valid at 2024-01-01`));
    });
  });

  describe("all or nothing", () => {
    it("writes nothing when the second assertion of a stream is bad", async () => {
      await db.add([storeKey], { now: NOW });
      const before = await snapshot(dir);
      const good = decl({ "snap-id": "good", "snap-name": "good" });
      const bad = snapDeclaration(store, "mallory", { "snap-id": "bad", "snap-name": "bad" });
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
      const d = decl();
      const before = await snapshot(dir);
      const refuse = (a: Assertion) => {
        seen.push(a.type);
        if (a.type === "snap-declaration") throw new PolicyError("plug rule for docker is not valid");
      };
      await expect(db.add([storeKey, d], { now: NOW, validate: refuse })).rejects.toThrow(PolicyError);
      expect(seen).toEqual(["account-key", "snap-declaration"]);
      expect(await snapshot(dir)).toEqual(before);

      seen.length = 0;
      await db.add([storeKey, d], { now: NOW, validate: (a) => void seen.push(a.type) });
      expect(seen).toEqual(["account-key", "snap-declaration"]);
    });
  });

  describe("revisions", () => {
    it("replaces older revisions, keeps identical ones, refuses conflicts and going back", async () => {
      const rev1 = decl({ revision: "1" });
      await db.add([storeKey, rev1], { now: NOW });

      const again = await db.add([storeKey, rev1], { now: NOW });
      expect(again).toEqual({ added: [], unchanged: [storeKey, rev1] });

      const rev2 = decl({ revision: "2", "snap-name": "foo-renamed" });
      expect((await db.add([rev2], { now: NOW })).added).toEqual([rev2]);
      expect(await readFile(declFile(), "utf8")).toBe(rev2.text + "\n");
      expect(db.find("snap-declaration")).toEqual([rev2]);
      expect(db.snapDeclarationByName("foo")).toBeUndefined();

      await expect(db.add([rev1], { now: NOW })).rejects.toThrow(
        "snap-declaration series=16 snap-id=snapidfoo: revision 1 is older than the stored revision 2",
      );
      const rev2b = decl({ revision: "2", "snap-name": "other" });
      await expect(db.add([rev2b], { now: NOW })).rejects.toThrow(/revision 2 is already stored with different content/);
      expect(await readFile(declFile(), "utf8")).toBe(rev2.text + "\n");
      expect((await AssertionDatabase.open(paths)).find("snap-declaration")).toEqual([rev2]);
    });

    it("stores only the newest of two revisions in one stream", async () => {
      const rev1 = decl({ revision: "1" });
      const rev3 = decl({ revision: "3" });
      const result = await db.add([storeKey, rev1, rev3], { now: NOW });
      expect(result.added).toEqual([storeKey, rev3]);
      expect(await readFile(declFile(), "utf8")).toBe(rev3.text + "\n");
    });

    it("takes the highest revision of a stream wherever it stands, never the latest timestamp", async () => {
      const rev2 = decl({ revision: "2", timestamp: "2026-02-01T00:00:00Z", plugs: { docker: { "allow-auto-connection": "true" } } });
      const rev1 = decl({ revision: "1", timestamp: "2099-01-01T00:00:00Z" });
      const result = await db.add([storeKey, rev2, rev1], { now: NOW });
      expect(result).toEqual({ added: [storeKey, rev2], unchanged: [] });
      expect(db.snapDeclarationByName("foo")).toEqual(rev2);
      expect((await AssertionDatabase.open(paths)).snapDeclarationByName("foo")).toEqual(rev2);
    });

    it("refuses a stream holding one revision twice with different content", async () => {
      const a = decl({ revision: "4" });
      const b = decl({ revision: "4", "snap-name": "other" });
      await expect(db.add([storeKey, a, b], { now: NOW })).rejects.toThrow(
        "snap-declaration series=16 snap-id=snapidfoo: the stream holds revision 4 twice with different content; a change needs a new revision",
      );
    });

    it("counts a trusted root added again as unchanged", async () => {
      expect(await db.add([rootAssertion], { now: NOW })).toEqual({ added: [], unchanged: [rootAssertion] });
    });
  });

  describe("queries and storage", () => {
    it("finds by string headers", async () => {
      const a = decl({ "snap-id": "a", "snap-name": "alpha" });
      const b = decl({ "snap-id": "b", "snap-name": "beta" });
      await db.add([storeKey, a, b], { now: NOW });
      expect(db.find("snap-declaration").length).toBe(2);
      expect(db.find("snap-declaration", { "snap-name": "beta" })).toEqual([b]);
      expect(db.find("snap-declaration", { "snap-name": "beta", "snap-id": "a" })).toEqual([]);
      expect(db.find("snap-declaration", { constructor: "x" })).toEqual([]);
      expect(db.find("model")).toEqual([]);
    });

    it("refuses a second snap-id for a declared name, and takes a rename that comes first", async () => {
      const old = decl({ "snap-id": "old" });
      await db.add([storeKey, old], { now: NOW });
      const newcomer = decl({ "snap-id": "new", timestamp: "2026-02-01T00:00:00Z" });
      await expect(db.add([newcomer], { now: NOW })).rejects.toThrow(
        'snap-declaration series=16 snap-id=new: the snap name "foo" is also declared for snap-id old by root (already acknowledged); a name belongs to one snap-id',
      );
      await expect(db.add([decl({ "snap-id": "a", "snap-name": "twin" }), decl({ "snap-id": "b", "snap-name": "twin" })], { now: NOW })).rejects.toThrow(
        /snap-id=a: the snap name "twin" is also declared for snap-id b by root \(in the same stream\)/,
      );
      const renamed = decl({ "snap-id": "old", revision: "1", "snap-name": "foo-old" });
      expect((await db.add([newcomer, renamed], { now: NOW })).added).toEqual([newcomer, renamed]);
      expect(db.snapDeclarationByName("foo")).toEqual(newcomer);
      expect(db.snapDeclarationByName("foo-old")).toEqual(renamed);
    });

    it("refuses to choose when stored declarations of two snap-ids claim one name, whatever their dates", async () => {
      const older = decl({ "snap-id": "first", timestamp: "2026-01-01T00:00:00Z" });
      const newer = decl({ "snap-id": "second", timestamp: "2099-01-01T00:00:00Z" });
      await db.add([storeKey, older], { now: NOW });
      await storeAsBefore(newer, declFile("second"));
      const reopened = await AssertionDatabase.open(paths);
      expect(() => reopened.snapDeclarationByName("foo")).toThrow(
        new RegExp(`cannot choose a snap-declaration for "foo": 2 snap-ids claim the name: snap-id first by root \\(${declFile("first")}\\), snap-id second by root .*; remove the file of each one that is wrong`),
      );
      expect(reopened.snapDeclarationByName("bar")).toBeUndefined();
    });

    it("escapes primary keys into safe file names", async () => {
      const decl = snapDeclaration(root, "root", { "snap-id": "../a_b.c%d/é" });
      await db.add([decl], { now: NOW });
      const file = path.join(paths.varLib, "assertions/snap-declaration/16_%2E%2E%2Fa%5Fb%2Ec%25d%2F%C3%A9.assert");
      expect(await readFile(file, "utf8")).toBe(decl.text + "\n");
      expect((await AssertionDatabase.open(paths)).find("snap-declaration")).toEqual([decl]);
    });

    it("refuses to open a store whose file names do not match their content", async () => {
      await db.add([storeKey, decl()], { now: NOW });
      await rename(declFile(), path.join(path.dirname(declFile()), "16_other.assert"));
      await expect(AssertionDatabase.open(paths)).rejects.toThrow(/16_other\.assert: holds snap-declaration series=16 snap-id=snapidfoo, which belongs in/);
    });

    it("refuses to open a corrupt stored assertion", async () => {
      await db.add([storeKey, decl()], { now: NOW });
      await writeFile(declFile(), "type: snap-declaration\nbroken");
      await expect(AssertionDatabase.open(paths)).rejects.toThrow(ValidationError);
    });
  });
});
