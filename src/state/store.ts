import { promises as fs } from "node:fs";
import lockfile from "proper-lockfile";
import { StateError } from "../errors/index.js";
import { readIfExists, writeFileAtomic } from "../files/index.js";
import type { Paths } from "../paths/index.js";
import { EMPTY_STATE, parseState, serializeState, type State } from "./schema.js";

export async function readState(paths: Paths): Promise<State> {
  const text = await readIfExists(paths.stateFile);
  return text === undefined ? EMPTY_STATE : parseState(text, paths.stateFile);
}

export async function writeState(paths: Paths, state: State): Promise<void> {
  await writeFileAtomic(paths.stateFile, serializeState(state), 0o600);
}

export interface LockOptions {
  /** How long to wait for another process to finish, in milliseconds. */
  readonly timeoutMs?: number;
}

/**
 * Runs `fn` while holding the exclusive state lock. Mutating commands and the
 * agent all go through here, so two concurrent writers never lose an update.
 * A lock left by a process that died is recovered once it goes stale.
 */
export async function withStateLock<T>(paths: Paths, fn: () => Promise<T>, options: LockOptions = {}): Promise<T> {
  await fs.mkdir(paths.varLib, { recursive: true });
  const timeoutMs = options.timeoutMs ?? 60_000;
  let compromised: Error | undefined;
  let release: () => Promise<void>;
  try {
    release = await lockfile.lock(paths.stateFile, {
      lockfilePath: paths.stateLock,
      realpath: false,
      stale: 10_000,
      update: 2_000,
      retries: { retries: Math.ceil(timeoutMs / 100), factor: 1.2, minTimeout: 10, maxTimeout: 100, randomize: true },
      onCompromised: (e) => {
        compromised = e;
      },
    });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ELOCKED") {
      throw new StateError(`another plugboard process holds ${paths.stateLock}; waited ${Math.round(timeoutMs / 1000)} s. Try again when it has finished`);
    }
    throw e;
  }
  try {
    const result = await fn();
    if (compromised) throw new StateError(`lost the state lock while working (${compromised.message}); run the command again`);
    return result;
  } finally {
    await release().catch(() => undefined);
  }
}
