// GET /v2/snaps and GET /v2/snaps/{name}: the installed snaps in snapd's
// shape, what `snap list` and snapd-glib's list read. The built-in system
// snap is not an installed snap (nothing was installed to provide it), so it
// is not listed; its slots show in the connection listings.
import { headerString, type AssertionDatabase } from "../asserts/index.js";
import type { InstalledSnap, Repository } from "../repo/index.js";
import type { State } from "../state/index.js";
import { badRequest, errorResponse, syncResponse, type ApiResponse } from "./response.js";

interface SnapsSource {
  readonly repo: Repository;
  readonly state: State;
  readonly assertions: AssertionDatabase;
}

/** The publisher as snapd describes it, from the account assertion the store signed; unknown for a local install. */
function publisherOf(assertions: AssertionDatabase, publisherId: string | undefined): Record<string, string> | undefined {
  if (!publisherId) return undefined;
  const account = assertions.find("account", { "account-id": publisherId })[0];
  if (!account) return { id: publisherId, username: "", "display-name": "", validation: "unproven" };
  const h = (k: string) => headerString(account.headers, k) ?? "";
  return { id: publisherId, username: h("username"), "display-name": h("display-name"), validation: h("validation") || "unproven" };
}

export function snapJson(s: InstalledSnap, src: SnapsSource): Record<string, unknown> {
  const { info } = s;
  const recorded = src.state.snaps[info.name];
  const publisher = publisherOf(src.assertions, recorded?.["publisher-id"]);
  const apps = Object.values(info.apps)
    .sort((a, b) => (a.name < b.name ? -1 : 1))
    .map((a) => ({ snap: info.name, name: a.name, ...(a.daemon ? { daemon: a.daemon, "daemon-scope": "system", enabled: true } : {}) }));
  return {
    id: recorded?.["snap-id"] ?? "",
    summary: info.summary ?? "",
    description: "",
    name: info.name,
    ...(publisher ? { publisher } : {}),
    developer: publisher?.username ?? "",
    // Plugboard keeps one revision of a snap and it is always the one in use.
    status: "active",
    type: info.type,
    ...(info.base ? { base: info.base } : {}),
    version: info.version ?? "",
    channel: "",
    "ignore-validation": false,
    revision: s.revision,
    confinement: info.confinement,
    private: false,
    devmode: info.confinement === "devmode",
    jailmode: false,
    ...(apps.length ? { apps } : {}),
    contact: "",
    "mounted-from": recorded?.source ?? "",
  };
}

/** GET /v2/snaps: select= (enabled, the default, or all: the same here, one revision each) and snaps=NAME,… */
export function listSnaps(params: URLSearchParams, src: SnapsSource): ApiResponse {
  const select = params.get("select") ?? "";
  if (select !== "" && select !== "all" && select !== "enabled") return badRequest(`invalid select parameter: ${JSON.stringify(select)}`);
  const wanted = new Set((params.get("snaps") ?? "").split(",").map((n) => n.trim()).filter((n) => n !== ""));
  const snaps = src.repo.snaps().filter((s) => !s.isSystem && (wanted.size === 0 || wanted.has(s.info.name)));
  const r = syncResponse(snaps.map((s) => snapJson(s, src)));
  return { status: r.status, body: { ...r.body, sources: ["local"] } };
}

export function getSnap(name: string, src: SnapsSource): ApiResponse {
  const s = src.repo.snap(name);
  if (!s || s.isSystem || s.info.name !== name) return errorResponse(404, "snap not installed", "snap-not-found", name);
  return syncResponse(snapJson(s, src));
}
