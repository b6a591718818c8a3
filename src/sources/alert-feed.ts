// The live alert list as an external store, for React's useSyncExternalStore:
//
//   const feed = createAlertFeed({ sources: feedSources(config) });
//   feed.start();
//   const snapshot = useSyncExternalStore(feed.subscribe, feed.getSnapshot);
//   ... feed.refresh() on a key, feed.stop() on unmount.
//
// It owns the one polling timer. Each source is polled on its own: a hung source never holds the
// others back, and each answer shows as it lands; one source never has two requests at once. A
// source that fails is polled less often (exponential backoff, capped near a few refresh
// intervals) while the others keep their pace; `refresh()` (the `r` key) asks every source now,
// failing ones included. A failing source's last good alerts stay in the list while they are
// younger than one refresh interval; older, they move to `staleAlerts`, never hiding or
// overriding what the live sources say (see liveBatches in core/alerts/merge).
import type { Alert } from '../core/alerts/alert.js';
import type { Matcher } from '../core/alerts/matchers.js';
import type { Config, SourceKind } from '../core/config/config.js';
import { configuredSources, fetchSourceAlerts, type SourceAlerts } from './alert-sources.js';
import { pollSource, pollTimer } from './alert-feed-poll.js';
import { reusingAlertmanagerFetch } from './alert-feed-slices.js';
import { emptySnapshot, snapshotStore } from './alert-feed-store.js';
import { abortSource, mergedView, newSourceState, settle, type SourceState } from './feed-state.js';

/**
 * `loading` until the first answer; `ok` when the last refresh worked; `stale` when it failed but
 * alerts from an earlier success are still shown; `failing` when it failed and there is nothing.
 */
export type SourceHealth = 'loading' | 'ok' | 'stale' | 'failing';

/** One source as the status line shows it. Times are milliseconds since the epoch. */
export interface FeedSourceStatus {
  readonly name: string;
  readonly kind: SourceKind;
  readonly health: SourceHealth;
  readonly lastSuccessAt: number | undefined;
  /** The last failure's message (names source and URL, never a secret); undefined when ok. */
  readonly error: string | undefined;
  readonly consecutiveFailures: number;
  readonly alertCount: number;
  /** Malformed items of its last answer that were skipped. */
  readonly problems: readonly string[];
  readonly nextRefreshAt: number | undefined;
}

/** What the feed holds. A new object whenever anything changes, the same one otherwise. */
export interface AlertFeedSnapshot {
  /**
   * Merged from each live source's last good answer, in every state, sorted by severity then age.
   * A failing source's answer older than one refresh interval is left out.
   */
  readonly alerts: readonly Alert[];
  /** Alerts only the stale sources (failing, data older than one interval) still report. */
  readonly staleAlerts: readonly Alert[];
  readonly sources: readonly FeedSourceStatus[];
  readonly refreshing: boolean;
  /** When the alert list last took in a successful answer. */
  readonly updatedAt: number | undefined;
}

/** Something the feed can poll: usually built from a SourceConfig by feedSources(). */
export interface FeedSource {
  readonly name: string;
  readonly kind: SourceKind;
  fetch(signal: AbortSignal): Promise<SourceAlerts>;
  /** Ends any work the source left for later (a timer, slices under way); called by feed.stop(). */
  stop?(): void;
}

/** The clock and timer functions the feed uses; tests pass fake ones. */
export interface FeedClock {
  now(): number;
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** How a feed polls. */
export interface AlertFeedOptions {
  readonly sources: readonly FeedSource[];
  /** Between refreshes of a healthy source; default 15 s. */
  readonly intervalMs?: number | undefined;
  /** The longest wait for a failing source; default three intervals, within 30 s – 60 s. */
  readonly maxBackoffMs?: number;
  readonly clock?: FeedClock;
  /**
   * When an answer changed the list, awaited between merging it and publishing it, so that the
   * screen's keys and frames are served between the two (the feed polling in the screen's thread
   * passes nextTurn); by default the list is published at once.
   */
  readonly pause?: (() => Promise<void>) | undefined;
}

/** The store. Its functions do not use `this`, so `feed.subscribe` can be passed around as is. */
export interface AlertFeed {
  readonly subscribe: (listener: () => void) => () => void;
  readonly getSnapshot: () => AlertFeedSnapshot;
  /** Refreshes now and keeps polling until stop(). */
  readonly start: () => void;
  /**
   * Asks every source now, failing ones in backoff included (a source with a request still in
   * flight keeps it); resolves when they have all answered. While one such refresh runs, returns it.
   */
  readonly refresh: () => Promise<void>;
  /**
   * Cancels the running refresh, the timer and what each source left for later; results that
   * arrive later are dropped.
   */
  readonly stop: () => void;
}

const realClock: FeedClock = {
  now: () => Date.now(),
  setTimeout: (callback, ms) => setTimeout(callback, ms).unref(),
  clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

/**
 * Feed sources for every configured server, each asked with the same label matchers. An
 * Alertmanager's alerts whose text did not change since its last answer are reused
 * (alert-feed-slices.ts).
 */
export function feedSources(config: Config, filter: readonly Matcher[] = []): FeedSource[] {
  return configuredSources(config).map((source) => ({
    name: source.name,
    kind: source.kind,
    ...(source.kind === 'alertmanager'
      ? reusingAlertmanagerFetch(source, filter)
      : { fetch: (signal: AbortSignal) => fetchSourceAlerts(source, filter, signal) }),
  }));
}

/** The default cap on a failing source's wait: three intervals, but within 30 s – 60 s. */
export function defaultMaxBackoffMs(intervalMs: number): number {
  return Math.max(intervalMs, Math.min(Math.max(intervalMs * 3, 30_000), 60_000));
}

/** Creates a stopped feed that polls in this thread; call start(). See openAlertFeed for the screen's. */
export function createAlertFeed(options: AlertFeedOptions): AlertFeed {
  const clock = options.clock ?? realClock;
  const intervalMs = options.intervalMs ?? 15_000;
  const maxBackoffMs = options.maxBackoffMs ?? defaultMaxBackoffMs(intervalMs);
  const states = options.sources.map(newSourceState);
  const store = snapshotStore(emptySnapshot(states.map((s) => s.status)));
  let running = false;
  let manual: Promise<void> | undefined;
  // The last merged view and what it was made from: an answer that changed nothing reuses it.
  let view: ReturnType<typeof mergedView> | undefined;

  // Every publish carries the sources' statuses and whether a request is out.
  const publish = (next: Partial<AlertFeedSnapshot>) =>
    store.publish({
      ...next,
      sources: states.map((s) => s.status),
      refreshing: states.some((s) => s.inFlight !== undefined),
    });

  // One source's answer (or failure) is taken in and shown as soon as it lands.
  const poll = (state: SourceState): Promise<void> =>
    pollSource(state, async (result, signal) => {
      const now = clock.now();
      settle(state, result, now, intervalMs, maxBackoffMs);
      const before = view;
      view = mergedView(states, now, intervalMs, view && { view, inputs: view.inputs });
      if (options.pause && view.alerts !== before?.alerts) {
        await options.pause();
        if (signal.aborted) return;
      }
      publish({
        alerts: view.alerts,
        staleAlerts: view.staleAlerts,
        ...(result.status === 'fulfilled' ? { updatedAt: now } : {}),
      });
      timer.schedule();
    });
  const timer = pollTimer(
    states,
    clock,
    () => running,
    (state) => void poll(state),
  );

  const refreshAll = (): Promise<void> => {
    if (manual) return manual;
    const all = Promise.all(states.map(poll)).then(() => undefined);
    publish({});
    const own = all.finally(() => {
      if (manual === own) manual = undefined;
    });
    manual = own;
    return own;
  };

  return {
    subscribe: store.subscribe,
    getSnapshot: store.getSnapshot,
    start: () => {
      if (running) return;
      running = true;
      void refreshAll();
    },
    refresh: refreshAll,
    stop: () => {
      running = false;
      for (const state of states) abortSource(state);
      for (const source of options.sources) source.stop?.();
      manual = undefined;
      timer.cancel();
      if (store.getSnapshot().refreshing) publish({});
    },
  };
}
