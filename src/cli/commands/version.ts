import type { Command } from "commander";
import { openApi } from "../api.js";
import { formatTable } from "../table.js";

interface SystemInfo {
  readonly series: string;
  readonly version: string;
  readonly "os-release": { readonly id: string; readonly "version-id"?: string };
  readonly "on-classic": boolean;
  readonly "kernel-version"?: string;
}

export function register(program: Command): void {
  program
    .command("version")
    .description("show the versions of the CLI and of the agent, the series, the distribution and the kernel, as snap version does")
    .action(async (_opts: unknown, cmd: Command) => {
      const api = await openApi(cmd);
      const info = (await api.get("/v2/system-info")) as SystemInfo;
      const rows: string[][] = [
        ["plugboard", PLUGBOARD_VERSION],
        // Where no agent runs, nothing answers beside this CLI.
        ["agent", api.mode === "agent" ? info.version : "-"],
        ["series", info.series],
      ];
      if (info["on-classic"]) rows.push([info["os-release"].id, info["os-release"]["version-id"] || "-"]);
      if (info["kernel-version"]) rows.push(["kernel", info["kernel-version"]]);
      const [first, ...rest] = rows;
      process.stdout.write(formatTable(first!, rest));
    });
}
