// The screen's alert feed. It polls in the screen's own thread: started before the screen's code
// loads (src/cli/interactive.ts), Alertmanager works out its answer while React and Ink load. Each
// later answer is read in slices of a few ms with the event loop let run between them, only the
// alerts whose text changed are parsed, an answer that changed nothing is neither merged nor sorted,
// and a re-sent list keeps its order without a sort (alert-feed-slices.ts, feed-state.ts).
// Measured at 10,000 alerts against the earlier hand-over to a worker thread (removed since):
// peak RSS ~125 MiB instead of ~210–240 (no second isolate, no worker's copy of every alert), the
// longest stall around a refresh ~50–80 ms instead of ~150–300 (the worker's deltas still cost the
// screen's thread ten thousand alerts rebuilt when Prometheus re-sent them).
import type { Config } from '../core/config/config.js';
import { createAlertFeed, feedSources, type AlertFeed } from './alert-feed.js';
import { nextTurn } from './alert-feed-slices.js';
import { fullCollection, tightenHeap } from './feed-heap.js';

/** How long after the first answers the heap is collected (at most half an interval). */
const settlePauseMs = 1_000;

/**
 * The feed polling in this thread, its heap held close to its live size: the heap flags are set
 * from the start (at 10,000 alerts this took the peak RSS from ~160–180 to ~125 MiB), and once
 * every source has answered and the screen had a moment to draw it, the heap is collected in full
 * once (see collectOnce). Merged answers are published a turn of the event loop after the merge, so
 * a key or frame can come between.
 */
export function openAlertFeed(config: Config, intervalMs?: number): AlertFeed {
  tightenHeap();
  const feed = createAlertFeed({ sources: feedSources(config), intervalMs, pause: nextTurn });
  let pending: NodeJS.Timeout | undefined;
  const unfollow = feed.subscribe(() => {
    const snapshot = feed.getSnapshot();
    if (pending || snapshot.refreshing || snapshot.sources.some((s) => s.health === 'loading')) return;
    unfollow();
    const pauseMs = intervalMs === undefined ? settlePauseMs : Math.min(settlePauseMs, intervalMs / 2);
    pending = setTimeout(collectOnce, pauseMs);
    pending.unref();
  });
  return feed;
}

/**
 * One full collection of this thread's heap. Until V8's first full collection of a heap its old
 * generation may grow past 100 MiB: at 10,000 alerts the first answer (text and parsed JSON) and
 * every frame's leftovers piled up to ~125 MiB of heap (~60 MiB above the live size) before one
 * came. After it, V8 sizes the heap from what is live and the flags keep it there.
 */
function collectOnce(): void {
  const collect = fullCollection();
  setImmediate(collect).unref();
}
