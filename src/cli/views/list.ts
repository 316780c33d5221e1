// `list`, laid out as snap lays it out from GET /v2/snaps.
import { formatTable } from "../table.js";

export interface SnapJson {
  readonly name: string;
  readonly version?: string;
  readonly revision: string;
  readonly type?: string;
  readonly status?: string;
  readonly confinement?: string;
  readonly devmode?: boolean;
  readonly jailmode?: boolean;
  readonly private?: boolean;
  readonly "tracking-channel"?: string;
  readonly publisher?: { readonly username: string; readonly validation?: string };
}

/** snap's notes column: the type where it is not an app, then each flag that holds. */
export function notes(s: SnapJson): string {
  const ns: string[] = [];
  if (s.type === "os") ns.push("core");
  else if (s.type && s.type !== "app") ns.push(s.type);
  if (s.status !== "active") ns.push("disabled");
  if (s.devmode) ns.push("devmode");
  if (s.jailmode) ns.push("jailmode");
  if (!s.jailmode && s.confinement === "classic") ns.push("classic");
  if (s.private) ns.push("private");
  return ns.join(",") || "-";
}

/** A publisher as snap shows it without colour: the username, "**" when verified, "*" when starred. */
function publisher(p: SnapJson["publisher"]): string {
  if (!p) return "-";
  return p.username + (p.validation === "verified" ? "**" : p.validation === "starred" ? "*" : "");
}

/** A three-part channel is shortened to its track and risk, as snap does. */
function channel(ch: string | undefined): string {
  if (!ch) return "-";
  const parts = ch.split("/");
  return parts.length === 3 ? `${parts[0]}/${parts[1]}/…` : ch;
}

export function formatList(snaps: readonly SnapJson[]): string {
  const sorted = [...snaps].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return formatTable(
    ["Name", "Version", "Rev", "Tracking", "Publisher", "Notes"],
    sorted.map((s) => [s.name, s.version || "-", s.revision, channel(s["tracking-channel"]), publisher(s.publisher), notes(s)]),
  );
}
