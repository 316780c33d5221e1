// POST /v2/snaps (install a .snap file sent as a multipart form, as
// `snap install --dangerous FILE` sends it) and POST /v2/snaps/{name}
// (remove). The file's metadata and the confinement flags are checked before
// a change is queued, so a bad file is answered at once and nothing is kept;
// the install itself runs as a change through the same code as the CLI's.
import { isPlugboardError } from "../errors/index.js";
import { checkConfinementFlags, installSnap, readSnapSource, removeSnap, type LoadedSystem } from "../ops/index.js";
import type { Paths } from "../paths/index.js";
import type { ChangeLog } from "./change.js";
import { asyncResponse, badRequest, errorResponse, type ApiResponse } from "./response.js";
import { BadForm, type Upload } from "./upload.js";

export interface SnapOpContext {
  readonly paths: Paths;
  readonly changes: ChangeLog;
  readonly system: LoadedSystem;
  readonly changed: () => void;
}

const flag = (fields: Readonly<Record<string, string>>, name: string) => fields[name] === "true";

/** A JSON POST /v2/snaps asks for a store install: there is no store. */
export const noStore = (): ApiResponse => badRequest("cannot install snaps from a store: Plugboard has none; send a .snap file (snap install --dangerous FILE)");

export async function installUpload(receive: () => Promise<Upload>, ctx: SnapOpContext): Promise<ApiResponse> {
  let upload: Upload;
  try {
    upload = await receive();
  } catch (e) {
    if (e instanceof BadForm) return badRequest(`cannot read POST form: ${e.message}`);
    throw e;
  }
  let queued = false;
  try {
    const { fields, file } = upload;
    const action = fields["action"] ?? "install";
    if (action !== "install") return badRequest(`unsupported action for a snap file: ${JSON.stringify(action)}`);
    if (!file) return badRequest('cannot find "snap" file field in provided multipart/form-data payload');
    if (fields["transaction"] !== undefined && fields["transaction"] !== "per-snap" && fields["transaction"] !== "all-snaps") {
      return badRequest('transaction must be either "per-snap" or "all-snaps"');
    }
    const options = { dangerous: flag(fields, "dangerous"), devmode: flag(fields, "devmode"), classic: flag(fields, "classic") };
    let name: string;
    try {
      const source = await readSnapSource(file.path);
      checkConfinementFlags(source.info, options);
      name = source.info.name;
    } catch (e) {
      if (isPlugboardError(e)) return badRequest(`cannot read snap file: ${e.message.replaceAll(file.path, file.filename)}`);
      throw e;
    }
    const summary = `Install ${JSON.stringify(name)} snap from file ${JSON.stringify(file.filename)}`;
    const c = ctx.changes.start({ kind: "install-snap", summary, snapNames: [name], data: { "snap-name": name }, tasks: [{ kind: "install-snap-file", summary }] }, async () => {
      try {
        await installSnap(ctx.paths, file.path, options);
      } finally {
        await upload.discard();
        ctx.changed();
      }
    });
    queued = true;
    return asyncResponse(c.id);
  } finally {
    if (!queued) await upload.discard();
  }
}

/** POST /v2/snaps/{name} with {"action": "remove"}; other actions need a store or revisions Plugboard does not keep. */
export function snapAction(name: string, body: Buffer, ctx: SnapOpContext): ApiResponse {
  let action: unknown;
  try {
    action = (JSON.parse(body.toString("utf8")) as { action?: unknown } | null)?.action;
  } catch (e) {
    return badRequest(`cannot decode request body into snap instruction: ${(e as Error).message}`);
  }
  if (action !== "remove") return badRequest(`unsupported snap action: ${JSON.stringify(typeof action === "string" ? action : "")}`);
  const installed = ctx.system.repo.snap(name);
  if (!installed || installed.info.name !== name) return errorResponse(400, `snap ${JSON.stringify(name)} is not installed`, "snap-not-installed", name);
  if (installed.isSystem) return badRequest(`cannot remove ${JSON.stringify(name)}: the system snap is built in`);
  const summary = `Remove ${JSON.stringify(name)} snap`;
  const c = ctx.changes.start({ kind: "remove-snap", summary, snapNames: [name], data: { "snap-names": [name] }, tasks: [{ kind: "remove-snap", summary }] }, async () => {
    try {
      await removeSnap(ctx.paths, name);
    } finally {
      ctx.changed();
    }
  });
  return asyncResponse(c.id);
}
