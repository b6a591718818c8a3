// The one way UI tests drive a screen: press keys (several in one write, as a fast typist or a
// paste delivers them) and wait until the frame shows what we expect. Never a fixed sleep.
import { render as inkRender } from 'ink-testing-library';
import type { ReactElement } from 'react';
import { sanitizeText } from '../../src/core/sanitize.js';
import { pollFor } from './poll.js';

/** Escape sequences for the keys tests press. */
export const keys = {
  up: '\u001b[A',
  down: '\u001b[B',
  right: '\u001b[C',
  left: '\u001b[D',
  pageDown: '\u001b[6~',
  pageUp: '\u001b[5~',
  enter: '\r',
  escape: '\u001b',
  backspace: '\u007f',
  ctrlC: '\u0003',
} as const;

export interface Rendered {
  /** The last frame, ANSI stripped. */
  frame(): string;
  /** Writes all parts to stdin in one write. */
  press(...parts: string[]): void;
  /** Resolves with the first frame that satisfies `predicate`; rejects with the last frame on timeout. */
  waitForFrame(predicate: (frame: string) => boolean, options?: { timeout?: number }): Promise<string>;
  /** Waits for a frame containing `text`. */
  waitForText(text: string, options?: { timeout?: number }): Promise<string>;
  unmount(): void;
  rerender(element: ReactElement): void;
}

/**
 * Renders a screen for a test: 100 columns unless `columns` says otherwise (the terminal then
 * "resizes" to it, as a real one would tell the screen), and 24 rows.
 */
export function renderUi(element: ReactElement, options: { columns?: number } = {}): Rendered {
  const instance = inkRender(element);
  if (options.columns !== undefined) {
    Object.defineProperty(instance.stdout, 'columns', { value: options.columns });
    instance.stdout.emit('resize');
  }
  const frame = () => sanitizeText(instance.lastFrame() ?? '');
  const waitForFrame = (predicate: (frame: string) => boolean, options: { timeout?: number } = {}) =>
    pollFor(frame, predicate, {
      timeoutMs: options.timeout ?? 10_000,
      intervalMs: 5,
      describe: (last) => `timed out waiting for the frame; last frame:\n${last}`,
    });
  return {
    frame,
    press: (...parts) => instance.stdin.write(parts.join('')),
    waitForFrame,
    waitForText: (text, options) => waitForFrame((f) => f.includes(text), options),
    unmount: () => instance.unmount(),
    rerender: (element) => instance.rerender(element),
  };
}
