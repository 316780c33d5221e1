// The one place that decides whether an attribute value may be written
// verbatim into a generated AppArmor rule, udev rule or fstab line. Interface
// modules, custom interfaces and the backends all ask here, so a gap closed
// here is closed everywhere; modules may add tighter rules of their own.
//
// Nothing is quoted or escaped on the way out (rules are written as bare
// words, fstab fields are split on blanks), so anything short of plain
// printable ASCII without syntax is refused rather than encoded:
// - control characters and DEL end a line or hide text in a terminal showing
//   a profile, diff or `profiles` output;
// - non-ASCII can look like something it is not, and a lone UTF-16 surrogate
//   is written as U+FFFD, so the file would differ from the value checked;
// - the syntax characters below open a glob, alternation, group, comment,
//   variable or quoted string, or end a rule or a match.
// snapd accepts more in some places (it puts paths in double quotes); a snap
// relying on that gets the plug or slot dropped as bad, with this reason.

/** Characters AppArmor, udev or fstab read as syntax. Parentheses close `peer=(…)` and `options=(…)` groups. */
const SYNTAX = "\"'`\\{}[]*?^,#@=$!<>|;()";

export interface VerbatimOptions {
  /** Pattern characters the caller places in a rule on purpose (such as "*" or "*?[]"); the other syntax characters stay refused. */
  readonly globs?: string;
}

const codePoint = (c: number) => `U+${c.toString(16).toUpperCase().padStart(4, "0")}`;

/** Why `value` cannot stand verbatim in a generated rule or fstab line, or null when it can. */
export function verbatimTextProblem(value: string, options: VerbatimOptions = {}): string | null {
  const globs = options.globs ?? "";
  for (const ch of value) {
    const c = ch.codePointAt(0)!;
    const refused = (what: string) => `contains a character that is not allowed here: ${what}`;
    if (c < 0x20 || c === 0x7f) return refused(`${codePoint(c)}, a control character`);
    if (c === 0x20) return refused("a space");
    if (c > 0x7e) return refused(`${JSON.stringify(ch)} (${codePoint(c)}); only printable ASCII is accepted`);
    if (SYNTAX.includes(ch) && !globs.includes(ch)) return refused(`${JSON.stringify(ch)}, which AppArmor, udev or fstab read as syntax`);
  }
  return null;
}

/**
 * The canonical spelling of a slash-separated path: doubled slashes, "."
 * segments and trailing slashes removed, each ".." taking away the segment
 * before it (at the root it stays at the root). A relative path keeps the
 * ".." segments it cannot resolve; an empty path is ".".
 */
export function cleanPath(p: string): string {
  const rooted = p.startsWith("/");
  const kept: string[] = [];
  for (const segment of p.split("/")) {
    if (segment === "" || segment === ".") continue;
    if (segment === "..") {
      if (kept.length > 0 && kept[kept.length - 1] !== "..") kept.pop();
      else if (!rooted) kept.push("..");
      continue;
    }
    kept.push(segment);
  }
  const body = kept.join("/");
  return rooted ? `/${body}` : body === "" ? "." : body;
}

/**
 * Why `p` is not a canonical path, or null: it must equal its cleaned form
 * (as snapd requires with its "try …" messages) and must neither be "." nor
 * climb out with a leading "..". The kernel resolves ".." before AppArmor
 * matches, so a rule for /dev/../etc/shadow grants /etc/shadow.
 */
export function cleanPathProblem(p: string): string | null {
  if (p.length === 0) return "must not be empty";
  const clean = cleanPath(p);
  if (clean !== p) return `is not a clean path (".", "..", doubled or trailing "/"); write ${JSON.stringify(clean)} if that is what is meant`;
  if (clean === "." || clean === ".." || clean.startsWith("../")) return 'is not a clean path (it is "." or starts with "..")';
  return null;
}

/** Why `p` cannot be written verbatim as a path (or part of one) in a rule or fstab line, or null. */
export function verbatimPathProblem(p: string, options: VerbatimOptions & { readonly absolute?: boolean } = {}): string | null {
  if (options.absolute && !p.startsWith("/")) return 'must be an absolute path (starting with "/")';
  return verbatimTextProblem(p, options) ?? cleanPathProblem(p);
}
