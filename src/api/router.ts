// Which endpoint answers a request, and whether the caller may ask it. Reads
// are open to every local user; a change is checked against the caller's
// credentials before its body is even decoded, as snapd checks access first.
// A method an endpoint does not serve gets snapd's 405, an unknown path 404.
import type { LoadedSystem } from "../ops/index.js";
import type { Paths } from "../paths/index.js";
import type { PeerCredentials } from "../system/peer-cred.js";
import { refuseChange } from "./access.js";
import type { ChangeLog } from "./change.js";
import type { Upload } from "./upload.js";
import { abortChange, getChange, listChanges } from "./changes.js";
import { connectionsResponse, parseConnectionsQuery } from "./connections.js";
import { interfacesResponse, legacyInterfacesResponse, parseInterfacesQuery } from "./interface-info.js";
import { addAssertions, assertionTypesResponse, findAssertions } from "./assertions.js";
import { changeInterfaces, parseInterfaceAction } from "./interfaces.js";
import { installUpload, noStore, snapAction, type SnapOpContext } from "./snap-ops.js";
import { getSnap, listSnaps } from "./snaps.js";
import { explainResponse, interfacePolicyResponse, profilesResponse, statusResponse } from "./extras.js";
import { errorResponse, methodNotAllowed, notFound, type ApiResponse } from "./response.js";
import { systemInfoResponse, type SystemFacts } from "./system-info.js";

/** What the endpoints work on: the system the agent keeps loaded, its changes and host facts. */
export interface ApiSource {
  readonly paths: Paths;
  system(): Promise<LoadedSystem>;
  facts(): Promise<SystemFacts>;
  readonly changes: ChangeLog;
  /** Called when a change's work has finished: what is loaded may be stale. */
  changed(): void;
  /** The uids that may change the system (see access.ts). */
  readonly changers: ReadonlySet<number>;
  /** Whether the agent answers, or a CLI command in its own process (status says which). */
  readonly mode: "agent" | "direct";
}

export interface ApiRequest {
  readonly method: string;
  readonly url: URL;
  readonly contentType: string;
  /** Read only after the caller is known to be allowed: a refused change's body is never read. */
  body(): Promise<Buffer>;
  /** The multipart form of a snap upload, streamed into a directory of its own under `dir`. */
  upload(dir: string): Promise<Upload>;
  /** The caller's credentials, read from the connection only when a change needs them. */
  peer(): Promise<PeerCredentials>;
}

type Handler = (req: ApiRequest, source: ApiSource, params: Readonly<Record<string, string>>) => Promise<ApiResponse>;

interface Endpoint {
  readonly GET?: Handler;
  readonly POST?: Handler;
  /** Methods that change the system: root only. */
  readonly changes?: readonly string[];
}

const opContext = async (source: ApiSource): Promise<SnapOpContext> => ({ paths: source.paths, changes: source.changes, system: await source.system(), changed: () => source.changed() });

const ROUTES: ReadonlyArray<readonly [pattern: string, endpoint: Endpoint]> = [
  ["/v2/system-info", { GET: async (_req, source) => systemInfoResponse(await source.facts()) }],
  [
    "/v2/connections",
    {
      GET: async (req, source) => {
        const query = parseConnectionsQuery(req.url.searchParams);
        if ("status" in query) return query;
        return connectionsResponse((await source.system()).repo, query);
      },
    },
  ],
  [
    "/v2/interfaces",
    {
      GET: async (req, source) => {
        const query = parseInterfacesQuery(req.url.searchParams);
        if (query !== "legacy" && "status" in query) return query;
        const sys = await source.system();
        return query === "legacy" ? legacyInterfacesResponse(sys.repo) : interfacesResponse(sys.repo, sys.registry, query);
      },
      POST: async (req, source) => {
        const action = parseInterfaceAction(await req.body());
        if ("status" in action) return action;
        return changeInterfaces(action, { paths: source.paths, changes: source.changes, system: await source.system(), changed: () => source.changed() });
      },
      changes: ["POST"],
    },
  ],
  [
    "/v2/snaps",
    {
      GET: async (req, source) => listSnaps(req.url.searchParams, await source.system()),
      POST: async (req, source) => {
        if (!/^multipart\/form-data\b/i.test(req.contentType)) return noStore();
        return installUpload(() => req.upload(source.paths.uploadsDir), await opContext(source));
      },
      changes: ["POST"],
    },
  ],
  [
    "/v2/snaps/{name}",
    {
      GET: async (_req, source, p) => getSnap(p["name"]!, await source.system()),
      POST: async (req, source, p) => snapAction(p["name"]!, await req.body(), await opContext(source)),
      changes: ["POST"],
    },
  ],
  [
    "/v2/assertions",
    {
      GET: async () => assertionTypesResponse(),
      POST: async (req, source) => {
        try {
          return await addAssertions(await req.body(), source.paths);
        } finally {
          source.changed();
        }
      },
      changes: ["POST"],
    },
  ],
  ["/v2/assertions/{type}", { GET: async (req, source, p) => findAssertions(p["type"]!, req.url.searchParams, (await source.system()).assertions) }],
  ["/v2/changes", { GET: async (req, source) => listChanges(req.url.searchParams, source.changes) }],
  [
    "/v2/changes/{id}",
    {
      GET: async (_req, source, p) => getChange(p["id"]!, source.changes),
      POST: async (req, source, p) => abortChange(p["id"]!, await req.body(), source.changes),
      changes: ["POST"],
    },
  ],
  ["/v2/plugboard/status", { GET: async (_req, source) => statusResponse(source.paths, await source.system(), source.mode) }],
  ["/v2/plugboard/explain", { GET: async (req, source) => explainResponse(req.url.searchParams, await source.system()) }],
  ["/v2/plugboard/interface", { GET: async (req, source) => interfacePolicyResponse(req.url.searchParams, await source.system()) }],
  ["/v2/plugboard/profiles", { GET: async (req, source) => profilesResponse(req.url.searchParams, source.paths, await source.system()) }],
];

/** Matches "/v2/changes/{id}"-style patterns; a parameter is one non-empty path segment. */
function match(pattern: string, pathname: string): Record<string, string> | undefined {
  const want = pattern.split("/");
  const got = pathname.split("/");
  if (want.length !== got.length) return undefined;
  const params: Record<string, string> = {};
  for (let i = 0; i < want.length; i++) {
    const w = want[i]!;
    const g = got[i]!;
    if (w.startsWith("{") && w.endsWith("}")) {
      if (g === "") return undefined;
      try {
        params[w.slice(1, -1)] = decodeURIComponent(g);
      } catch {
        return undefined; // a malformed escape names nothing
      }
    } else if (w !== g) return undefined;
  }
  return params;
}

export async function route(req: ApiRequest, source: ApiSource): Promise<ApiResponse> {
  for (const [pattern, endpoint] of ROUTES) {
    const params = match(pattern, req.url.pathname);
    if (!params) continue;
    const handler = req.method === "GET" ? endpoint.GET : req.method === "POST" ? endpoint.POST : undefined;
    if (handler === undefined) return methodNotAllowed(req.method);
    if (endpoint.changes?.includes(req.method)) {
      let peer: PeerCredentials;
      try {
        peer = await req.peer();
      } catch (e) {
        // A caller whose identity cannot be read is refused, never assumed to be root.
        return errorResponse(403, `access denied: ${(e as Error).message}`);
      }
      const refused = refuseChange(peer, source.changers);
      if (refused) return refused;
    }
    return handler(req, source, params);
  }
  return notFound("not found");
}
