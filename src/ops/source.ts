import { promises as fs } from "node:fs";
import path from "node:path";
import { ValidationError } from "../errors/index.js";
import { parseSnapYaml, type SnapInfo } from "../snap/index.js";
import { readFileFromSquashfs } from "../system/index.js";
import { SNAP_YAML_LIMITS } from "../yaml/index.js";

export interface SnapSource {
  /** The snap.yaml text, kept as installed metadata. */
  readonly yaml: string;
  readonly info: SnapInfo;
  /** What the user named, resolved to an absolute path. */
  readonly origin: string;
  readonly kind: "directory" | "squashfs" | "yaml";
  /** meta/gadget.yaml of a gadget snap, when it has one. */
  readonly gadgetYaml?: string;
}

const SQUASHFS_MAGIC = "hsqs";

/**
 * Reads a snap's metadata from a directory holding meta/snap.yaml, a bare
 * snap.yaml file, or a .snap squashfs image.
 */
export async function readSnapSource(given: string): Promise<SnapSource> {
  const origin = path.resolve(given);
  let st;
  try {
    st = await fs.stat(origin);
  } catch {
    throw new ValidationError(`cannot read ${given}: no such file or directory`);
  }
  let file = origin;
  let label = given;
  let yaml: string;
  let readGadget: () => Promise<string | undefined> = async () => undefined;
  let kind: SnapSource["kind"] = "yaml";
  if (st.isDirectory()) {
    kind = "directory";
    file = path.join(origin, "meta", "snap.yaml");
    label = path.join(given, "meta", "snap.yaml");
    yaml = await readBounded(file, label);
    const gadgetFile = path.join(origin, "meta", "gadget.yaml");
    readGadget = async () => ((await fs.stat(gadgetFile).catch(() => null)) ? readBounded(gadgetFile, path.join(given, "meta", "gadget.yaml")) : undefined);
  } else if (await isSquashfs(origin)) {
    kind = "squashfs";
    label = `${given}:meta/snap.yaml`;
    yaml = await readFileFromSquashfs(origin, "meta/snap.yaml", SNAP_YAML_LIMITS.maxBytes + 1);
    // A gadget without a gadget.yaml has no connections to make; unsquashfs fails on a missing file.
    readGadget = () => readFileFromSquashfs(origin, "meta/gadget.yaml", SNAP_YAML_LIMITS.maxBytes + 1).catch(() => undefined);
  } else {
    yaml = await readBounded(file, label);
  }
  const info = parseSnapYaml(yaml, { file: label });
  const gadgetYaml = info.type === "gadget" ? await readGadget() : undefined;
  return { yaml, info, origin, kind, ...(gadgetYaml !== undefined ? { gadgetYaml } : {}) };
}

async function readBounded(file: string, label: string): Promise<string> {
  let st;
  try {
    st = await fs.stat(file);
  } catch {
    throw new ValidationError(`cannot read ${label}: no such file`);
  }
  // Refuse before reading: a huge file should not be loaded to be rejected.
  if (st.size > SNAP_YAML_LIMITS.maxBytes) {
    throw new ValidationError(`document is ${st.size} bytes, larger than the ${SNAP_YAML_LIMITS.maxBytes}-byte limit`, { file: label });
  }
  return fs.readFile(file, "utf8");
}

async function isSquashfs(file: string): Promise<boolean> {
  const h = await fs.open(file, "r");
  try {
    const buf = Buffer.alloc(4);
    await h.read(buf, 0, 4, 0);
    return buf.toString("latin1") === SQUASHFS_MAGIC;
  } finally {
    await h.close();
  }
}
