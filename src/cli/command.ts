import type { Output } from './closed-pipe.js';
import type { GlobalValues } from './global-flags.js';
import { writeJsonPieces } from './json-pieces.js';

/** What a command may touch of the outside world; tests pass their own. */
export interface CommandContext {
  /** Text, or UTF-8 bytes (writeJson writes a document as the bytes it already made). */
  readonly stdout: Output;
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

/**
 * Writes a `--json` document: indented for a person at a terminal, compact for a program reading
 * a pipe (as amtool and `jq -c` do; at 10,000 alerts the indentation was a third of the output).
 */
export function writeJson(context: Pick<CommandContext, 'stdout'>, document: unknown): void {
  writeJsonPieces(context.stdout, document, context.stdout.isTTY === true ? 2 : 0);
}
