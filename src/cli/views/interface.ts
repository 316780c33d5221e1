// `interface`, laid out as snap lays it out from GET /v2/interfaces: a table
// of names and summaries, or one interface with its plugs and slots (and,
// with --attrs, their scalar attributes).
import { formatTable } from "../table.js";

interface SideJson {
  readonly snap: string;
  readonly plug?: string;
  readonly slot?: string;
  readonly label?: string;
  readonly attrs?: Record<string, unknown>;
}

export interface InterfaceJson {
  readonly name: string;
  readonly summary?: string;
  readonly "doc-url"?: string;
  readonly plugs?: readonly SideJson[];
  readonly slots?: readonly SideJson[];
}

export const formatInterfaceList = (list: readonly InterfaceJson[]): string => formatTable(["Name", "Summary"], list.map((i) => [i.name, i.summary ?? ""]));

/**
 * Lines whose first cell is aligned with the lines next to it (snap's
 * narrow tab writer: one space of padding, two columns at least); a line
 * without a second cell ends the run of lines aligned together.
 */
function aligned(lines: readonly (readonly [string, string?])[]): string {
  const out: string[] = [];
  for (let i = 0; i < lines.length; ) {
    if (lines[i]![1] === undefined) {
      out.push(lines[i++]![0]);
      continue;
    }
    let j = i;
    while (j < lines.length && lines[j]![1] !== undefined) j++;
    const width = Math.max(2, ...lines.slice(i, j).map(([c]) => c.length + 1));
    for (; i < j; i++) out.push(lines[i]![0].padEnd(width) + lines[i]![1]);
  }
  return out.map((l) => l + "\n").join("");
}

/** snap prints strings, booleans and numbers; lists and maps are left out. */
const scalar = (v: unknown): v is string | number | boolean => typeof v === "string" || typeof v === "number" || typeof v === "boolean";

export function formatInterface(iface: InterfaceJson, showAttrs: boolean): string {
  const lines: [string, string?][] = [["name:", iface.name]];
  if (iface.summary) lines.push(["summary:", iface.summary]);
  if (iface["doc-url"]) lines.push(["documentation:", iface["doc-url"]]);
  for (const [title, side, key] of [["plugs:", iface.plugs, "plug"], ["slots:", iface.slots, "slot"]] as const) {
    if (!side?.length) continue;
    lines.push([title]);
    for (const e of side) {
      const name = e[key] ?? "";
      const head = `  - ${name === iface.name ? e.snap : `${e.snap}:${name}`}${e.label ? ` (${e.label})` : ""}`;
      const attrs = Object.keys(e.attrs ?? {}).sort();
      if (!showAttrs || attrs.length === 0) {
        lines.push([head]);
        continue;
      }
      lines.push([`${head}:`]);
      for (const a of attrs) {
        const v = e.attrs![a];
        if (scalar(v)) lines.push([`      ${a}:`, String(v)]);
      }
    }
  }
  return aligned(lines);
}
