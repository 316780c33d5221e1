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

/** Wrong command-line usage: exit code 64 (EX_USAGE), as snap exits for it. */
export class UsageError extends PlugboardError {
  override name = "UsageError";
  override readonly exitCode = 64;
}

/** An external tool failed; carries what a user needs to reproduce it. */
export class SystemToolError extends PlugboardError {
  override name = "SystemToolError";
  constructor(
    readonly command: readonly string[],
    readonly exitCode_: number | null,
    readonly stderr: string,
    summary?: string,
    /** The signal that ended the tool, when one did (a timeout's SIGTERM, an OOM kill's SIGKILL). */
    readonly signal?: string,
  ) {
    const tool = command[0] ?? "?";
    // No exit code and no signal means the tool never ran (not installed, not built):
    // the summary alone says why, rather than a misleading "was killed".
    const how = exitCode_ !== null ? `exited with ${exitCode_}` : signal ? `was killed by ${signal}` : undefined;
    const err = stderr.trim().split("\n").slice(0, 5).join(" | ");
    const detail = how ? `${tool} ${how}${err ? `: ${err}` : ""}` : err ? `${tool}: ${err}` : "";
    super([summary, detail].filter((p) => !!p).join(": ") || `${tool} failed`);
  }
}

function formatWhere(where: { file?: string; field?: string }): string {
  const parts = [where.file, where.field].filter((p): p is string => !!p);
  return parts.length ? parts.join(": ") + ": " : "";
}

export function isPlugboardError(e: unknown): e is PlugboardError {
  return e instanceof PlugboardError;
}

/**
 * A Node file-system error (ENOSPC, EACCES, EROFS, EIO…): the machine's
 * condition, not a bug in Plugboard, so it is reported in one line rather than
 * as an internal error with a stack trace.
 */
export function isFileSystemError(e: unknown): e is NodeJS.ErrnoException {
  return e instanceof Error && typeof (e as NodeJS.ErrnoException).code === "string" && typeof (e as NodeJS.ErrnoException).syscall === "string";
}

/**
 * A file-system error as a StateError naming the file and the cause, such as
 * "cannot write /var/lib/plugboard/state.json: no space left on device
 * (ENOSPC)"; Node's own message for a failed write names neither the file
 * nor anything a user can act on. Other errors are returned unchanged.
 */
export function fileSystemError(e: unknown, action: string, file: string): unknown {
  if (!isFileSystemError(e)) return e;
  const cause = /^E[A-Z0-9]+: ([^,]+)/.exec(e.message)?.[1] ?? e.message;
  return new StateError(`cannot ${action} ${file}: ${cause} (${e.code})`);
}
