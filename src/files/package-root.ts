import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

let cached: string | undefined;

/**
 * The installed package's root (where package.json, templates/ and native/
 * live), found by walking up from this module: the same answer from src/
 * under the test runner and from the bundle in dist/.
 */
export function packageRoot(): string {
  if (cached) return cached;
  const start = path.dirname(fileURLToPath(import.meta.url));
  let dir = start;
  for (;;) {
    if (existsSync(path.join(dir, "package.json")) && existsSync(path.join(dir, "templates"))) return (cached = dir);
    const up = path.dirname(dir);
    if (up === dir) throw new Error(`cannot find Plugboard's package root (templates/ next to package.json) above ${start}`);
    dir = up;
  }
}
