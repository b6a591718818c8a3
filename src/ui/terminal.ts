import { writeSync } from 'node:fs';

const enterSequence = '\u001b[?1049h\u001b[H';
const leaveSequence = '\u001b[?25h\u001b[?1049l';

/**
 * Switches the terminal to the alternate screen and guarantees it is switched back: on a normal
 * return, Ctrl-C, SIGTERM, SIGHUP (terminal closed) and a crash. Returns the function that
 * restores it (safe to call more than once).
 */
export function enterAlternateScreen(fd = 1): () => void {
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
    restore();
    // Re-raise with the default handler so the exit status says which signal ended us.
    process.removeListener(signal, onSignal);
    process.kill(process.pid, signal);
  };
  writeSync(fd, enterSequence);
  process.once('exit', restore);
  process.once('SIGTERM', onSignal);
  process.once('SIGHUP', onSignal);
  process.once('uncaughtException', (error) => {
    restore();
    throw error;
  });
  return restore;
}
