import { randomBytes } from "node:crypto";
import { promises as fs } from "node:fs";
import path from "node:path";
import { ValidationError } from "../errors/index.js";
import { fsyncDir, writeFileAtomic } from "../files/index.js";
import { generatePrivateKey, privateKeyFromPem, type PrivateKey } from "./crypto.js";

const NAME = /^[a-z0-9][a-z0-9-]{0,62}$/;
const SUFFIX = ".key";

/**
 * The user's signing keys: one PKCS#8 PEM file per key, `<dir>/<name>.key`,
 * readable by the owner only. The public half and the id are derived from the
 * private key on reading, so the file cannot disagree with itself.
 */
export class KeyStore {
  constructor(readonly dir: string) {}

  async create(name: string, opts: { bits?: number } = {}): Promise<PrivateKey> {
    checkName(name);
    const file = this.fileOf(name);
    if (await exists(file)) throw new ValidationError(`a key named ${name} already exists in ${this.dir}`);
    const key = await generatePrivateKey(name, opts);
    await fs.mkdir(this.dir, { recursive: true, mode: 0o700 });
    // Written complete under a temporary name, then linked into place: link
    // fails if the name was taken meanwhile, where a rename would replace it.
    const tmp = path.join(this.dir, `.${name}.${randomBytes(4).toString("hex")}.new`);
    await writeFileAtomic(tmp, key.privateKeyPem, 0o600);
    try {
      await fs.link(tmp, file);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === "EEXIST") throw new ValidationError(`a key named ${name} already exists in ${this.dir}`);
      throw e;
    } finally {
      await fs.rm(tmp, { force: true });
    }
    await fsyncDir(this.dir);
    return key;
  }

  async get(name: string): Promise<PrivateKey> {
    checkName(name);
    const file = this.fileOf(name);
    let pem: string;
    try {
      pem = await fs.readFile(file, "utf8");
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === "ENOENT") {
        throw new ValidationError(`no key named ${name} in ${this.dir}; create it with \`plugboard create-key ${name}\``);
      }
      throw e;
    }
    return privateKeyFromPem(name, pem, file);
  }

  /** Every key, by name. */
  async list(): Promise<PrivateKey[]> {
    let entries: string[];
    try {
      entries = await fs.readdir(this.dir);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === "ENOENT") return [];
      throw e;
    }
    const names = entries
      .filter((f) => f.endsWith(SUFFIX))
      .map((f) => f.slice(0, -SUFFIX.length))
      .filter((n) => NAME.test(n))
      .sort();
    return Promise.all(names.map((n) => this.get(n)));
  }

  private fileOf(name: string): string {
    return path.join(this.dir, name + SUFFIX);
  }
}

function checkName(name: string): void {
  if (!NAME.test(name)) {
    throw new ValidationError(`invalid key name ${JSON.stringify(name)}: use 1 to 63 lowercase letters, digits and dashes, starting with a letter or digit`);
  }
}

async function exists(file: string): Promise<boolean> {
  try {
    await fs.lstat(file);
    return true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return false;
    throw e;
  }
}
