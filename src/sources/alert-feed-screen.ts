// The screen's alert feed. Its first poll runs in this thread: started before the screen's code
// loads (src/cli/interactive.ts), Alertmanager works out its answer while React and Ink load, and
// the answer reaches the screen without a worker to start first or ten thousand alerts to copy
// across threads. Once every source has answered and the screen watches the feed, the polling
// moves to a worker thread (alert-feed-mirror.ts), handed the sources' state so that it carries on
// from their next due time: the screen sees one feed, the same alerts, and no source asked twice.
import type { Config } from '../core/config/config.js';
import { createAlertFeed, feedSources, type AlertFeed, type HandingFeed } from './alert-feed.js';
import { createWorkerAlertFeed, feedThread, feedWorkerUrl, trackFeedThread } from './alert-feed-mirror.js';
import { snapshotStore } from './alert-feed-store.js';
import { fullCollection, tightenHeap } from './feed-heap.js';

/** How the screen's feed is made. */
export interface OpenFeedOptions {
  readonly intervalMs?: number;
  /** The worker's script; default: the bundle's (feedWorkerUrl). Null polls in this thread. */
  readonly workerUrl?: URL | null;
  /** Where the first poll runs when there is a worker: this thread (the default) or the worker. */
  readonly firstPoll?: 'this thread' | 'worker';
}

/**
 * The feed the screen uses: its first poll in this thread, then in a worker thread when its script
 * is there; without one, in this thread throughout.
 */
export function openAlertFeed(config: Config, options: OpenFeedOptions = {}): AlertFeed {
  const workerUrl = options.workerUrl === undefined ? feedWorkerUrl() : options.workerUrl;
  if (!workerUrl) return createAlertFeed({ sources: feedSources(config), intervalMs: options.intervalMs });
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
