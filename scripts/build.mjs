// Bundles the CLI into dist/ so `plugboard --help` starts without resolving
// hundreds of modules. Command implementations are split into chunks that load
// only when a command runs.
import { build } from "esbuild";
import { readFile, rm } from "node:fs/promises";

const outdir = new URL("../dist/", import.meta.url).pathname;
await rm(outdir, { recursive: true, force: true });
const pkg = JSON.parse(await readFile(new URL("../package.json", import.meta.url), "utf8"));
await build({
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
  logLevel: "warning",
  // CommonJS dependencies bundled into ESM still call require() for builtins.
  banner: { js: 'import { createRequire as __pbCreateRequire } from "node:module"; const require = __pbCreateRequire(import.meta.url);' },
});
