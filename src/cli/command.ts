/** What a command may touch of the outside world; tests pass their own. */
export interface CommandContext {
  readonly stdout: { write(text: string): unknown; isTTY?: boolean; columns?: number };
  readonly stderr: { write(text: string): unknown; isTTY?: boolean };
  readonly stdinIsTTY: boolean;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly cwd: string;
}

/** One `sitrep <name>` subcommand. `run` returns the exit code; a UserError it throws is printed. */
export interface Command {
  readonly name: string;
  /** The whole `sitrep <name> --help` text. */
  readonly help: string;
  run(args: readonly string[], context: CommandContext): Promise<number>;
}
