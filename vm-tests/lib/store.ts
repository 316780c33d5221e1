// A stand-in store: a trusted root key, a store key it signs, and signed
// snap-declarations for every test snap, so installs in the VM tests go
// through signature checks and the policy engine as store snaps do.
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { mustPlugboard } from "./host.js";

export const PUBLISHER = "pbtest";

export class Store {
  private constructor(
    readonly dir: string,
    readonly rootAccountKey: string,
    readonly storeAccountKey: string,
  ) {}

  get env(): Record<string, string> {
    return { PLUGBOARD_KEYS: path.join(this.dir, "keys") };
  }

  static async create(): Promise<Store> {
    const dir = await mkdtemp(path.join(tmpdir(), "plugboard-vm-store-"));
    const env = { PLUGBOARD_KEYS: path.join(dir, "keys") };
    const none = "/nonexistent-root";
    for (const k of ["root", "store"]) await mustPlugboard(none, ["create-key", k, "--bits", "2048"], { env });
    const files: string[] = [];
    for (const [k, signer] of [["root", "root"], ["store", "root"]] as const) {
      const req = await mustPlugboard(none, ["export-key", k, "--account", PUBLISHER], { env });
      const f = path.join(dir, `${k}.account-key`);
      await writeFile(f, await mustPlugboard(none, ["sign", "-k", signer], { env, input: req }));
      files.push(f);
    }
    return new Store(dir, files[0]!, files[1]!);
  }

  /** A signed snap-declaration; `rules` is YAML for the plugs:/slots: headers. */
  async declaration(snap: string, rules = ""): Promise<string> {
    const headers = [
      "type: snap-declaration",
      `authority-id: ${PUBLISHER}`,
      "series: '16'",
      `snap-id: ${snap}-id`,
      `snap-name: ${snap}`,
      `publisher-id: ${PUBLISHER}`,
      `timestamp: ${new Date().toISOString()}`,
      rules,
    ].join("\n");
    return mustPlugboard("/nonexistent-root", ["sign", "-k", "store"], { env: this.env, input: headers + "\n" });
  }

  async dispose(): Promise<void> {
    await rm(this.dir, { recursive: true, force: true });
  }
}
