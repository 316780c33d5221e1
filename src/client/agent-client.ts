// How a thin client talks to the agent: snapd's REST API over the agent's
// unix socket. Only node:http is loaded here, so a CLI command answered by
// the agent starts no faster than Node itself plus this file.
import { request } from "node:http";
import { PlugboardError } from "../errors/index.js";

/** snapd's envelope: sync answers carry a result, async ones a change id, errors a message and kind. */
export interface Envelope {
  readonly type: "sync" | "async" | "error";
  readonly "status-code": number;
  readonly result: unknown;
  readonly change?: string;
}

/** Nothing listens on the socket: the caller works on the files instead. */
export class AgentNotRunning extends Error {
  override name = "AgentNotRunning";
}

/** An error answer, with snapd's kind so a client can act on it (login-required, snap-not-found, …). */
export class ApiError extends PlugboardError {
  override name = "ApiError";
  constructor(
    message: string,
    readonly kind: string,
    readonly statusCode: number,
  ) {
    super(message);
  }
}

/** A change as GET /v2/changes/{id} reports it; only what clients read. */
export interface ChangeJson {
  readonly id: string;
  readonly kind: string;
  readonly summary: string;
  readonly status: string;
  readonly ready: boolean;
  readonly err?: string;
  readonly "spawn-time": string;
  readonly "ready-time"?: string;
  readonly tasks: ReadonlyArray<{ readonly summary: string; readonly status: string; readonly log?: readonly string[]; readonly "spawn-time": string; readonly "ready-time"?: string; readonly progress: { readonly done: number; readonly total: number } }>;
  readonly data?: Record<string, unknown>;
}

const NOT_LISTENING = new Set(["ENOENT", "ECONNREFUSED", "ENOTSOCK"]);

export class AgentClient {
  constructor(readonly socket: string) {}

  /** One request; the answer's envelope, whatever its type. */
  call(method: "GET" | "POST", path: string, body?: unknown): Promise<Envelope> {
    const data = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
    return new Promise((resolve, reject) => {
      const req = request({ socketPath: this.socket, method, path, headers: data ? { "Content-Type": "application/json", "Content-Length": data.length } : {} }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("error", reject);
        res.on("end", () => {
          try {
            resolve(JSON.parse(Buffer.concat(chunks).toString("utf8")) as Envelope);
          } catch {
            reject(new PlugboardError(`the agent at ${this.socket} answered ${method} ${path} with something that is not JSON (HTTP ${res.statusCode})`));
          }
        });
      });
      req.on("error", (e: NodeJS.ErrnoException) => reject(e.code !== undefined && NOT_LISTENING.has(e.code) ? new AgentNotRunning(`nothing listens on ${this.socket}`) : e));
      req.end(data);
    });
  }

  /** The result of a sync answer; an error answer is thrown as ApiError. */
  async get(path: string): Promise<unknown> {
    return resultOf(await this.call("GET", path));
  }

  /** Sends a change request; the change's id, or the error answer thrown. */
  async change(path: string, body: unknown): Promise<string> {
    const e = await this.call("POST", path, body);
    if (e.type === "error") throw errorOf(e);
    if (e.type !== "async" || typeof e.change !== "string") throw new PlugboardError(`the agent answered POST ${path} without a change`);
    return e.change;
  }

  /** Polls a change until it is ready, as snap does; its final form. */
  wait(id: string, pollMs = 25): Promise<ChangeJson> {
    return waitForChange((p) => this.get(p), id, pollMs);
  }
}

/** Polls GET /v2/changes/{id} through `get` until the change is ready; its final form. */
export async function waitForChange(get: (path: string) => Promise<unknown>, id: string, pollMs: number): Promise<ChangeJson> {
  for (;;) {
    const c = (await get(`/v2/changes/${encodeURIComponent(id)}`)) as ChangeJson;
    if (c.ready) return c;
    await new Promise((r) => setTimeout(r, pollMs));
  }
}

export function errorOf(e: Envelope): ApiError {
  const r = (e.result ?? {}) as { message?: unknown; kind?: unknown };
  return new ApiError(typeof r.message === "string" ? r.message : `HTTP ${e["status-code"]}`, typeof r.kind === "string" ? r.kind : "", e["status-code"]);
}

export function resultOf(e: Envelope): unknown {
  if (e.type === "error") throw errorOf(e);
  return e.result;
}
