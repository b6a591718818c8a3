import type { AlertFeed } from '../sources/alert-feed.js';

/**
 * Everything the screen needs from the outside world. `sitrep` builds the real ones from the
 * config; UI tests pass in-memory ones.
 */
export interface UiServices {
  readonly feed: Pick<AlertFeed, 'subscribe' | 'getSnapshot' | 'start' | 'stop' | 'refresh'>;
  /** Milliseconds since the epoch. */
  readonly now: () => number;
}
