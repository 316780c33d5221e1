import { ValidationError } from "../errors/index.js";

// Every value interpolated into a generated file is checked for the language
// it lands in, right before it is written. Attribute sanitisers refuse bad
// values at install time already; this is the second, independent line.

// Characters that could end a rule, open a glob or alternation, start a
// comment or variable, or break a line in AppArmor, fstab or udev syntax.
const AA_UNSAFE = /[\s"'`\\{}[\]*?^,#@=$!<>|;\0]/;

/** An absolute, clean path safe to place verbatim inside an AppArmor rule or fstab line. */
export function safeAbsolutePath(value: string, where: string): string {
  if (!value.startsWith("/") || AA_UNSAFE.test(value) || value.includes("//") || /(^|\/)\.\.?(\/|$)/.test(value) || (value.length > 1 && value.endsWith("/"))) {
    throw new ValidationError(`${where}: ${JSON.stringify(value)} is not a clean absolute path free of AppArmor special characters`);
  }
  return value;
}

const LABEL_RE = /^(?:unconfined|snap\.[a-z0-9-]+\.(?:\*|[a-zA-Z0-9-]+|hook\.[a-z0-9-]+|\{[a-zA-Z0-9.,-]+\}))$/;

/** An AppArmor label expression as the renderer builds them. */
export function safeLabel(value: string, where: string): string {
  if (!LABEL_RE.test(value)) throw new ValidationError(`${where}: ${JSON.stringify(value)} is not a label expression`);
  return value;
}

const UDEV_MATCH_RE = /^(?:(?:KERNEL|SUBSYSTEM|SUBSYSTEMS|DRIVERS|ATTR\{[A-Za-z0-9_]+\}|ATTRS\{[A-Za-z0-9_]+\}|ENV\{[A-Z0-9_]+\})=="[A-Za-z0-9_.:/*?[\]-]+"(?:, )?)+$/;

/** A udev match expression: KEY=="value" pairs with conservative values. */
export function safeUdevMatch(value: string, where: string): string {
  if (!UDEV_MATCH_RE.test(value) || value.endsWith(", ")) throw new ValidationError(`${where}: ${JSON.stringify(value)} is not an acceptable udev match`);
  return value;
}
