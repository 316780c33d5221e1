import { ValidationError } from "../errors/index.js";
import { verbatimPathProblem } from "../iface/index.js";

// Every value interpolated into a generated file is checked for the language
// it lands in, right before it is written. Attribute sanitisers refuse bad
// values at install time already; this is the second, independent line.

/** An absolute, clean path safe to place verbatim inside an AppArmor rule or fstab line (the rules are in iface/verbatim.ts). */
export function safeAbsolutePath(value: string, where: string): string {
  const problem = verbatimPathProblem(value, { absolute: true });
  if (problem) throw new ValidationError(`${where}: ${JSON.stringify(value)} is not a clean absolute path free of AppArmor special characters: it ${problem}`);
  return value;
}

const LABEL_RE = /^(?:unconfined|snap\.[a-z0-9-]+\.(?:\*|[a-zA-Z0-9-]+|hook\.[a-z0-9-]+|\{[a-zA-Z0-9.,-]+\}))$/;

/** An AppArmor label expression as the renderer builds them. */
export function safeLabel(value: string, where: string): string {
  if (!LABEL_RE.test(value)) throw new ValidationError(`${where}: ${JSON.stringify(value)} is not a label expression`);
  return value;
}

// Match keys only (never an assignment such as TAG+= or RUN+=), compared with
// == or !=; values of a conservative alphabet. TAG== matches a tag another rule set.
const UDEV_MATCH_RE =
  /^(?:(?:KERNEL|SUBSYSTEM|SUBSYSTEMS|DRIVER|DRIVERS|TAG|ATTR\{[A-Za-z0-9_]+\}|ATTRS\{[A-Za-z0-9_]+\}|ENV\{[A-Z0-9_]+\})(?:==|!=)"[A-Za-z0-9_.:/*?[\]-]+"(?:, )?)+$/;

/** A udev match expression: KEY=="value" or KEY!="value" pairs with conservative values. */
export function safeUdevMatch(value: string, where: string): string {
  if (!UDEV_MATCH_RE.test(value) || value.endsWith(", ")) throw new ValidationError(`${where}: ${JSON.stringify(value)} is not an acceptable udev match`);
  return value;
}
