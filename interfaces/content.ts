import {
  AttributeProblem,
  defineInterface,
  optionalString,
  optionalStringList,
  snapPathProblem,
} from "../src/iface/index.js";
import { isValidSnapName, type AttrMap } from "../src/snap/index.js";

const CONTENT_LABEL = /^[a-zA-Z0-9](?:[a-zA-Z0-9._-]{0,62}[a-zA-Z0-9])?$/;

export default defineInterface({
  name: "content",
  summary: "allows sharing code and data with other snaps",
  implicitOn: { core: false, classic: false },
  baseDeclaration: {
    slots: {
      "allow-installation": { "slot-snap-type": ["app", "gadget"] },
      "allow-connection": { "plug-attributes": { content: "$SLOT(content)" } },
      "allow-auto-connection": {
        "plug-publisher-id": ["$SLOT_PUBLISHER_ID"],
        "plug-attributes": { content: "$SLOT(content)" },
      },
    },
  },
  sanitizePlug: (plug): AttrMap => {
    const content = optionalString(plug.attrs, "content", CONTENT_LABEL, "a content label (letters, digits, '.', '_', '-')") ?? plug.name;
    const target = optionalString(plug.attrs, "target");
    if (target === undefined) throw new AttributeProblem("content plug must set target");
    const problem = snapPathProblem(target);
    if (problem) throw new AttributeProblem(`target ${JSON.stringify(target)} ${problem}`);
    const provider = optionalString(plug.attrs, "default-provider");
    // "snap:slot" is an older spelling that snapd still accepts; only the snap part matters.
    if (provider !== undefined && !isValidSnapName(provider.split(":")[0] ?? "")) {
      throw new AttributeProblem(`default-provider ${JSON.stringify(provider)} is not a snap name`);
    }
    return { ...plug.attrs, content };
  },
  sanitizeSlot: (slot): AttrMap => {
    const content = optionalString(slot.attrs, "content", CONTENT_LABEL, "a content label (letters, digits, '.', '_', '-')") ?? slot.name;
    const source = slot.attrs["source"];
    let where: AttrMap = slot.attrs;
    if (source !== undefined) {
      if (typeof source !== "object" || Array.isArray(source)) throw new AttributeProblem("source must be a map with read and/or write lists");
      if (slot.attrs["read"] !== undefined || slot.attrs["write"] !== undefined) {
        throw new AttributeProblem('read and write go inside the "source" section when it is present');
      }
      where = source as AttrMap;
    }
    const read = optionalStringList(where, "read", snapPathProblem) ?? [];
    const write = optionalStringList(where, "write", snapPathProblem) ?? [];
    if (read.length === 0 && write.length === 0) throw new AttributeProblem("content slot must set read or write paths");
    return { ...slot.attrs, content };
  },
});
