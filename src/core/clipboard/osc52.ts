// Copying over the terminal itself: OSC 52 asks the terminal to put text on the system clipboard,
// which works over SSH and (when tmux lets it through) inside tmux, where no local clipboard tool can.
import { sanitizeText } from '../sanitize.js';

/**
 * The OSC 52 sequence that sets the clipboard (`c`) to `text`: `ESC ] 52 ; c ; <base64> BEL`. The
 * text is sanitized first, so no escape or control byte of a runbook or server reaches the
 * clipboard; base64 makes the payload itself safe to send.
 */
export function osc52Sequence(text: string): string {
  const payload = Buffer.from(sanitizeText(text), 'utf8').toString('base64');
  return `\u001b]52;c;${payload}\u0007`;
}

/** What decides whether a terminal will act on OSC 52. */
export interface TerminalFacts {
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Whether the screen is a terminal at all. */
  readonly isTTY: boolean;
}

/**
 * Why the clipboard may not receive a copy, in words; undefined when nothing speaks against it.
 * `send` is false when writing the sequence is pointless (no terminal to read it).
 */
export function clipboardCaveat(facts: TerminalFacts): { readonly send: boolean; readonly caveat?: string } {
  const { env } = facts;
  const term = env.TERM ?? '';
  if (!facts.isTTY) return { send: false, caveat: 'the output is not a terminal, so nothing was copied' };
  if (term === '' || term === 'dumb')
    return {
      send: true,
      caveat: `TERM is ${term === '' ? 'not set' : 'dumb'}: the terminal may not support OSC 52`,
    };
  if (term === 'linux')
    return { send: true, caveat: 'the Linux console has no clipboard (OSC 52 is ignored)' };
  if (env.TMUX !== undefined && env.TMUX !== '')
    return { send: true, caveat: 'tmux passes it on only with `set -g set-clipboard on`' };
  if (env.STY !== undefined || term.startsWith('screen'))
    return {
      send: true,
      caveat: 'GNU screen needs it wrapped, which sitrep does not do',
    };
  return { send: true };
}
