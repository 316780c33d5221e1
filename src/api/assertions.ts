// GET /v2/assertions, GET /v2/assertions/{type} and POST /v2/assertions: what
// `snap known` and `snap ack` use. Assertions go out as snapd's assertion
// stream (its media type, a count header, one blank line between them), so
// the snap command decodes and prints them as it does snapd's.
import { isPlugboardError } from "../errors/index.js";
import { decodeAssertions, type AssertionDatabase, type Assertion } from "../asserts/index.js";
import { acknowledge } from "../ops/index.js";
import type { Paths } from "../paths/index.js";
import { badRequest, syncResponse, type ApiResponse } from "./response.js";

/** The assertion types snapd knows, sorted, as it lists them. */
export const ASSERTION_TYPES: readonly string[] = [
  "account",
  "account-key",
  "account-key-request",
  "base-declaration",
  "device-session-request",
  "model",
  "preseed",
  "repair",
  "serial",
  "serial-request",
  "snap-build",
  "snap-declaration",
  "snap-developer",
  "snap-revision",
  "store",
  "system-user",
  "validation",
  "validation-set",
];

export const assertionTypesResponse = (): ApiResponse => syncResponse({ types: ASSERTION_TYPES });

const MEDIA_TYPE = "application/x.ubuntu.assertion";

/** The stream snapd's decoder reads: assertions one blank line apart, ending with a newline. */
export function assertionStream(assertions: readonly Assertion[]): string {
  return assertions.length === 0 ? "" : `${assertions.map((a) => a.text).join("\n\n")}\n`;
}

export function findAssertions(type: string, params: URLSearchParams, db: AssertionDatabase): ApiResponse {
  if (!ASSERTION_TYPES.includes(type)) return badRequest(`invalid assert type: ${JSON.stringify(type)}`);
  const headers: Record<string, string> = {};
  let json: "" | "true" | "headers" = "";
  for (const [k, v] of params) {
    if (k === "remote") {
      if (v !== "true" && v !== "false") return badRequest('"remote" query parameter when used must be set to "true" or "false" or left unset');
      // There is no store to ask: a remote query is answered from what is known here.
    } else if (k === "json") {
      if (v !== "true" && v !== "headers" && v !== "false") return badRequest('"json" query parameter when used must be set to "true" or "headers"');
      json = v === "false" ? "" : v;
    } else headers[k] = v;
  }
  const found = db.find(type, headers);
  if (json !== "") return syncResponse(found.map((a) => (json === "headers" || a.body === "" ? { headers: a.headers } : { headers: a.headers, body: a.body })));
  return {
    status: 200,
    body: {},
    raw: { contentType: `${MEDIA_TYPE}; bundle=y`, headers: { "X-Ubuntu-Assertions-Count": String(found.length) }, data: assertionStream(found) },
  };
}

/**
 * POST /v2/assertions: verifies the stream and adds all of it or none, through
 * the same code as `plugboard ack`. A stream that does not decode and one that
 * does not verify get snapd's two messages; an empty stream adds nothing.
 */
export async function addAssertions(body: Buffer, paths: Paths): Promise<ApiResponse> {
  const text = body.toString("utf8");
  let count: number;
  try {
    count = decodeAssertions(text, "request body").length;
  } catch (e) {
    if (isPlugboardError(e)) return badRequest(`cannot decode request body into assertions: ${e.message}`);
    throw e;
  }
  if (count === 0) return syncResponse(null);
  try {
    await acknowledge(paths, text, "request body");
  } catch (e) {
    if (isPlugboardError(e)) return badRequest(`assert failed: ${e.message}`);
    throw e;
  }
  return syncResponse(null);
}
