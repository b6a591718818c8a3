import { writeSync } from 'node:fs';

const enterSequence = '\u001b[?1049h\u001b[H';
const leaveSequence = '\u001b[?25h\u001b[?1049l';

/**
 * Switches the terminal to the alternate screen and guarantees it is switched back: on a normal
 * return, Ctrl-C, SIGTERM, SIGHUP (terminal closed) and a crash. Returns the function that
 * restores it (safe to call more than once). On a signal, `afterRestore` runs on the user's own
 * screen before the signal is raised again (at most `afterRestoreMs`): the place to save and
 * report what would otherwise be lost.
 */
export function enterAlternateScreen(
  options: {
    fd?: number;
    beforeSignalExit?: () => void;
    afterRestore?: () => Promise<void>;
    afterRestoreMs?: number;
  } = {},
): () => void {
  const fd = options.fd ?? 1;
  let restored = false;
  const restore = () => {
    if (restored) return;
    restored = true;
    try {
      writeSync(fd, leaveSequence);
    } catch {
      // The terminal is gone (SIGHUP); nothing to restore.
    }
  };
  const onSignal = (signal: NodeJS.Signals) => {
    // Let Ink unmount first: it writes its last frame on the way out, and that must land on the
    // alternate screen we are about to leave, not on the user's own.
    try {
      options.beforeSignalExit?.();
    } catch {
      // Restoring the terminal matters more than a clean unmount.
    }
    restore();
    // Re-raise with the default handler so the exit status says which signal ended us.
    const raise = () => {
      process.removeListener(signal, onSignal);
      process.kill(process.pid, signal);
    };
    if (!options.afterRestore) return raise();
    const limit = new Promise<void>((resolve) =>
      setTimeout(resolve, options.afterRestoreMs ?? 5_000).unref(),
    );
    void Promise.race([options.afterRestore().catch(() => undefined), limit]).then(raise);
  };
  writeSync(fd, enterSequence);
  process.once('exit', restore);
  process.once('SIGTERM', onSignal);
  process.once('SIGHUP', onSignal);
  process.once('SIGINT', onSignal);
  process.once('uncaughtException', (error) => {
    restore();
    throw error;
  });
  return restore;
}
