// One small hierarchy so the CLI can map any failure to an exit code and a
// single line a user can act on.

export class PlugboardError extends Error {
  override name = "PlugboardError";
  /** Process exit code the CLI uses for this error. */
  readonly exitCode: number = 1;
}

/** Input (snap.yaml, attribute, CLI argument, file) that fails validation. */
export class ValidationError extends PlugboardError {
  override name = "ValidationError";
  constructor(
    message: string,
    readonly where: { file?: string; field?: string; value?: unknown } = {},
  ) {
    super(formatWhere(where) + message);
  }
}

/** The policy (or the connection graph) forbids what was asked. */
export class PolicyError extends PlugboardError {
  override name = "PolicyError";
}

/** Reading, locking or writing persistent state failed. */
export class StateError extends PlugboardError {
  override name = "StateError";
}

/** Wrong command-line usage: exit code 2, as commander does. */
export class UsageError extends PlugboardError {
  override name = "UsageError";
  override readonly exitCode = 2;
}

/** An external tool failed; carries what a user needs to reproduce it. */
export class SystemToolError extends PlugboardError {
  override name = "SystemToolError";
  constructor(
    readonly command: readonly string[],
    readonly exitCode_: number | null,
    readonly stderr: string,
    summary?: string,
  ) {
    const tool = command[0] ?? "?";
    const code = exitCode_ === null ? "was killed" : `exited with ${exitCode_}`;
    const err = stderr.trim().split("\n").slice(0, 5).join(" | ");
    super(`${summary ? summary + ": " : ""}${tool} ${code}${err ? `: ${err}` : ""}`);
  }
}

function formatWhere(where: { file?: string; field?: string }): string {
  const parts = [where.file, where.field].filter((p): p is string => !!p);
  return parts.length ? parts.join(": ") + ": " : "";
}

export function isPlugboardError(e: unknown): e is PlugboardError {
  return e instanceof PlugboardError;
}
