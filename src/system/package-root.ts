import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { SystemToolError } from "../errors/index.js";

let cached: string | undefined;

/**
 * The directory of Plugboard's package.json, found by walking up from this
 * module (it runs from src/system/ under vitest and from dist/ once
 * bundled). `override` names the variable that can point at a helper
 * directly, for the message when there is no package.
 */
export function packageRoot(override: string): string {
  if (cached !== undefined) return cached;
  const start = path.dirname(fileURLToPath(import.meta.url));
  for (let dir = start; ; dir = path.dirname(dir)) {
    try {
      const pkg = JSON.parse(readFileSync(path.join(dir, "package.json"), "utf8")) as { name?: unknown };
      if (pkg.name === "plugboard") return (cached = dir);
    } catch {
      // no (readable) package.json here; keep walking up
    }
    if (path.dirname(dir) === dir) {
      throw new SystemToolError(["plugboard"], null, "", `cannot find Plugboard's package root above ${start}; set ${override}`);
    }
  }
}
