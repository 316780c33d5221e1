import { execa } from "execa";
import { SystemToolError } from "../errors/index.js";

export interface RunOptions {
  readonly timeoutMs?: number;
  readonly maxBuffer?: number;
  readonly input?: string;
}

/**
 * Runs a tool with an argument array (never a shell) and returns its stdout.
 * Any failure becomes a SystemToolError with the command, exit code and stderr.
 */
export async function runTool(command: readonly string[], options: RunOptions = {}): Promise<string> {
  const [file, ...args] = command;
  if (!file) throw new Error("runTool needs a command");
  try {
    const r = await execa(file, args, {
      timeout: options.timeoutMs ?? 60_000,
      maxBuffer: options.maxBuffer ?? 16 * 1024 * 1024,
      stripFinalNewline: false,
      ...(options.input !== undefined ? { input: options.input } : {}),
    });
    return r.stdout;
  } catch (e) {
    const err = e as { exitCode?: number; signal?: string; stderr?: string; code?: string; timedOut?: boolean; isMaxBuffer?: boolean; shortMessage?: string };
    if (err.code === "ENOENT") {
      throw new SystemToolError(command, null, "", `${file} is not installed (not found on PATH)`);
    }
    const timeoutMs = options.timeoutMs ?? 60_000;
    const why = err.timedOut ? `timed out after ${timeoutMs < 10_000 ? `${timeoutMs} ms` : `${Math.round(timeoutMs / 1000)} s`}` : err.isMaxBuffer ? "produced too much output" : undefined;
    // A tool ended by a signal has no exit code; name the signal so "killed" is not a guess.
    const stderr = err.stderr || (err.exitCode === undefined && err.signal === undefined ? (err.shortMessage ?? "") : "");
    throw new SystemToolError(command, err.exitCode ?? null, stderr, why, err.signal);
  }
}
