import { mkdtemp, readdir, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ValidationError } from "../errors/index.js";
import { keyIdOf, verifySignature } from "./crypto.js";
import { KeyStore } from "./keystore.js";
import { signAssertion } from "./sign.js";
import { parseOne } from "./test-support.js";

describe("KeyStore", () => {
  let tmp: string;
  let dir: string;
  beforeEach(async () => {
    tmp = await mkdtemp(path.join(tmpdir(), "pb-keys-"));
    dir = path.join(tmp, "home/.plugboard/keys");
  });
  afterEach(() => rm(tmp, { recursive: true, force: true }));

  it("creates keys readable by the owner only and reads them back", async () => {
    const store = new KeyStore(dir);
    const made = await store.create("default", { bits: 2048 });
    expect(made.keyId).toBe(keyIdOf(made.publicKeyB64));
    expect(await store.get("default")).toEqual(made);
    expect((await stat(dir)).mode & 0o777).toBe(0o700);
    expect((await stat(path.join(dir, "default.key"))).mode & 0o777).toBe(0o600);
    expect(await readdir(dir)).toEqual(["default.key"]); // no temporary files left

    // What it signs verifies with the stored public half.
    const text = signAssertion(
      { type: "store", "authority-id": "acme", store: "s", "operator-id": "acme", timestamp: "2026-01-01T00:00:00Z" },
      "",
      await store.get("default"),
    );
    expect(verifySignature(parseOne(text), made.publicKeyB64)).toBe(true);
  });

  it("lists keys by name, ignoring other files", async () => {
    const store = new KeyStore(dir);
    expect(await store.list()).toEqual([]);
    const b = await store.create("b-key", { bits: 2048 });
    const a = await store.create("a1", { bits: 2048 });
    await writeFile(path.join(dir, "notes.txt"), "hi");
    await writeFile(path.join(dir, "Bad.key"), "x");
    expect((await store.list()).map((k) => k.name)).toEqual(["a1", "b-key"]);
    expect((await store.list()).map((k) => k.keyId)).toEqual([a.keyId, b.keyId]);
  });

  it("refuses to create a name that exists, keeping the old key", async () => {
    const store = new KeyStore(dir);
    const first = await store.create("default", { bits: 2048 });
    await expect(store.create("default", { bits: 2048 })).rejects.toThrow(/a key named default already exists in/);
    expect(await store.get("default")).toEqual(first);
  });

  it("says how to create a missing key", async () => {
    const store = new KeyStore(dir);
    await expect(store.get("nope")).rejects.toThrow(ValidationError);
    await expect(store.get("nope")).rejects.toThrow(`no key named nope in ${dir}; create it with \`plugboard create-key nope\``);
  });

  it.each(["", "Upper", "-dash", "a/b", "../x", "a.key", "x".repeat(64)])("refuses the key name %j", async (name) => {
    const store = new KeyStore(dir);
    await expect(store.create(name, { bits: 2048 })).rejects.toThrow(/invalid key name/);
    await expect(store.get(name)).rejects.toThrow(/invalid key name/);
  });

  it("refuses a corrupt key file", async () => {
    const store = new KeyStore(dir);
    await store.create("k", { bits: 2048 });
    await writeFile(path.join(dir, "k.key"), "garbage");
    await expect(store.get("k")).rejects.toThrow(/k\.key: not a readable private key/);
  });
});
