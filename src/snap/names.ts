// Name rules as snapd applies them. The snap-name check is written as a linear
// scan on purpose: the obvious regular expression backtracks exponentially.

const PLUG_SLOT_IFACE_RE = /^[a-z](?:-?[a-z0-9])*$/;
const APP_RE = /^[a-zA-Z0-9](?:-?[a-zA-Z0-9])*$/;
const HOOK_RE = /^[a-z](?:-?[a-z0-9])*$/;

export const MAX_SNAP_NAME_LENGTH = 40;

/** Returns why `name` is not a valid snap name, or null when it is. */
export function snapNameProblem(name: string): string | null {
  if (name.length === 0) return "snap name cannot be empty";
  if (name.length > MAX_SNAP_NAME_LENGTH) return `snap name cannot be longer than ${MAX_SNAP_NAME_LENGTH} characters`;
  let letters = 0;
  for (let i = 0; i < name.length; i++) {
    const c = name[i]!;
    if (c >= "a" && c <= "z") letters++;
    else if (c === "-") {
      if (i === 0 || i === name.length - 1 || name[i - 1] === "-") {
        return "snap name cannot start or end with a hyphen, nor contain two in a row";
      }
    } else if (!(c >= "0" && c <= "9")) {
      return "snap name may only contain lowercase letters, digits and hyphens";
    }
  }
  if (letters === 0) return "snap name must contain at least one letter";
  return null;
}

export const isValidSnapName = (n: string): boolean => snapNameProblem(n) === null;
export const isValidAppName = (n: string): boolean => APP_RE.test(n);
export const isValidHookName = (n: string): boolean => HOOK_RE.test(n);
export const isValidPlugName = (n: string): boolean => PLUG_SLOT_IFACE_RE.test(n);
export const isValidSlotName = isValidPlugName;

/**
 * An environment variable name as the C library and shells read one. An "="
 * would split the entry into another name and value, and a newline or NUL
 * would end it early, so anything else is refused.
 */
export const ENV_NAME_RE = /^[A-Za-z_][A-Za-z0-9_]*$/;
export const isValidEnvName = (n: string): boolean => ENV_NAME_RE.test(n);
export const isValidInterfaceName = isValidPlugName;

const FIXED_HOOKS = new Set([
  "configure",
  "default-configure",
  "install",
  "install-device",
  "pre-refresh",
  "post-refresh",
  "remove",
  "prepare-device",
  "gate-auto-refresh",
  "check-health",
  "fde-setup",
  "save",
]);
const PER_INTERFACE_HOOK_RE = /^(?:prepare|unprepare|connect|disconnect)-(?:plug|slot)-[a-z](?:-?[a-z0-9])*$/;

/** snapd only runs hooks it knows; it ignores others in snap.yaml. */
export function isSupportedHook(name: string): boolean {
  return FIXED_HOOKS.has(name) || PER_INTERFACE_HOOK_RE.test(name);
}

// snap-exec splits commands on spaces and cannot handle quotes; snapd keeps
// the app section to this alphabet.
const APP_CONTENT_RE = /^[A-Za-z0-9/. _#:$-]*$/;
export const isValidAppContent = (s: string): boolean => APP_CONTENT_RE.test(s);

const VERSION_RE = /^[a-zA-Z0-9](?:[a-zA-Z0-9:.+~-]{0,30}[a-zA-Z0-9+~])?$/;
export const isValidVersion = (v: string): boolean => VERSION_RE.test(v);
