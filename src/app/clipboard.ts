// The clipboard through the terminal: the OSC 52 sequence goes straight to the terminal's output
// (beside Ink's frames, not in them; it draws nothing, so Ink's idea of the screen stays true).
import { clipboardCaveat, osc52Sequence } from '../core/clipboard/osc52.js';
import type { CopyOutcome } from './services.js';

/** Where the sequence is written: the terminal sitrep draws on. */
export interface TerminalOutput {
  readonly isTTY?: boolean | undefined;
  write(bytes: string): unknown;
}

/** A copy function for this terminal and environment. */
export function terminalClipboard(
  out: TerminalOutput,
  env: Readonly<Record<string, string | undefined>>,
): (text: string) => CopyOutcome {
  return (text) => {
    const { send, caveat } = clipboardCaveat({ env, isTTY: out.isTTY === true });
    if (send) out.write(osc52Sequence(text));
    return { sent: send, caveat };
  };
}
