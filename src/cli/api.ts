// Where a CLI command gets its answers: from the agent over its socket when
// one runs (a thin client: nothing of the core is loaded), otherwise from the
// same API answered in this process on the files under the root. Both give
// the same result shapes, so every command prints alike in either mode.
import type { Command } from "commander";
import { AgentClient, isListening, resultOf, type Envelope } from "../client/index.js";
import { pathsFrom } from "./context.js";

export interface CliApi {
  readonly mode: "agent" | "direct";
  /** The agent, when one answers; changes go to it rather than to the files. */
  readonly agent?: AgentClient;
  get(path: string): Promise<unknown>;
  /** A request that is not a change to follow (an abort): its sync result, or the error thrown. */
  post(path: string, body: unknown): Promise<unknown>;
}

export async function openApi(cmd: Command): Promise<CliApi> {
  const paths = pathsFrom(cmd);
  // Plugboard's own socket: snapd's path may belong to a real snapd.
  const socket = paths.plugboardSocket;
  const { debug = false, direct = false } = cmd.optsWithGlobals<{ debug?: boolean; direct?: boolean }>();
  if (!direct && (await isListening(socket))) {
    if (debug) process.stderr.write(`plugboard: answered by the agent on ${socket}\n`);
    const agent = new AgentClient(socket);
    return { mode: "agent", agent, get: (p) => agent.get(p), post: async (p, body) => resultOf(await agent.call("POST", p, body)) };
  }
  if (debug) process.stderr.write(`plugboard: ${direct ? "--direct" : `no agent on ${socket}`}; working directly on the files under ${paths.root}\n`);
  let source: import("../api/index.js").LoadedSource | undefined;
  const inProcess = async (method: "GET" | "POST", p: string, body?: unknown): Promise<unknown> => {
    const { route, loadedSource } = await import("../api/index.js");
    source ??= loadedSource(paths, "direct");
    const data = Buffer.from(body === undefined ? "" : JSON.stringify(body));
    const r = await route(
      {
        method,
        url: new URL(p, "http://localhost"),
        contentType: body === undefined ? "" : "application/json",
        body: async () => data,
        upload: () => Promise.reject(new Error("no upload through the CLI")),
        peer: async () => ({ uid: process.getuid?.() ?? 0, gid: process.getgid?.() ?? 0, pid: process.pid }),
      },
      source,
    );
    return resultOf(r.body as unknown as Envelope);
  };
  return { mode: "direct", get: (p) => inProcess("GET", p), post: (p, body) => inProcess("POST", p, body) };
}
