// A strip chart of the history window, one character per slice of time: `█` where the alert was
// firing during the slice, `·` where it was not. Oldest on the left, now on the right.
import type { AlertHistory } from './alert-history.js';

/** The strip, `width` characters wide (at least 1). */
export function historyStrip(history: AlertHistory, width: number): string {
  const cells = Math.max(1, Math.floor(width));
  const { start, end } = history.window;
  const slice = (end - start) / cells;
  let strip = '';
  for (let i = 0; i < cells; i += 1) {
    const from = start + i * slice;
    const to = from + slice;
    const firing = history.episodes.some((e) => e.start < to && e.lastSeen >= from);
    strip += firing ? '█' : '·';
  }
  return strip;
}
