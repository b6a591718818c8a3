/** Exit codes that mean the same thing in every sitrep command. */
export const ExitCode = {
  ok: 0,
  /** The command ran but something it needed failed (a source, a probe, a finding). */
  failure: 1,
  /** The command line was wrong. */
  usage: 2,
  /** A bug: an unexpected exception. */
  internal: 70,
} as const;

export type ExitCodeValue = (typeof ExitCode)[keyof typeof ExitCode];

/**
 * An error meant for a person: a message, an optional hint saying what to try next, and the exit
 * code. It is printed without a stack trace; anything else that escapes is treated as a bug.
 */
export class UserError extends Error {
  readonly hint: string | undefined;
  readonly exitCode: ExitCodeValue;

  constructor(message: string, options: { hint?: string; exitCode?: ExitCodeValue; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'UserError';
    this.hint = options.hint;
    this.exitCode = options.exitCode ?? ExitCode.failure;
  }
}

/** A UserError for a wrong command line (exit code 2). */
export class UsageError extends UserError {
  constructor(message: string, hint = 'Run `sitrep --help` for usage.') {
    super(message, { hint, exitCode: ExitCode.usage });
    this.name = 'UsageError';
  }
}

/** What went wrong, in the thrown value's own words: an Error's message, or anything else as text. */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * The words a person reads for an error, on the screen as the CLI prints them: its message and, for
 * a UserError, the hint on what to try next ("Is Alertmanager running at …?").
 */
export function errorWords(error: unknown): { readonly message: string; readonly hint: string | undefined } {
  return { message: errorMessage(error), hint: error instanceof UserError ? error.hint : undefined };
}

/** errorWords() on one line, for a status or message line: "message. hint". */
export function errorLine(error: unknown): string {
  const { message, hint } = errorWords(error);
  if (!hint) return message;
  return /[.!?:]$/.test(message) ? `${message} ${hint}` : `${message}. ${hint}`;
}
