import type { Level } from "./types.js";

/** The policy level that decided, in words; kept apart so a thin client prints it without loading the policy. */
export function describeLevel(level: Level): string {
  switch (level) {
    case "plug-snap-declaration":
      return "plug snap's snap-declaration";
    case "slot-snap-declaration":
      return "slot snap's snap-declaration";
    case "base-declaration-plugs":
      return "base declaration (plugs)";
    case "base-declaration-slots":
      return "base declaration (slots)";
  }
}
