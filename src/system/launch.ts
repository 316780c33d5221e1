import { spawn } from "node:child_process";
import { openSync, closeSync } from "node:fs";

/**
 * Runs bubblewrap with the seccomp filter on fd 3 and the terminal passed
 * through; resolves to the app's exit status. Mount sources inside the
 * sandbox are resolved by bwrap in order, so earlier binds can serve later ones.
 */
export async function runBubblewrap(argv: readonly string[], env: Record<string, string>, filterFile: string): Promise<number> {
  const fd = openSync(filterFile, "r");
  try {
    return await new Promise<number>((resolve, reject) => {
      const child = spawn(process.env["PLUGBOARD_BWRAP"] ?? "bwrap", argv, { env, stdio: ["inherit", "inherit", "inherit", fd] });
      child.on("error", (e) => reject(e));
      child.on("exit", (code, signal) => resolve(code ?? (signal ? 128 + 9 : 1)));
    });
  } finally {
    closeSync(fd);
  }
}
