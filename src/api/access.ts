// Who may do what through the API. Every local user may read (the sockets
// are world-writable, as snapd's is); only root changes anything. The agent
// also accepts changes from the user it runs as, so that an agent a user
// starts on a root of their own (`--root`) can be driven by that user; it
// can change nothing outside that root anyway.
import type { PeerCredentials } from "../system/peer-cred.js";
import { errorResponse, type ApiResponse } from "./response.js";

/** The uids whose requests may change the system. */
export function changersFor(agentUid: number | undefined): ReadonlySet<number> {
  return new Set(agentUid === undefined ? [0] : [0, agentUid]);
}

/**
 * undefined when the caller may change the system; otherwise snapd's answer
 * to an unprivileged change, which the snap command turns into
 * "access denied (try with sudo)".
 */
export function refuseChange(peer: PeerCredentials, changers: ReadonlySet<number>): ApiResponse | undefined {
  return changers.has(peer.uid) ? undefined : errorResponse(401, "access denied", "login-required");
}
