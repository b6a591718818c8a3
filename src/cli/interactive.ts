import { openScreenFeed } from '../app/screen-feed.js';
import type { Config } from '../core/config/config.js';
import { UsageError } from '../core/errors.js';
import type { CommandContext } from './command.js';
import { parseCommandArgs } from './parse-args.js';
import { printWarnings, resolveSourceOptions } from './source-options.js';

const options = { alert: { type: 'string' } } as const;

/**
 * Fails with a clear message when there is no terminal: Ink needs raw mode, so without one we
 * say which commands work in scripts instead of crashing.
 */
export function requireTerminal(context: CommandContext, hint: string): void {
  if (!context.stdinIsTTY || context.stdout.isTTY !== true) {
    throw new UsageError(
      'the interactive screen needs a terminal (stdin and stdout are not both a TTY)',
      hint,
    );
  }
}

/**
 * Opens the full-screen interface (loaded lazily, so scripted commands never pay for React and
 * Ink). The alert feed asks its first question before that code loads, so the server works on its
 * answer meanwhile; the screen stops the feed when it closes, and so does a failure to open it.
 */
export async function openScreen(
  config: Config,
  context: CommandContext,
  open: { resumeId?: string; alertname?: string },
): Promise<number> {
  const feed = openScreenFeed(config);
  feed.start();
  try {
    // https://no-color.org: Ink's colours come from chalk, which reads FORCE_COLOR (not NO_COLOR)
    // when the screen's code loads, so say it before loading it.
    if (context.env['NO_COLOR']) process.env['FORCE_COLOR'] = '0';
    const { runApp } = await import('../ui/run.js');
    return await runApp(config, context, { ...open, feed });
  } finally {
    feed.stop();
  }
}

/**
 * `sitrep` with no command: the inbox, or with `--alert NAME` straight into the incident for that
 * alert once it is seen firing.
 */
export async function runInteractive(args: readonly string[], context: CommandContext): Promise<number> {
  // The same server flags as every command; a wrong one fails here, before the screen opens.
  const { values } = parseCommandArgs('', args, options, false);
  const { config, warnings } = resolveSourceOptions({}, context);
  requireTerminal(
    context,
    'In scripts, use the non-interactive commands: sitrep alerts, probe, runbook, export (see sitrep --help).',
  );
  printWarnings(warnings, context);
  return openScreen(config, context, values.alert === undefined ? {} : { alertname: values.alert });
}
