import { spawn } from "node:child_process";
import type { Socket } from "node:net";
import path from "node:path";
import { SystemToolError } from "../errors/index.js";
import { packageRoot } from "../files/index.js";

/** Who is at the other end of a unix socket, as the kernel recorded it at connect time. */
export interface PeerCredentials {
  readonly uid: number;
  readonly gid: number;
  readonly pid: number;
}

/** native/build/peer-cred of this package, or $PLUGBOARD_PEER_CRED. */
export function peerCredHelperPath(env: NodeJS.ProcessEnv = process.env): string {
  return env["PLUGBOARD_PEER_CRED"] || path.join(packageRoot(), "native", "build", "peer-cred");
}

/** Parses the helper's one line, "UID GID PID"; undefined for anything else. */
export function parsePeerCredentials(text: string): PeerCredentials | undefined {
  const m = /^(\d+) (\d+) (\d+)\n$/.exec(text);
  if (!m) return undefined;
  const [uid, gid, pid] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return [uid, gid, pid].every(Number.isSafeInteger) ? { uid, gid, pid } : undefined;
}

/**
 * Reads SO_PEERCRED of a connected unix socket through the native helper
 * (Node has no getsockopt): the socket's descriptor is duplicated into the
 * helper as descriptor 3. It is passed by number, not as the stream: Node
 * stops reading a stream it hands to a child, which would hang the next
 * request on a kept-alive connection. Any failure is an error, never a
 * guess: a caller whose identity is unknown is refused by the API.
 */
export function peerCredentials(socket: Socket, helper: string = peerCredHelperPath(), timeoutMs = 5000): Promise<PeerCredentials> {
  return new Promise((resolve, reject) => {
    const fail = (detail: string, code: number | null = null) =>
      reject(new SystemToolError([helper], code, detail, "cannot read the API caller's credentials (run `npm run build` if native/build/peer-cred is missing)"));
    // The descriptor of a connected socket; Node keeps it on the stream's handle.
    const fd = (socket as unknown as { _handle?: { fd?: unknown } })._handle?.fd;
    if (typeof fd !== "number" || fd < 0) return fail("the connection has no file descriptor (it is closed, or not a unix socket)");
    let child;
    try {
      child = spawn(helper, [], { stdio: ["ignore", "pipe", "pipe", fd], timeout: timeoutMs });
    } catch (e) {
      return fail((e as Error).message);
    }
    let out = "";
    let err = "";
    child.stdout!.setEncoding("utf8").on("data", (d: string) => (out += d));
    child.stderr!.setEncoding("utf8").on("data", (d: string) => (err += d));
    child.once("error", (e) => fail(e.message));
    child.once("close", (code) => {
      const cred = code === 0 ? parsePeerCredentials(out) : undefined;
      if (cred) resolve(cred);
      else fail(err || `unexpected output ${JSON.stringify(out)}`, code);
    });
  });
}
