import { useInput, useStdin } from 'ink';
import type { Dispatch } from 'react';
import { keyNames } from '../key-names.js';
import type { AppAction } from '../state/app-state.js';

/**
 * The screen's one keyboard listener: every key of every input event becomes a `key` action, in
 * order. Without raw mode (no TTY) Ink cannot read keys, so it does not listen at all.
 */
export function useAppInput(dispatch: Dispatch<AppAction>): void {
  const { isRawModeSupported } = useStdin();
  useInput(
    (input, key) => {
      for (const name of keyNames(input, key)) dispatch({ type: 'key', name });
    },
    { isActive: isRawModeSupported === true },
  );
}
