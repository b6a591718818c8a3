import type { GlobalValues } from './global-flags.js';

/** What a command may touch of the outside world; tests pass their own. */
export interface CommandContext {
  readonly stdout: { write(text: string): unknown; isTTY?: boolean; columns?: number };
  readonly stderr: { write(text: string): unknown; isTTY?: boolean };
  readonly stdinIsTTY: boolean;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly cwd: string;
  /** The whole of stdin as text (for `sitrep note ID -`); absent when there is none to read. */
  readonly readStdin?: () => Promise<string>;
  /**
   * The global flags (src/cli/global-flags.ts), wherever they stood on the command line; main()
   * parses them before the command runs. resolveSourceOptions() applies them.
   */
  readonly globals?: GlobalValues;
}

/** One `sitrep <name>` subcommand. `run` returns the exit code; a UserError it throws is printed. */
export interface Command {
  readonly name: string;
  /** The whole `sitrep <name> --help` text. */
  readonly help: string;
  /** Global flags this command defines its own way (`export -o FILE`): they are left to it. */
  readonly shadows?: readonly string[];
  run(args: readonly string[], context: CommandContext): Promise<number>;
}
