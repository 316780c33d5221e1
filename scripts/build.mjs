// Bundles the CLI into dist/ so `plugboard --help` starts without resolving
// hundreds of modules. Command implementations are split into chunks that load
// only when a command runs.
import { build } from "esbuild";
import { readdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";

const outdir = new URL("../dist/", import.meta.url).pathname;
const pkg = JSON.parse(await readFile(new URL("../package.json", import.meta.url), "utf8"));
// Overwrite in place and then drop stale chunks, so a CLI run that overlaps a
// rebuild never finds the entry point missing.
const result = await build({
  metafile: true,
  define: { PLUGBOARD_VERSION: JSON.stringify(pkg.version) },
  entryPoints: { plugboard: "src/cli/main.ts" },
  outdir,
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20",
  mainFields: ["module", "main"],
  // node-pty is native and only used by tests.
  external: ["node-pty"],
  sourcemap: "linked",
  minify: true,
  logLevel: "warning",
  // CommonJS dependencies bundled into ESM still call require() for builtins.
  banner: { js: 'import { createRequire as __pbCreateRequire } from "node:module"; const require = __pbCreateRequire(import.meta.url);' },
});

// A CLI started before this build has loaded the old entry point and may
// still import the old chunks it names, so a chunk is deleted only once it
// has been stale for a while; dist/.stale.json remembers since when.
const GRACE_MS = 10 * 60_000;
const ledger = path.join(outdir, ".stale.json");
const now = Date.now();
let staleSince = {};
try {
  staleSince = JSON.parse(await readFile(ledger, "utf8"));
} catch {
  // No ledger yet (or a damaged one): every stale file starts its grace now.
}
const fresh = new Set(Object.keys(result.metafile.outputs).map((f) => path.resolve(f)));
const keep = {};
for (const f of await readdir(outdir)) {
  if (f === ".stale.json" || f.startsWith(".stale.json.") || fresh.has(path.resolve(outdir, f))) continue;
  const since = typeof staleSince[f] === "number" ? staleSince[f] : now;
  if (now - since >= GRACE_MS) await rm(path.join(outdir, f), { force: true });
  else keep[f] = since;
}
await writeFile(`${ledger}.${process.pid}`, JSON.stringify(keep));
await rename(`${ledger}.${process.pid}`, ledger);
