// Bundles the CLI into dist/ so `plugboard --help` starts without resolving
// hundreds of modules. Command implementations are split into chunks that load
// only when a command runs.
import { build } from "esbuild";
import { readdir, readFile, rm } from "node:fs/promises";
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

const fresh = new Set(Object.keys(result.metafile.outputs).map((f) => path.resolve(f)));
for (const f of await readdir(outdir)) {
  if (!fresh.has(path.resolve(outdir, f))) await rm(path.join(outdir, f), { force: true });
}
