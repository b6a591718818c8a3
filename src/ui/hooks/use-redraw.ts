import { useStdout } from 'ink';
import { useCallback } from 'react';
import { clearScreenSequence } from '../terminal.js';

/**
 * A function that redraws the whole screen: Ink erases what it believes it drew, the screen is
 * cleared, and Ink writes its last frame again from the top. This is the cure for anything that
 * put the screen and Ink's idea of it out of step (a resize that rewrapped lines, a program that
 * drew over us, Ctrl-Z).
 */
export function useRedraw(): () => void {
  const { stdout, write } = useStdout();
  // Not a terminal (a pipe, a test's fake stdout): there is no screen to clear.
  return useCallback(() => {
    if (stdout.isTTY) write(clearScreenSequence);
  }, [stdout, write]);
}
