// The HTTP server on the agent's unix sockets. Every local user may connect
// and read (the sockets are world-writable, as snapd's is); who may change
// anything is decided per request from the connection's peer credentials.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { isListening as answers } from "../client/listening.js";
import { promises as fs } from "node:fs";
import path from "node:path";
import { PlugboardError } from "../errors/index.js";
import { errorResponse, type ApiResponse } from "./response.js";
import { peerCredentials } from "../system/peer-cred.js";
import { route, type ApiRequest, type ApiSource } from "./router.js";
import { BodyTooLarge, isMultipart, MAX_BODY, readBody, receiveUpload } from "./upload.js";

export interface ApiServer {
  close(): Promise<void>;
}

function send(res: ServerResponse, r: ApiResponse): void {
  if (r.raw) {
    res.writeHead(r.status, { ...r.raw.headers, "Content-Type": r.raw.contentType, "Content-Length": Buffer.byteLength(r.raw.data) });
    res.end(r.raw.data);
    return;
  }
  const body = JSON.stringify(r.body);
  res.writeHead(r.status, { "Content-Type": "application/json", "Content-Length": Buffer.byteLength(body) });
  res.end(body);
}

async function handle(req: IncomingMessage, res: ServerResponse, source: ApiSource, onError: (e: unknown) => void): Promise<void> {
  const tooLarge = (limit: number) => {
    // Answered, then the connection is closed: the rest of the body is never read.
    res.setHeader("Connection", "close");
    send(res, errorResponse(413, `request body larger than ${limit} bytes`));
    res.once("finish", () => req.destroy());
  };
  // A JSON body announced larger than any request needs is refused before routing; uploads are bounded as they stream.
  if (!isMultipart(req) && Number(req.headers["content-length"] ?? 0) > MAX_BODY) return tooLarge(MAX_BODY);
  try {
    const request: ApiRequest = {
      method: req.method ?? "GET",
      url: new URL(req.url ?? "/", "http://localhost"),
      contentType: req.headers["content-type"] ?? "",
      body: () => readBody(req),
      upload: (dir) => receiveUpload(req, dir),
      peer: () => peerCredentials(req.socket),
    };
    const response = await route(request, source);
    // A body the handler did not read (a refused change) is not read at all: the connection ends with the answer.
    if (!req.complete) {
      res.setHeader("Connection", "close");
      res.once("finish", () => req.destroy());
    }
    send(res, response);
  } catch (e) {
    if (e instanceof BodyTooLarge) return tooLarge(e.limit);
    // A state that cannot be read is the user's to fix and says how; anything else is a bug.
    if (!(e instanceof PlugboardError)) onError(e);
    send(res, errorResponse(500, e instanceof Error ? e.message : String(e)));
  }
}

/** Thrown when another daemon already serves a socket: it is left alone. */
export class SocketInUse extends PlugboardError {
  override name = "SocketInUse";
  constructor(readonly file: string) {
    super(`${file} is served by another daemon (snapd, or another agent); the API is not served there`);
  }
}

/** Removes a socket a previous agent left; never one that is in use, nor anything that is not a socket. */
async function clearStaleSocket(file: string): Promise<void> {
  const st = await fs.lstat(file).catch(() => undefined);
  if (st === undefined) return;
  if (!st.isSocket()) throw new PlugboardError(`${file} exists and is not a socket; move it away so the agent can serve its API there`);
  if (await answers(file)) throw new SocketInUse(file);
  await fs.unlink(file);
}

async function listen(server: Server, file: string): Promise<void> {
  await fs.mkdir(path.dirname(file), { recursive: true, mode: 0o755 });
  await clearStaleSocket(file);
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(file, () => {
      server.off("error", reject);
      resolve();
    });
  });
  // Created under the process umask (root only may connect); opened to everyone once listening.
  await fs.chmod(file, 0o666);
}

/**
 * Serves the API on every socket given (snapd's path and Plugboard's own). A
 * socket another daemon serves is skipped and reported through onSkipped, so
 * the agent never takes snapd's socket away from a running snapd.
 */
export async function serveApi(sockets: readonly string[], source: ApiSource, onError: (e: unknown) => void, onSkipped: (e: SocketInUse) => void = () => {}): Promise<ApiServer & { readonly served: readonly string[] }> {
  const servers: Server[] = [];
  const served: string[] = [];
  for (const file of sockets) {
    const server = createServer((req, res) => void handle(req, res, source, onError));
    // A client that sends its request slowly, or never finishes it, cannot hold a connection for long.
    server.headersTimeout = 10_000;
    server.requestTimeout = 30_000;
    try {
      await listen(server, file);
    } catch (e) {
      if (!(e instanceof SocketInUse)) throw e;
      onSkipped(e);
      continue;
    }
    servers.push(server);
    served.push(file);
  }
  return {
    served,
    close: async () => {
      for (const s of servers) s.closeAllConnections();
      await Promise.all(servers.map((s) => new Promise<void>((resolve) => s.close(() => resolve()))));
      await Promise.all(served.map((f) => fs.unlink(f).catch(() => undefined)));
    },
  };
}
