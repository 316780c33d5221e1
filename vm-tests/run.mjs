// `npm run test:vm`: bundles the harness (TypeScript) and runs it. The
// harness imports Plugboard's own launcher planning, so it is bundled with
// the sources rather than run from the CLI bundle.
import { build } from "esbuild";
import { fileURLToPath } from "node:url";

const out = fileURLToPath(new URL("../dist-vm/vm-tests.mjs", import.meta.url));
await build({
  entryPoints: [fileURLToPath(new URL("./main.ts", import.meta.url))],
  outfile: out,
  bundle: true,
  format: "esm",
  platform: "node",
  target: "node20",
  external: ["node-pty", "esbuild"],
  sourcemap: "inline",
  logLevel: "warning",
  banner: { js: 'import { createRequire as __pbCreateRequire } from "node:module"; const require = __pbCreateRequire(import.meta.url);' },
});
const { main } = await import(out);
process.exitCode = await main(process.argv.slice(2));
