import { UsageError } from "../errors/index.js";
import { isValidPlugName, isValidSnapName } from "../snap/names.js";

/** "snap:name" as a user writes it; snap "" means the system snap (":name"). */
export interface Ref {
  readonly snap: string;
  readonly name: string;
}

/** Snap names by which users refer to the system snap. */
export const SYSTEM_ALIASES: ReadonlySet<string> = new Set(["", "core", "snapd", "system"]);

/**
 * Parses "snap:name", ":name" or "snap". A bare snap (no colon) has name "".
 * Usage errors, not validation errors: they come from the command line.
 */
export function parseRef(text: string, what: string): Ref {
  const colon = text.indexOf(":");
  const snap = colon < 0 ? text : text.slice(0, colon);
  const name = colon < 0 ? "" : text.slice(colon + 1);
  if (snap !== "" && !isValidSnapName(snap)) throw new UsageError(`invalid snap name in ${what} ${JSON.stringify(text)}`);
  if (colon >= 0 && !isValidPlugName(name)) throw new UsageError(`invalid plug or slot name in ${what} ${JSON.stringify(text)}`);
  if (snap === "" && name === "") throw new UsageError(`empty ${what}`);
  return { snap, name };
}

export const formatRef = (r: Ref): string => `${r.snap}:${r.name}`;
