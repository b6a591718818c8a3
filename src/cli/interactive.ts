import { UsageError } from '../core/errors.js';
import type { CommandContext } from './command.js';
import { loadSourceConfig, printWarnings } from './source-options.js';

/**
 * `sitrep` with no command: the full-screen interface. Ink needs raw mode on a terminal, so
 * without one we say which commands work in scripts instead of crashing.
 */
export async function runInteractive(args: readonly string[], context: CommandContext): Promise<number> {
  // The same server flags as every command; a wrong one fails here, before the screen opens.
  const { config, warnings } = loadSourceConfig(args, context);
  if (!context.stdinIsTTY || context.stdout.isTTY !== true) {
    throw new UsageError(
      'the interactive screen needs a terminal (stdin and stdout are not both a TTY)',
      'In scripts, use the non-interactive commands; `sitrep --help` lists them.',
    );
  }
  printWarnings(warnings, context);
  const { runApp } = await import('../ui/run.js');
  return runApp(config, context);
}
