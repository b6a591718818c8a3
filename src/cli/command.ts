import { isAscii } from 'node:buffer';
import type { GlobalValues } from './global-flags.js';
import { escapeForTerminal } from '../core/alerts/alert-json.js';

/** What a command may touch of the outside world; tests pass their own. */
export interface CommandContext {
  /** Text, or UTF-8 bytes (writeJson writes a big document as the bytes it already made). */
  readonly stdout: { write(text: string | Uint8Array): unknown; isTTY?: boolean; columns?: number };
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
  const json = JSON.stringify(document, null, context.stdout.isTTY === true ? 2 : 0);
  // The terminal escaping changes only characters from DEL up, so UTF-8 bytes that are ASCII
  // without DEL are already the safe text: written as they are, the ~9 MB of 10,000 alerts skip the
  // escaping's scan of every character and a second conversion to bytes (~30 ms together).
  const bytes = Buffer.from(json, 'utf8');
  if (isAscii(bytes) && !bytes.includes(0x7f)) {
    context.stdout.write(bytes);
    context.stdout.write('\n');
  } else {
    context.stdout.write(`${escapeForTerminal(json)}\n`);
  }
}
