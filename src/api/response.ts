// The envelopes of snapd's REST API (version 2): every answer is JSON with a
// type (sync, async or error), the HTTP status repeated as status-code with
// its text, and a result; errors carry a message and, where a client acts on
// it, a kind. Clients such as the snap command and snapd-glib read these
// fields, so their names and types are kept exactly.
import { STATUS_CODES } from "node:http";

export interface ApiResponse {
  readonly status: number;
  readonly body: Record<string, unknown>;
  /** Sent instead of the JSON body where snapd answers in another format (an assertion stream). */
  readonly raw?: { readonly contentType: string; readonly headers: Readonly<Record<string, string>>; readonly data: string };
}

/** The error kinds Plugboard answers with, named as snapd names them. */
export type ErrorKind = "login-required" | "snap-not-found" | "not-found" | "interfaces-unchanged" | "snap-not-installed" | "";

const statusText = (status: number): string => STATUS_CODES[status] ?? "";

export function syncResponse(result: unknown, status = 200): ApiResponse {
  return { status, body: { type: "sync", "status-code": status, status: statusText(status), result } };
}

/** A change was made: the client follows it at GET /v2/changes/{id}. */
export function asyncResponse(change: string): ApiResponse {
  return { status: 202, body: { type: "async", "status-code": 202, status: statusText(202), result: null, change } };
}

export function errorResponse(status: number, message: string, kind: ErrorKind = "", value?: unknown): ApiResponse {
  const result: Record<string, unknown> = { message };
  if (kind) result["kind"] = kind;
  if (value !== undefined) result["value"] = value;
  return { status, body: { type: "error", "status-code": status, status: statusText(status), result } };
}

export const badRequest = (message: string): ApiResponse => errorResponse(400, message);
export const notFound = (message: string): ApiResponse => errorResponse(404, message);
export const methodNotAllowed = (method: string): ApiResponse => errorResponse(405, `method ${JSON.stringify(method)} not allowed`);
export const snapNotFound = (snap: string): ApiResponse => errorResponse(404, `snap ${JSON.stringify(snap)} not found`, "snap-not-found", snap);
