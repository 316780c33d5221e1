// Plugboard's own endpoints, beside snapd's and in the same envelopes:
// what `status`, `explain` and `profiles` print. The kernel log behind
// `denials` is not served: a user reads it with their own rights.
import { isPlugboardError } from "../errors/index.js";
import { explainPlug, generatedFiles, summarizeInterface, systemStatus, type LoadedSystem } from "../ops/index.js";
import type { Paths } from "../paths/index.js";
import { parseRef } from "../repo/refs.js";
import { badRequest, syncResponse, type ApiResponse } from "./response.js";

/** A name the user got wrong is theirs to fix: 400 with the message the CLI prints. */
async function answering(f: () => Promise<unknown>): Promise<ApiResponse> {
  try {
    return syncResponse(await f());
  } catch (e) {
    if (isPlugboardError(e)) return badRequest(e.message);
    throw e;
  }
}

/** GET /v2/plugboard/status: per app, its profile, what the kernel has loaded, its filter and udev tag; the agent's counters. */
export const statusResponse = (paths: Paths, sys: LoadedSystem, mode: "agent" | "direct"): Promise<ApiResponse> => answering(async () => ({ mode, ...(await systemStatus(paths, sys)) }));

/** GET /v2/plugboard/explain?plug=SNAP:PLUG: each candidate slot, whether it would auto-connect, and why. */
export function explainResponse(params: URLSearchParams, sys: LoadedSystem): Promise<ApiResponse> {
  const plug = params.get("plug");
  if (!plug) return Promise.resolve(badRequest("explain needs plug=SNAP:PLUG"));
  return answering(async () => explainPlug(sys, parseRef(plug, "plug")));
}

/** GET /v2/plugboard/profiles?target=SNAP[.APP]: every file generated for it, with its content. */
export function profilesResponse(params: URLSearchParams, paths: Paths, sys: LoadedSystem): Promise<ApiResponse> {
  const target = params.get("target");
  if (!target) return Promise.resolve(badRequest("profiles needs target=SNAP or SNAP.APP"));
  return answering(() => generatedFiles(paths, sys, target));
}

/**
 * GET /v2/plugboard/interface[?name=NAME]: how the base declaration treats an
 * interface; and the custom interface definitions that were skipped, with why.
 */
export function interfacePolicyResponse(params: URLSearchParams, sys: LoadedSystem): ApiResponse {
  const name = params.get("name");
  const m = name ? sys.registry.get(name) : undefined;
  return syncResponse({ problems: sys.customProblems, ...(m ? { summary: summarizeInterface(m, sys.policy.base) } : {}) });
}
