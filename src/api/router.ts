// Which endpoint answers a request. The endpoints served so far are reads;
// a method an endpoint does not serve gets snapd's 405, an unknown path 404.
import type { LoadedSystem } from "../ops/index.js";
import { connectionsResponse, parseConnectionsQuery } from "./connections.js";
import { methodNotAllowed, notFound, type ApiResponse } from "./response.js";
import { systemInfoResponse, type SystemFacts } from "./system-info.js";

/** What the endpoints read: the loaded system (kept in memory by the agent) and host facts. */
export interface ApiSource {
  system(): Promise<LoadedSystem>;
  facts(): Promise<SystemFacts>;
}

type Handler = (params: URLSearchParams, source: ApiSource) => Promise<ApiResponse>;

const ROUTES: Record<string, Partial<Record<string, Handler>>> = {
  "/v2/system-info": {
    GET: async (_params, source) => systemInfoResponse(await source.facts()),
  },
  "/v2/connections": {
    GET: async (params, source) => {
      const query = parseConnectionsQuery(params);
      if ("status" in query) return query;
      return connectionsResponse((await source.system()).repo, query);
    },
  },
};

export async function route(method: string, rawUrl: string, source: ApiSource): Promise<ApiResponse> {
  const url = new URL(rawUrl, "http://localhost");
  const endpoint = ROUTES[url.pathname];
  if (endpoint === undefined) return notFound("not found");
  const handler = endpoint[method];
  if (handler === undefined) return methodNotAllowed(method);
  return handler(url.searchParams, source);
}
