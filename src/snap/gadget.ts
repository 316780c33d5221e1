import { ValidationError } from "../errors/index.js";
import { parseYaml11 } from "../yaml/index.js";
import { isValidPlugName, isValidSnapName } from "./names.js";

/** One end of a gadget connection: a snap id (or, for unasserted snaps, a snap name) and a plug or slot. */
export interface GadgetEnd {
  readonly snap: string;
  readonly name: string;
}

/** An entry of gadget.yaml `connections:`; a missing slot means the system snap's slot named like the plug. */
export interface GadgetConnection {
  readonly plug: GadgetEnd;
  readonly slot: GadgetEnd;
}

const SNAP_ID_RE = /^[a-zA-Z0-9]{32}$/;

function parseEnd(text: unknown, field: string, file: string): GadgetEnd {
  if (typeof text !== "string") throw new ValidationError("expected SNAP-ID:NAME", { file, field });
  const colon = text.indexOf(":");
  const snap = text.slice(0, colon);
  const name = text.slice(colon + 1);
  if (colon <= 0 || !isValidPlugName(name) || !(SNAP_ID_RE.test(snap) || isValidSnapName(snap))) {
    throw new ValidationError(`${JSON.stringify(text)} is not SNAP-ID:NAME (or system:NAME)`, { file, field, value: text });
  }
  return { snap, name };
}

/** Reads the `connections:` section of a gadget.yaml; other sections belong to the image builder. */
export function parseGadgetConnections(text: string, file: string): GadgetConnection[] {
  const root = parseYaml11(text, file);
  if (root === null) return [];
  if (root.kind !== "map") throw new ValidationError("expected a map", { file });
  const conns = root.entries.get("connections");
  if (conns === undefined || (conns.kind === "scalar" && conns.value === null)) return [];
  if (conns.kind !== "seq") throw new ValidationError("expected a list", { file, field: "connections" });
  return conns.items.map((item, i) => {
    const field = `connections[${i}]`;
    if (item.kind !== "map") throw new ValidationError("expected a map with plug and slot", { file, field });
    for (const k of item.entries.keys()) if (k !== "plug" && k !== "slot") throw new ValidationError(`unknown key ${JSON.stringify(k)}`, { file, field });
    const text = (k: string) => {
      const n = item.entries.get(k);
      return n?.kind === "scalar" && typeof n.value === "string" ? n.value : n === undefined ? undefined : null;
    };
    const plug = parseEnd(text("plug"), `${field}.plug`, file);
    const slotText = text("slot");
    const slot = slotText === undefined ? { snap: "system", name: plug.name } : parseEnd(slotText, `${field}.slot`, file);
    return { plug, slot };
  });
}
