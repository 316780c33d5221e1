// GET /v2/changes, GET /v2/changes/{id} and POST /v2/changes/{id} (abort),
// with snapd's query, messages and shapes.
import { changeInfo, isReady, type Change, type ChangeLog } from "./change.js";
import { badRequest, notFound, syncResponse, type ApiResponse } from "./response.js";

const SELECTS: Record<string, (c: Change) => boolean> = {
  all: () => true,
  "in-progress": (c) => !isReady(c),
  ready: (c) => isReady(c),
};

export function listChanges(params: URLSearchParams, changes: ChangeLog): ApiResponse {
  const select = SELECTS[params.get("select") || "in-progress"];
  if (!select) return badRequest("select should be one of: all,in-progress,ready");
  const snap = params.get("for") ?? "";
  const wanted = (c: Change) => select(c) && (snap === "" || c.snapNames.includes(snap));
  return syncResponse(changes.all().filter(wanted).map(changeInfo));
}

const missing = (id: string) => notFound(`cannot find change with id ${JSON.stringify(id)}`);

export function getChange(id: string, changes: ChangeLog): ApiResponse {
  const c = changes.get(id);
  return c ? syncResponse(changeInfo(c)) : missing(id);
}

export function abortChange(id: string, body: Buffer, changes: ChangeLog): ApiResponse {
  if (!changes.get(id)) return missing(id);
  let action: unknown;
  try {
    action = (JSON.parse(body.toString("utf8")) as { action?: unknown } | null)?.action;
  } catch (e) {
    return badRequest(`cannot decode data from request body: ${(e as Error).message}`);
  }
  if (action !== "abort") return badRequest(`change action ${JSON.stringify(typeof action === "string" ? action : "")} is unsupported`);
  const r = changes.abort(id);
  return "error" in r ? badRequest(r.error) : syncResponse(changeInfo(r));
}
