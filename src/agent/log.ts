/** One JSON object per line, or a human line, on standard error. */
export type LogFormat = "human" | "json";

export function makeLogger(format: LogFormat) {
  return (level: "info" | "warn" | "error", msg: string, fields: Record<string, unknown> = {}): void => {
    const time = new Date().toISOString();
    if (format === "json") process.stderr.write(JSON.stringify({ time, level, msg, ...fields }) + "\n");
    else {
      const extra = Object.entries(fields).map(([k, v]) => `${k}=${typeof v === "string" ? v : JSON.stringify(v)}`).join(" ");
      process.stderr.write(`${time} ${level.toUpperCase()} ${msg}${extra ? " " + extra : ""}\n`);
    }
  };
}
