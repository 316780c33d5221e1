import { lstatSync, readdirSync, readFileSync, realpathSync, statSync } from "node:fs";
import path from "node:path";
import { PlugboardError } from "../../errors/index.js";
import type { HostLibrariesSnippet, HostLinkRequest } from "../../iface/index.js";

// Where a slot's $SNAP/... directories are on this host, and which links its
// manifests ask for. This reads the slot snap's own files (snapd reads them
// through the snap's mount): the directory listings, the manifests and the
// existence of the libraries they name.

/** A connection's libraries cannot be offered to the host; nothing is changed. */
export class HostLibrariesProblem extends PlugboardError {
  override name = "HostLibrariesProblem";
}

/** One slot's part of the host's libraries, with every path as the host sees it. */
export interface ResolvedHostLibraries {
  readonly snap: string;
  readonly slot: string;
  readonly interface: string;
  readonly libraryDirs: readonly string[];
  readonly loaderPath: boolean;
  readonly exportList: boolean;
  /** Link path → target, both host paths. */
  readonly links: ReadonlyMap<string, string>;
}

/**
 * Paths written into host configuration (ld.so.conf.d lines, link records,
 * export lists) are kept to characters no reader splits on or treats
 * specially: no blanks, newlines, quotes, globs or backslashes.
 */
const HOST_PATH = /^\/[A-Za-z0-9._+@/-]*$/;
/** Manifest file names, which become part of a link's name. */
const MANIFEST_NAME = /^[A-Za-z0-9._+@-]+\.json$/;
/** Link names: escaped manifest paths keep systemd's \xNN escapes. */
const LINK_NAME = /^[A-Za-z0-9._+@:\\-]+$/;
/** Manifests are a few hundred bytes; anything far larger is not one. */
const MANIFEST_MAX_BYTES = 1 << 20;

export interface SlotFiles {
  readonly snap: string;
  readonly slot: string;
  readonly interface: string;
  /** The directory holding the snap's files ($SNAP) on this machine, or undefined when they are not here. */
  readonly filesDir: string | undefined;
  /** The root Plugboard manages: host paths are written relative to it. */
  readonly root: string;
}

/** Maps a validated $SNAP/... or ${SNAP}/... path to the machine path of the snap's files. */
function onMachine(where: SlotFiles, snapPath: string): string {
  const inside = snapPath.replace(/^\$\{?SNAP\}?\/?/, "");
  return path.join(where.filesDir!, inside);
}

/** The path the host sees once the root is its "/": relative to root when inside it. */
export function hostView(root: string, machinePath: string): string {
  const rel = path.relative(root, machinePath);
  return rel.startsWith("..") || path.isAbsolute(rel) ? machinePath : path.join("/", rel);
}

/** A machine path as it is written into the host's configuration, checked to be plain. */
function hostPath(where: SlotFiles, machinePath: string): string {
  const seen = hostView(where.root, machinePath);
  if (!HOST_PATH.test(seen)) {
    throw new HostLibrariesProblem(`snap "${where.snap}" slot "${where.slot}": the path ${JSON.stringify(seen)} has characters Plugboard does not write into host configuration (letters, digits, and . _ + @ / - only)`);
  }
  return seen;
}

/** systemd's escaping of a path for a unit name, which snapd uses to name links: "/" becomes "-". */
export function escapePathForName(rel: string): string {
  const clean = rel.split("/").filter((p) => p !== "").join("/");
  let out = "";
  for (let i = 0; i < clean.length; i++) {
    const c = clean[i]!;
    if (c === "/") out += "-";
    else if (/[A-Za-z0-9:_]/.test(c) || (c === "." && i > 0)) out += c;
    else out += `\\x${c.charCodeAt(0).toString(16).padStart(2, "0")}`;
  }
  return out;
}

function isRegularFile(p: string): boolean {
  try {
    return lstatSync(p).isFile();
  } catch {
    return false;
  }
}

/**
 * What one connection of the system plug to a slot makes the host do, with
 * the slot's manifests checked. Throws HostLibrariesProblem when the snap's
 * files are not on this machine or a manifest is refused.
 */
export function resolveHostLibraries(where: SlotFiles, snippet: HostLibrariesSnippet): ResolvedHostLibraries {
  const what = `snap "${where.snap}" slot "${where.slot}" (${where.interface})`;
  if (where.filesDir === undefined) {
    throw new HostLibrariesProblem(`${what}: the snap's files are not on this machine (it was installed from its snap.yaml alone), so its libraries cannot be offered to the host`);
  }
  const libraryMachine = snippet.libraryDirs.map((d) => onMachine(where, d));
  const libraryDirs = libraryMachine.map((d) => hostPath(where, d));
  const firstHolding = (file: string): string | undefined => libraryMachine.map((d) => path.join(d, file)).find((p) => isLibraryFile(where, p));
  const links = new Map<string, string>();
  const add = (link: string, machineTarget: string) => {
    const target = hostPath(where, machineTarget);
    const before = links.get(link);
    if (before !== undefined && before !== target) throw new HostLibrariesProblem(`${what}: two files would be linked as ${link}`);
    links.set(link, target);
  };
  for (const req of snippet.links ?? []) {
    if (req.kind === "library") {
      if (!LINK_NAME.test(req.file) || req.file === "." || req.file === "..") throw new HostLibrariesProblem(`${what}: ${JSON.stringify(req.file)} is not a file name`);
      const found = firstHolding(req.file);
      if (found === undefined) throw new HostLibrariesProblem(`${what}: ${JSON.stringify(req.file)} not found in the library-source directories`);
      add(path.join(req.hostDir, req.file), found);
      continue;
    }
    for (const [link, target] of manifestLinks(where, req, what, (f) => firstHolding(f) !== undefined)) add(link, target);
  }
  return { snap: where.snap, slot: where.slot, interface: where.interface, libraryDirs, loaderPath: snippet.loaderPath, exportList: snippet.exportList, links };
}

/**
 * A file of the snap, or a link to one: a library is often a link to its
 * versioned file (libfoo.so.1 -> libfoo.so.1.2), but a link that leaves the
 * snap would have the host load a file the snap does not ship.
 */
function isLibraryFile(where: SlotFiles, p: string): boolean {
  try {
    return statSync(p).isFile() && insideSnap(where, p);
  } catch {
    return false;
  }
}

/** Whether a path that exists resolves to a place inside the snap's files; true for one that does not exist. */
function insideSnap(where: SlotFiles, p: string): boolean {
  let real: string;
  try {
    real = realpathSync(p);
  } catch {
    return true;
  }
  const base = realpathSync(where.filesDir!);
  return real === base || real.startsWith(base + path.sep);
}

function manifestLinks(where: SlotFiles, req: Extract<HostLinkRequest, { kind: "manifests" }>, what: string, hasLibrary: (file: string) => boolean): [string, string][] {
  const out: [string, string][] = [];
  req.sourceDirs.forEach((dir, index) => {
    const machineDir = onMachine(where, dir);
    if (!insideSnap(where, machineDir)) throw new HostLibrariesProblem(`${what}: ${dir} leads out of the snap through a symbolic link`);
    let names: string[];
    try {
      // A directory the snap does not have contributes nothing, as in snapd.
      names = readdirSync(machineDir).sort();
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === "ENOENT" || (e as NodeJS.ErrnoException).code === "ENOTDIR") return;
      throw new HostLibrariesProblem(`${what}: cannot read ${dir}: ${(e as Error).message}`);
    }
    for (const name of names) {
      const file = path.join(machineDir, name);
      // Only regular files: a link could point anywhere on the host.
      if (!name.endsWith(".json") || !isRegularFile(file)) continue;
      if (!MANIFEST_NAME.test(name)) throw new HostLibrariesProblem(`${what}: manifest ${JSON.stringify(name)} in ${dir} has a name of other characters than letters, digits and . _ + @ -`);
      const size = lstatSync(file).size;
      if (size > MANIFEST_MAX_BYTES) throw new HostLibrariesProblem(`${what}: manifest ${name} in ${dir} is ${size} bytes; a driver manifest is a small JSON file`);
      let manifest: unknown;
      try {
        manifest = JSON.parse(readFileSync(file, "utf8"));
      } catch (e) {
        throw new HostLibrariesProblem(`${what}: manifest ${name} in ${dir} is not JSON: ${(e as Error).message}`);
      }
      const problem = req.check(manifest, hasLibrary);
      if (problem !== undefined) throw new HostLibrariesProblem(`${what}: manifest ${name} in ${dir}: ${problem}`);
      const rel = path.relative(where.filesDir!, file);
      const prefix = req.priority === undefined ? "" : `${req.priority + index}_`;
      out.push([path.join(req.hostDir, `${prefix}snap_${where.snap}_${where.slot}_${escapePathForName(rel)}`), file]);
    }
  });
  return out;
}
