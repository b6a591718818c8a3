import { UsageError } from '../core/errors.js';
import type { CommandContext } from './command.js';
import { parseCommandArgs } from './parse-args.js';

/**
 * `sitrep` with no command: the full-screen interface. Ink needs raw mode on a terminal, so
 * without one we say which commands work in scripts instead of crashing.
 */
export async function runInteractive(args: readonly string[], context: CommandContext): Promise<number> {
  parseCommandArgs('', args, {}, false);
  if (!context.stdinIsTTY || context.stdout.isTTY !== true) {
    throw new UsageError(
      'the interactive screen needs a terminal (stdin and stdout are not both a TTY)',
      'In scripts, use the non-interactive commands; `sitrep --help` lists them.',
    );
  }
  const { runApp } = await import('../ui/run.js');
  return runApp(args, context);
}
