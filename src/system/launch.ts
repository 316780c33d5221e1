import { spawn } from "node:child_process";
import { closeSync, existsSync, openSync } from "node:fs";
import path from "node:path";
import { SystemToolError } from "../errors/index.js";
import { packageRoot } from "../files/index.js";

// Only root-owned system directories: the caller's PATH (or a snap's) must
// never decide which program the launcher runs as root.
const SYSTEM_BIN = ["/usr/bin", "/bin", "/usr/sbin", "/sbin"];

/** bubblewrap by absolute path: $PLUGBOARD_BWRAP (made absolute), else the first in the system directories. */
export function resolveBwrap(): string {
  const override = process.env["PLUGBOARD_BWRAP"];
  if (override) return path.resolve(override);
  for (const dir of SYSTEM_BIN) {
    const file = path.join(dir, "bwrap");
    if (existsSync(file)) return file;
  }
  throw new SystemToolError(["bwrap"], null, "", `bubblewrap is not installed in ${SYSTEM_BIN.join(", ")}; install it (Debian: apt-get install bubblewrap)`);
}

/**
 * The launcher's helper (native/confine-exec): $PLUGBOARD_CONFINE_EXEC, else
 * native/build/confine-exec under the package root. Always absolute.
 */
export function confineExecPath(): string {
  const override = process.env["PLUGBOARD_CONFINE_EXEC"];
  if (override) return path.resolve(override);
  const file = path.join(packageRoot(), "native", "build", "confine-exec");
  if (!existsSync(file)) throw new SystemToolError(["confine-exec"], null, "", `the launcher helper ${file} has not been built; run "npm run build" (it needs gcc and libc6-dev)`);
  return file;
}

/**
 * Runs bubblewrap, by absolute path and with the given fixed environment,
 * with the seccomp filter on fd 3 and the terminal passed through; resolves
 * to the app's exit status. Mount sources inside the sandbox are resolved by
 * bwrap in order, so earlier binds can serve later ones.
 */
export async function runBubblewrap(bwrap: string, argv: readonly string[], env: Readonly<Record<string, string>>, filterFile: string): Promise<number> {
  if (!path.isAbsolute(bwrap)) throw new SystemToolError([bwrap], null, "", `bubblewrap must be given by absolute path, not ${JSON.stringify(bwrap)}`);
  const fd = openSync(filterFile, "r");
  try {
    return await new Promise<number>((resolve, reject) => {
      const child = spawn(bwrap, argv, { env: { ...env }, stdio: ["inherit", "inherit", "inherit", fd] });
      child.on("error", (e) => reject(e));
      child.on("exit", (code, signal) => resolve(code ?? (signal ? 128 + 9 : 1)));
    });
  } finally {
    closeSync(fd);
  }
}
