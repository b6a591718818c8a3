// The screen's alert feed. It polls in the screen's own thread (createOneThreadFeed): started
// before the screen's code loads (src/cli/interactive.ts), Alertmanager works out its answer while
// React and Ink load. Each later answer is read in slices of a few ms with the event loop let run
// between them, only the alerts whose text changed are parsed, an answer that changed nothing is
// neither merged nor sorted, and a re-sent list keeps its order without a sort (alert-feed-slices.ts,
// feed-state.ts). Measured at 10,000 alerts against the earlier hand-over to a worker thread
// (createHybridAlertFeed, still there for a caller that passes a workerUrl): peak RSS ~125 MiB
// instead of ~210–240 (no second isolate, no worker's copy of every alert), the longest stall
// around a refresh ~50–80 ms instead of ~150–300 (the worker's deltas still cost the screen).
import type { Config } from '../core/config/config.js';
import { createAlertFeed, feedSources, type AlertFeed, type HandingFeed } from './alert-feed.js';
import { createWorkerAlertFeed, feedThread, trackFeedThread } from './alert-feed-mirror.js';
import { snapshotStore } from './alert-feed-store.js';
import { fullCollection, tightenHeap } from './feed-heap.js';
import { nextTurn } from './alert-feed-slices.js';

/** How the screen's feed is made. */
export interface OpenFeedOptions {
  readonly intervalMs?: number;
  /**
   * A worker's script (e.g. feedWorkerUrl()): the first poll in this thread, then in that worker.
   * Default (or null): in this thread throughout (createOneThreadFeed).
   */
  readonly workerUrl?: URL | null;
  /** Where the first poll runs when there is a worker: this thread (the default) or the worker. */
  readonly firstPoll?: 'this thread' | 'worker';
}

/**
 * The feed the screen uses: in this thread throughout, or, given a worker's script, its first poll
 * in this thread and then in that worker.
 */
export function openAlertFeed(config: Config, options: OpenFeedOptions = {}): AlertFeed {
  const { workerUrl } = options;
  if (!workerUrl) return createOneThreadFeed(config, options.intervalMs);
  return options.firstPoll === 'worker'
    ? createWorkerAlertFeed(config, workerUrl, options.intervalMs)
    : createHybridAlertFeed(config, workerUrl, options.intervalMs);
}

/** How long after the first answers the worker takes over (at most half an interval). */
const handOffPauseMs = 1_000;

/** A feed that polls in this thread until every source has answered once, then in a worker. */
export function createHybridAlertFeed(config: Config, workerUrl: URL, intervalMs?: number): AlertFeed {
  // Dropped at the hand-over: its sources' answers would otherwise stay here beside the mirror's.
  // Its one poll need not remember each alert's text: the worker polls from then on.
  const sources = feedSources(config, [], { reuse: false });
  let opening: HandingFeed | undefined = createAlertFeed({ sources, intervalMs });
  const store = snapshotStore(opening.getSnapshot());
  let current: AlertFeed = opening;
  let unfollow = opening.subscribe(() => {
    if (opening) store.publish(opening.getSnapshot());
    handOffSoon();
  });
  let running = false;
  let watched = false;
  let pending: NodeJS.Timeout | undefined;

  const answered = () => {
    const snapshot = opening?.getSnapshot();
    return (
      snapshot !== undefined && !snapshot.refreshing && snapshot.sources.every((s) => s.health !== 'loading')
    );
  };
  // Once the screen watches and every source has answered, after a pause in which the screen draws
  // that answer: starting the worker and copying the seed to it take the screen's thread for a
  // while (measured at 1,000 alerts: the list came after the worker's start with no pause). The
  // pause ends well before any source falls due, so no poll runs here but the first.
  function handOffSoon() {
    if (current !== opening || !running || !watched || !answered() || pending) return;
    const pauseMs = intervalMs === undefined ? handOffPauseMs : Math.min(handOffPauseMs, intervalMs / 2);
    pending = setTimeout(handOff, pauseMs);
    pending.unref();
  }
  const handOff = () => {
    pending = undefined;
    if (opening === undefined || current !== opening || !running) return;
    // A refresh (`r`) still in flight: its answer's publish calls handOffSoon again.
    const seed = opening.handOff();
    if (seed === undefined) return;
    const next = createWorkerAlertFeed(config, workerUrl, intervalMs, seed);
    opening.stop();
    unfollow();
    opening = undefined;
    current = next;
    unfollow = next.subscribe(() => store.publish(next.getSnapshot()));
    next.start();
    collectOnce();
  };

  const feed: AlertFeed = {
    subscribe: (listener) => {
      const unsubscribe = store.subscribe(listener);
      watched = true;
      handOffSoon();
      return unsubscribe;
    },
    getSnapshot: store.getSnapshot,
    start: () => {
      if (running) return;
      running = true;
      current.start();
      handOffSoon();
    },
    refresh: () => current.refresh(),
    stop: () => {
      running = false;
      clearTimeout(pending);
      pending = undefined;
      current.stop();
    },
  };
  trackFeedThread(feed, () => (opening !== undefined ? 'this thread' : feedThread(current)));
  return feed;
}

/**
 * One full collection of this thread's heap, just after the hand-over, with the heap flags applied
 * again (starting the worker put them back to V8's defaults; collected under those, it did not
 * help). Until V8's first full collection of a heap its old generation may grow past 100 MiB: at
 * 10,000 alerts the first poll's answer (text and parsed JSON) and every frame's leftovers piled
 * up to ~125 MiB of heap (~60 MiB above the live size) before one came. After it, V8 sizes the
 * heap from what is live and the flags keep it there.
 */
function collectOnce(): void {
  const collect = fullCollection();
  setImmediate(() => {
    tightenHeap();
    collect();
  }).unref();
}

/**
 * The feed polling in this thread throughout, its heap held close to its live size: the heap flags
 * are set from the start (no worker thread comes to reset them; at 10,000 alerts this took the
 * peak RSS from ~160–180 to ~125 MiB), and once every source has answered and the screen had a
 * moment to draw it, the heap is collected in full once (see collectOnce). Merged answers are
 * published a turn of the event loop after the merge, so a key or frame can come between.
 */
export function createOneThreadFeed(config: Config, intervalMs?: number): AlertFeed {
  tightenHeap();
  const feed = createAlertFeed({ sources: feedSources(config), intervalMs, pause: nextTurn });
  let pending: NodeJS.Timeout | undefined;
  const unfollow = feed.subscribe(() => {
    const snapshot = feed.getSnapshot();
    if (pending || snapshot.refreshing || snapshot.sources.some((s) => s.health === 'loading')) return;
    unfollow();
    const pauseMs = intervalMs === undefined ? handOffPauseMs : Math.min(handOffPauseMs, intervalMs / 2);
    pending = setTimeout(collectOnce, pauseMs);
    pending.unref();
  });
  return feed;
}
