import { writeSync } from 'node:fs';

// The alternate screen, and "alternate scroll" (1007): the terminal sends the mouse wheel as ↑/↓
// keys there, so the wheel moves through lists without sitrep capturing the mouse (Ink reads no
// mouse events, and capturing them would take text selection away from the user).
const enterSequence = '\u001b[?1049h\u001b[?1007h\u001b[H';
const leaveSequence = '\u001b[?1007l\u001b[?25h\u001b[?1049l';

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

/** The terminal as the screen holds it: the key input Ink reads and the descriptor it draws on. */
export interface HeldTerminal {
  /** Ink's input stream (process.stdin); raw mode is switched only when it is a TTY. */
  readonly stdin: NodeJS.ReadStream;
  /** The descriptor the screen is drawn on; 1 (stdout) unless told. */
  readonly fd?: number;
}

/** Erases the whole screen and scroll-back and homes the cursor: written before a full frame. */
export const clearScreenSequence = '\u001b[2J\u001b[3J\u001b[H';

/**
 * Hands the terminal to someone else — the user's shell on Ctrl-Z, `$EDITOR` — as it was before
 * sitrep started: the cursor shown, the alternate screen left, raw mode off. Pair it with
 * {@link takeBackTerminal}. While released, run a child with `spawnSync` (or keep the event loop
 * from reading stdin): Ink's input listener would otherwise compete with it for keys.
 */
export function releaseTerminal(held: HeldTerminal): void {
  if (held.stdin.isTTY) held.stdin.setRawMode(false);
  writeSync(held.fd ?? 1, leaveSequence);
}

/**
 * Takes the terminal back after {@link releaseTerminal}: the alternate screen entered and cleared,
 * the cursor hidden, raw mode on. The screen is then blank: the caller makes Ink draw a whole
 * frame (`useStdout().write('')` redraws the last one from scratch).
 */
export function takeBackTerminal(held: HeldTerminal): void {
  writeSync(held.fd ?? 1, `${enterSequence}${clearScreenSequence}\u001b[?25l`);
  if (held.stdin.isTTY) held.stdin.setRawMode(true);
}
