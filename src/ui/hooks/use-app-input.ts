import { useInput, useStdin } from 'ink';
import type { Dispatch } from 'react';
import { keyNames } from '../key-names.js';
import { terminalActionFor } from '../keymap.js';
import type { AppAction } from '../state/app-state.js';
import { releaseTerminal, takeBackTerminal } from '../terminal.js';
import { useRedraw } from './use-redraw.js';

/**
 * The screen's one keyboard listener: every key of every input event becomes a `key` action, in
 * order. Terminal keys (Ctrl-L redraw, Ctrl-Z suspend) act on the terminal at once, on every
 * screen and in text fields too. Without raw mode (no TTY) Ink cannot read keys, so it does not
 * listen at all.
 */
export function useAppInput(dispatch: Dispatch<AppAction>): void {
  const { isRawModeSupported, stdin } = useStdin();
  const redraw = useRedraw();
  useInput(
    (input, key) => {
      for (const name of keyNames(input, key)) {
        const terminal = terminalActionFor(name);
        if (terminal === 'redraw') redraw();
        else if (terminal === 'suspend') suspend(stdin, redraw);
        else dispatch({ type: 'key', name });
      }
    },
    { isActive: isRawModeSupported === true },
  );
}

/**
 * Ctrl-Z: in raw mode the terminal sends it as a key, not a signal, so sitrep stops itself. The
 * terminal goes back to the shell as it was, SIGTSTP stops the process, and `fg` (SIGCONT) lets
 * `kill` return here: the terminal is taken back and drawn whole. Where there is no shell to stop
 * to (an orphaned process group, e.g. started straight by tmux) the kernel discards the signal,
 * and the same code takes the terminal back at once.
 */
function suspend(stdin: NodeJS.ReadStream, redraw: () => void): void {
  releaseTerminal({ stdin });
  // The whole process group, as a shell's own Ctrl-Z would: a wrapper that started sitrep (npx,
  // npm run) stops too, so the shell sees the job stopped and gives its prompt back.
  process.kill(0, 'SIGTSTP');
  takeBackTerminal({ stdin });
  redraw();
}
