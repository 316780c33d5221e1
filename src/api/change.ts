// Changes and tasks, as snapd reports them: every request that changes the
// system becomes a change (one or more tasks), answered at once with its id;
// clients then poll GET /v2/changes/{id} until it is ready. The agent runs
// changes one at a time, in the order they were made, so two clients never
// interleave their edits of the state.
//
// A change's work is one transaction (ops/ loads, changes, applies and saves
// under the state lock): its tasks succeed together, or fail together with
// nothing changed.

/** snapd's status names; Plugboard uses the subset its changes can reach. */
export type Status = "Do" | "Doing" | "Done" | "Hold" | "Error";

const READY: ReadonlySet<Status> = new Set(["Done", "Hold", "Error"]);

export interface TaskSpec {
  readonly kind: string;
  readonly summary: string;
}

interface Task extends TaskSpec {
  readonly id: string;
  status: Status;
  readonly log: string[];
  readonly spawnTime: Date;
  readyTime?: Date;
}

export interface Change {
  readonly id: string;
  readonly kind: string;
  readonly summary: string;
  status: Status;
  readonly tasks: Task[];
  /** The snaps the change touches (GET /v2/changes?for=SNAP). */
  readonly snapNames: readonly string[];
  /** What clients read from the change, as snapd's api-data (e.g. snap-name of an install). */
  readonly data?: Record<string, unknown>;
  readonly spawnTime: Date;
  readyTime?: Date;
}

export const isReady = (c: Change): boolean => READY.has(c.status);

/** snapd's log line: an RFC 3339 time, the level and the message. */
const logLine = (at: Date, level: "INFO" | "ERROR", message: string): string => `${at.toISOString().replace(/\.\d{3}Z$/, "Z")} ${level} ${message}`;

/** The change's error as snapd words it: every failed task with its reason. */
export function changeError(c: Change): string | undefined {
  if (c.status !== "Error") return undefined;
  const lines: string[] = [];
  for (const t of c.tasks) {
    if (t.status !== "Error") continue;
    for (const l of t.log) {
      const m = /^\S+ ERROR ([\s\S]*)$/.exec(l);
      if (m) lines.push(`- ${t.summary} (${m[1]})`);
    }
  }
  return `cannot perform the following tasks:\n${lines.join("\n")}`;
}

/** The JSON form of GET /v2/changes: field names and omissions as snapd's. */
export function changeInfo(c: Change): Record<string, unknown> {
  const err = changeError(c);
  return {
    id: c.id,
    kind: c.kind,
    summary: c.summary,
    status: c.status,
    tasks: c.tasks.map((t) => ({
      id: t.id,
      kind: t.kind,
      summary: t.summary,
      status: t.status,
      ...(t.log.length ? { log: t.log } : {}),
      progress: { label: "", done: t.status === "Done" ? 1 : 0, total: 1 },
      "spawn-time": t.spawnTime.toISOString(),
      ...(t.readyTime ? { "ready-time": t.readyTime.toISOString() } : {}),
    })),
    ready: isReady(c),
    ...(err !== undefined ? { err } : {}),
    "spawn-time": c.spawnTime.toISOString(),
    ...(c.readyTime ? { "ready-time": c.readyTime.toISOString() } : {}),
    ...(c.data ? { data: c.data } : {}),
  };
}

export interface NewChange {
  readonly kind: string;
  readonly summary: string;
  readonly tasks: readonly TaskSpec[];
  readonly snapNames: readonly string[];
  readonly data?: Record<string, unknown>;
}

/** Ready changes beyond this many are forgotten, oldest first (snapd prunes them too). */
const KEEP_READY = 200;

/**
 * The agent's changes, in the order they were made, and the queue that runs
 * them. Kept in memory: a change the agent did not finish before it stopped
 * was either saved whole or not at all (see the header), and the agent's
 * start converges the system from the saved state either way.
 */
export class ChangeLog {
  readonly #changes = new Map<string, Change>();
  #nextId = 1;
  #nextTaskId = 1;
  #queue: Promise<void> = Promise.resolve();

  constructor(private readonly now: () => Date = () => new Date()) {}

  get(id: string): Change | undefined {
    return this.#changes.get(id);
  }

  all(): Change[] {
    return [...this.#changes.values()];
  }

  /** A change that needed no work (e.g. connecting what is already connected): Done at once, as in snapd. */
  done(spec: Omit<NewChange, "tasks">): Change {
    const c = this.#create({ ...spec, tasks: [] });
    this.#finish(c, "Done");
    return c;
  }

  /**
   * Records the change and queues its work; returns at once. The work runs
   * after every change made before it; its failure marks the tasks Error with
   * the message, its success marks them Done. A client going away does not
   * stop it.
   */
  start(spec: NewChange, work: () => Promise<void>): Change {
    const c = this.#create(spec);
    const run = async () => {
      if (c.status !== "Do") return; // aborted while it waited
      c.status = "Doing";
      for (const t of c.tasks) t.status = "Doing";
      try {
        await work();
        this.#finish(c, "Done");
      } catch (e) {
        const message = e instanceof Error ? e.message : String(e);
        const at = this.now();
        for (const t of c.tasks) t.log.push(logLine(at, "ERROR", message));
        this.#finish(c, "Error");
      }
    };
    this.#queue = this.#queue.then(run);
    return c;
  }

  /**
   * Aborts a change that has not started: its tasks are put on hold and
   * nothing is done. A change being applied cannot be stopped halfway (it is
   * one transaction); that is an error for the caller.
   */
  abort(id: string): Change | { error: string } {
    const c = this.#changes.get(id);
    if (!c) return { error: `cannot find change with id ${JSON.stringify(id)}` };
    if (isReady(c)) return { error: `cannot abort change ${id} with nothing pending` };
    if (c.status === "Doing") return { error: `cannot abort change ${id}: it is being applied, as one transaction, and will finish shortly` };
    this.#finish(c, "Hold");
    return c;
  }

  /** Resolves when every change queued so far has finished. */
  settled(): Promise<void> {
    return this.#queue;
  }

  #create(spec: NewChange): Change {
    const at = this.now();
    const c: Change = {
      id: String(this.#nextId++),
      kind: spec.kind,
      summary: spec.summary,
      status: "Do",
      tasks: spec.tasks.map((t) => ({ ...t, id: String(this.#nextTaskId++), status: "Do", log: [], spawnTime: at })),
      snapNames: spec.snapNames,
      ...(spec.data ? { data: spec.data } : {}),
      spawnTime: at,
    };
    this.#changes.set(c.id, c);
    return c;
  }

  #finish(c: Change, status: Status): void {
    const at = this.now();
    c.status = status;
    c.readyTime = at;
    for (const t of c.tasks) {
      t.status = status;
      t.readyTime = at;
    }
    this.#prune();
  }

  #prune(): void {
    const ready = this.all().filter(isReady);
    for (const c of ready.slice(0, Math.max(0, ready.length - KEEP_READY))) this.#changes.delete(c.id);
  }
}
