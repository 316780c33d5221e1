import { execFileSync } from "node:child_process";

// End-to-end tests run the bundled CLI, so bundle it once before any test.
export default function setup(): void {
  execFileSync(process.execPath, ["scripts/build-native.mjs"], { stdio: "inherit" });
  execFileSync(process.execPath, ["scripts/build.mjs"], { stdio: "inherit" });
}
