// Builds the native helpers under native/ into native/build/.
//
//   node scripts/build-native.mjs [--force]
//
// Needs a C compiler ($CC, default cc) and libseccomp's headers (Debian:
// libseccomp-dev). A helper is rebuilt only when its source or this script is
// newer than the binary, unless --force. The binary is written under a
// temporary name and renamed, so a concurrent build or test never runs a
// half-written file.
import { spawnSync } from "node:child_process";
import { mkdirSync, renameSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const nativeDir = path.join(root, "native");
const outDir = path.join(nativeDir, "build");
const force = process.argv.includes("--force");
const cc = process.env.CC || "cc";

const helpers = [
  { name: "seccomp-compile", sources: ["seccomp-compile.c"], libs: ["-lseccomp"], hint: "libseccomp-dev" },
  // Static: it runs inside the sandbox before confinement is complete, so it
  // must not depend on the host's (or a snap's) dynamic loader setup.
  { name: "confine-exec", sources: ["confine-exec.c"], libs: ["-static"], hint: "libc6-dev" },
  { name: "peer-cred", sources: ["peer-cred.c"], libs: [], hint: "libc6-dev" },
];

const mtime = (file) => {
  try {
    return statSync(file).mtimeMs;
  } catch {
    return undefined;
  }
};

mkdirSync(outDir, { recursive: true });
let failed = false;
for (const h of helpers) {
  const out = path.join(outDir, h.name);
  const sources = h.sources.map((s) => path.join(nativeDir, s));
  const built = mtime(out);
  const newest = Math.max(...[...sources, fileURLToPath(import.meta.url)].map((f) => mtime(f) ?? Infinity));
  if (!force && built !== undefined && built >= newest) continue;

  const tmp = path.join(outDir, `.${h.name}.${process.pid}.tmp`);
  const args = ["-std=gnu11", "-O2", "-Wall", "-Wextra", "-Werror", "-D_FORTIFY_SOURCE=2", "-o", tmp, ...sources, ...h.libs];
  const r = spawnSync(cc, args, { stdio: ["ignore", "inherit", "inherit"] });
  if (r.status !== 0) {
    rmSync(tmp, { force: true });
    const why = r.error ? `${cc}: ${r.error.message}` : `${cc} exited with ${r.status ?? r.signal}`;
    console.error(`build-native: cannot build ${h.name} (${why}); it needs a C compiler and ${h.hint} (Debian: apt-get install gcc ${h.hint})`);
    failed = true;
    continue;
  }
  renameSync(tmp, out);
  console.log(`build-native: built ${path.relative(root, out)}`);
}
process.exit(failed ? 1 : 0);
