import { openScreenFeed } from '../app/screen-feed.js';
import type { Config } from '../core/config/config.js';
import type { Journal } from '../store/journal.js';
import type { WorkspaceSession } from '../app/services.js';
import type { AlertFeed } from '../sources/alert-feed.js';
import type { IncidentStore } from '../store/incident-store.js';
import { UsageError } from '../core/errors.js';
import type { CommandContext } from './command.js';
import { parseCommandArgs } from './parse-args.js';
import { printWarnings, resolveSourceOptionsQuickly } from './source-resolve.js';

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
 * `journal` (resume) is read while the screen's code loads, not after; it must be settled (its
 * warnings printed, or its error thrown) before the screen takes the terminal. Its session (the
 * runbook, the probes' plan) is built meanwhile too, so that the first frame can hold the checklist.
 */
export async function openScreen(
  config: Config,
  context: CommandContext,
  open: {
    alertname?: string;
    /** Resuming: the incident, its journal being read, and the store it is in. */
    resume?: { readonly id: string; readonly journal: Promise<Journal>; readonly store: IncidentStore };
  },
): Promise<number> {
  const feed = openScreenFeed(config);
  feed.start();
  let journal: Journal | undefined;
  let session: Promise<WorkspaceSession> | undefined;
  try {
    // https://no-color.org: Ink's colours come from chalk, which reads FORCE_COLOR (not NO_COLOR)
    // when the screen's code loads, so say it before loading it.
    if (context.env['NO_COLOR']) process.env['FORCE_COLOR'] = '0';
    const screen = import('../ui/run.js');
    // A journal that fails to open ends the command before the screen's code is awaited.
    screen.catch(() => undefined);
    // Resuming opens the workspace at once: its code (and the runbook lookup's) loads meanwhile too.
    if (open.resume) {
      import('../sources/runbook-lookup.js').catch(() => undefined);
      session = startSession(open.resume.journal, config, context, feed, open.resume.store);
      // Its failure is the workspace's to show (runApp hands it on); a journal's is thrown below.
      session.catch(() => undefined);
    }
    journal = await open.resume?.journal;
    const { runApp } = await screen;
    return await runApp(config, context, {
      ...(open.alertname === undefined ? {} : { alertname: open.alertname }),
      ...(open.resume ? { resumeId: open.resume.id } : {}),
      feed,
      ...(journal ? { journal } : {}),
      ...(session ? { session } : {}),
    });
  } finally {
    feed.stop();
    // Closed here when the screen never took it (closing twice is harmless).
    void session?.then(
      (opened) => opened.close(),
      () => undefined,
    );
    await journal?.close();
  }
}

/** The resumed incident's session, built once its journal is read and the workspace's code loaded. */
async function startSession(
  opening: Promise<Journal>,
  config: Config,
  context: CommandContext,
  feed: AlertFeed,
  store: IncidentStore,
): Promise<WorkspaceSession> {
  const [sessions, real, journal] = await Promise.all([
    import('../app/workspace-session.js'),
    import('../app/workspace-session-real.js'),
    opening,
  ]);
  const deps = real.realSessionDeps(config, context, feed, store);
  return sessions.resumeJournalSession(journal, feed.getSnapshot().alerts, deps);
}

/**
 * `sitrep` with no command: the inbox, or with `--alert NAME` straight into the incident for that
 * alert once it is seen firing.
 */
export async function runInteractive(args: readonly string[], context: CommandContext): Promise<number> {
  // The same server flags as every command; a wrong one fails here, before the screen opens.
  const { values } = parseCommandArgs('', args, options, false);
  const { config, warnings } = await resolveSourceOptionsQuickly({}, context);
  requireTerminal(
    context,
    'In scripts, use the non-interactive commands: sitrep alerts, probe, runbook, export (see sitrep --help).',
  );
  printWarnings(warnings, context);
  return openScreen(config, context, values.alert === undefined ? {} : { alertname: values.alert });
}
