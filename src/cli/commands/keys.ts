import type { Command } from "commander";
import { keysDirFrom, pathsFrom, readInput } from "../context.js";

// Key and assertion commands: create-key, export-key, sign, trust, ack, known.
export function register(program: Command): void {
  program
    .command("create-key")
    .description("create a signing key in the key store ($PLUGBOARD_KEYS or ~/.local/share/plugboard/keys)")
    .argument("[name]", "key name", "default")
    .option("--bits <n>", "RSA key size", "4096")
    .action(async (name: string, opts: { bits: string }) => {
      const [{ KeyStore }, { UsageError }] = await Promise.all([import("../../asserts/index.js"), import("../../errors/index.js")]);
      const bits = Number(opts.bits);
      if (!Number.isInteger(bits) || bits < 2048 || bits > 8192) throw new UsageError("--bits must be an integer from 2048 to 8192");
      const key = await new KeyStore(keysDirFrom()).create(name, { bits });
      process.stdout.write(`${key.name} ${key.keyId}\n`);
    });

  program
    .command("export-key")
    .description("print an account-key request for a key, to be signed by the trusted signer with `plugboard sign`")
    .argument("[name]", "key name", "default")
    .requiredOption("--account <id>", "the account the key belongs to")
    .option("--authority <id>", "the account that will sign the account-key (default: the account)")
    .action(async (name: string, opts: { account: string; authority?: string }) => {
      const { exportKeyRequest } = await import("../../ops/index.js");
      process.stdout.write(await exportKeyRequest(keysDirFrom(), name, opts.account, opts.authority ?? opts.account, new Date()));
    });

  program
    .command("sign")
    .description("sign assertion headers given as YAML on standard input (a `body` key holds the body); print the assertion")
    .requiredOption("-k, --key <name>", "signing key name")
    .action(async (opts: { key: string }) => {
      const { signFromYaml } = await import("../../ops/index.js");
      process.stdout.write((await signFromYaml(keysDirFrom(), opts.key, await readInput("-"))) + "\n");
    });

  program
    .command("trust")
    .description("add a self-signed account-key as a trusted root (root only on a real system)")
    .argument("<file>", "account-key assertion file")
    .action(async (file: string, _opts: unknown, cmd: Command) => {
      const { trustRootKey } = await import("../../ops/index.js");
      const id = await trustRootKey(pathsFrom(cmd), await readInput(file), file);
      process.stdout.write(`trusted key ${id}\n`);
    });

  program
    .command("ack")
    .description("verify assertions (account-key, snap-declaration, …) and add them to the database")
    .argument("<file>", "a file holding one or more assertions, or - for standard input")
    .action(async (file: string, _opts: unknown, cmd: Command) => {
      const { acknowledge } = await import("../../ops/index.js");
      const r = await acknowledge(pathsFrom(cmd), await readInput(file), file === "-" ? "standard input" : file);
      process.stdout.write(`${r.added} added, ${r.unchanged} already known\n`);
    });

  program
    .command("known")
    .description("print the acknowledged assertions of a type, optionally filtered by headers")
    .argument("<type>", "assertion type (account, account-key, snap-declaration, model, store)")
    .argument("[filters...]", "HEADER=VALUE filters")
    .action(async (type: string, filters: string[], _opts: unknown, cmd: Command) => {
      const { knownAssertions } = await import("../../ops/index.js");
      const found = await knownAssertions(pathsFrom(cmd), type, filters);
      process.stdout.write(found.map((a) => a.text + "\n").join("\n"));
    });
}
