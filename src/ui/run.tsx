import { render } from 'ink';
import type { AppEnvironment } from '../app/real-services.js';
import type { Config } from '../core/config/config.js';
import type { AlertFeed } from '../sources/alert-feed.js';
import type { Journal } from '../store/journal.js';
import type { WorkspaceSession } from '../app/services.js';
import { App } from './app.js';
import { realServices } from '../app/real-services.js';
import { terminalClipboard } from '../app/clipboard.js';
import { platformOpener } from '../app/opener.js';
import { terminalEditor, type ScreenSuspension } from '../app/editor.js';
import { rescueUnsavedEvents } from '../app/unsaved-events.js';
import { settling } from '../app/session-plan.js';
import { enterAlternateScreen, releaseTerminal, takeBackTerminal } from './terminal.js';
import { startScreenTrace } from './trace.js';

/** What to open on: the inbox, or straight into an incident (`sitrep resume`). */
export interface RunAppOptions {
  readonly resumeId?: string;
  /** Open the incident for this alertname as soon as it is seen firing. */
  readonly alertname?: string;
  /** The alert feed, when it was opened (and started) before the screen's code loaded. */
  readonly feed?: AlertFeed;
  /** The journal of `resumeId`, opened while the screen's code loaded (closed by the caller). */
  readonly journal?: Journal;
  /** The session of that journal, started while the screen's code loaded. */
  readonly session?: Promise<WorkspaceSession>;
}

/**
 * Renders the interactive screen full-screen and resolves with the exit code when the user quits:
 * 0, or 1 when journal events could not be saved (they are printed and put in a recovery file).
 * On SIGTERM/SIGHUP/SIGINT the same rescue runs before the signal ends the process.
 */
export async function runApp(
  config: Config,
  context: AppEnvironment,
  options: RunAppOptions = {},
): Promise<number> {
  // A session built by now is on the first frame: the checklist without a frame that says
  // "opening" first. One still being built (a runbook URL to fetch) opens as any other does.
  const session = options.session && settling(options.session);
  // A fulfilled promise's reaction is queued at once, so it has run when this await resumes.
  await Promise.resolve();
  const resumed = session?.value();
  // Otherwise the first resume takes the journal and the session under way from the services.
  const handedOn = resumed ? {} : options;
  const services = {
    ...realServices(config, context, options.feed, handedOn.journal, handedOn.session),
    copy: terminalClipboard(process.stdout, context.env),
    openUrl: platformOpener(process.platform, context.env),
    editFile: terminalEditor(context.env, screenSuspension()),
  };
  const trace = startScreenTrace(context.env, process.stdin);
  const stopTracingFeed = trace
    ? services.feed.subscribe(() => trace.feedUpdate(services.feed.getSnapshot().alerts.length))
    : undefined;
  let unmount: (() => void) | undefined;
  // Printed after the screen is restored, so it stays on the user's own screen. Once only: on a
  // signal both the handler and the end of runApp get here.
  let rescuing: Promise<boolean> | undefined;
  const rescue = (): Promise<boolean> =>
    (rescuing ??= rescueUnsavedEvents().then((report) => {
      if (report !== undefined) process.stderr.write(report);
      return report === undefined;
    }));
  const restoreScreen = enterAlternateScreen({
    beforeSignalExit: () => unmount?.(),
    afterRestore: async () => {
      await rescue();
    },
  });
  try {
    const instance = render(
      <App
        services={services}
        resumeId={options.resumeId}
        openAlertname={options.alertname}
        resumed={resumed}
      />,
      // No frame rate cap (Ink's default is 30 a second): a key that comes just after a frame (the
      // clock's, or the feed's) would wait up to a frame's interval for its own, and frames here come
      // from keys, the 1 s clock and refreshes, never in a flood. Measured at 10,000 alerts, key to
      // frame p99: 24 ms at 60 fps, 15 ms uncapped (npm run bench).
      { exitOnCtrlC: true, maxFps: 0, ...(trace ? { onRender: trace.frame } : {}) },
    );
    unmount = () => instance.unmount();
    await instance.waitUntilExit();
  } finally {
    stopTracingFeed?.();
    trace?.close();
    restoreScreen();
  }
  // `q` or Ctrl-C: one more attempt for anything still unwritten, reported on the user's screen.
  return (await rescue()) ? 0 : 1;
}

/**
 * Steps the screen aside for an editor and brings it back: the user's own screen and a visible
 * cursor with the terminal in its usual (cooked) mode while the editor runs; then the alternate
 * screen again, cleared, in raw mode. Ink writes its next frame whole (each frame replaces the
 * last from the top), and the reload's message makes that frame differ from the last one.
 */
function screenSuspension(): ScreenSuspension {
  const held = { stdin: process.stdin };
  return { suspend: () => releaseTerminal(held), resume: () => takeBackTerminal(held) };
}
