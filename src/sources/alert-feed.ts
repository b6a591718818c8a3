// The live alert list as an external store, for React's useSyncExternalStore:
//
//   const feed = createAlertFeed({ sources: feedSources(config) });
//   feed.start();
//   const snapshot = useSyncExternalStore(feed.subscribe, feed.getSnapshot);
//   ... feed.refresh() on a key, feed.stop() on unmount.
//
// It owns the one polling timer and never runs two refreshes at once. A source that fails is
// polled less often (exponential backoff, capped) while the others keep their pace; its last good
// alerts stay in the list, with the time they were fetched, until it answers again.
import type { Alert } from '../core/alerts/alert.js';
import type { Matcher } from '../core/alerts/matchers.js';
import { mergeAlerts } from '../core/alerts/merge.js';
import { sortAlerts } from '../core/alerts/select.js';
import type { Config, SourceKind } from '../core/config/config.js';
import { configuredSources, fetchSourceAlerts, type SourceAlerts } from './alert-sources.js';
import { errorLine } from '../core/errors.js';
import { SourceError } from './http-error.js';

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
  /** Merged from each source's last good answer, in every state, sorted by severity then age. */
  readonly alerts: readonly Alert[];
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
  readonly intervalMs?: number;
  /** The longest wait for a failing source; default 5 min. */
  readonly maxBackoffMs?: number;
  readonly clock?: FeedClock;
}

/** The store. Its functions do not use `this`, so `feed.subscribe` can be passed around as is. */
export interface AlertFeed {
  readonly subscribe: (listener: () => void) => () => void;
  readonly getSnapshot: () => AlertFeedSnapshot;
  /** Refreshes now and keeps polling until stop(). */
  readonly start: () => void;
  /** Refreshes every source now; while a refresh runs, returns that one instead of starting another. */
  readonly refresh: () => Promise<void>;
  /** Cancels the running refresh and the timer; results that arrive later are dropped. */
  readonly stop: () => void;
}

const realClock: FeedClock = {
  now: () => Date.now(),
  setTimeout: (callback, ms) => setTimeout(callback, ms).unref(),
  clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

/** Feed sources for every configured server, each asked with the same label matchers. */
export function feedSources(config: Config, filter: readonly Matcher[] = []): FeedSource[] {
  return configuredSources(config).map((source) => ({
    name: source.name,
    kind: source.kind,
    fetch: (signal) => fetchSourceAlerts(source, filter, signal),
  }));
}

interface SourceState {
  status: FeedSourceStatus;
  data: SourceAlerts | undefined;
  dueAt: number;
}

/** Creates a stopped feed; call start(). */
export function createAlertFeed(options: AlertFeedOptions): AlertFeed {
  const clock = options.clock ?? realClock;
  const intervalMs = options.intervalMs ?? 15_000;
  const maxBackoffMs = options.maxBackoffMs ?? 300_000;
  const states: SourceState[] = options.sources.map((source) => ({
    data: undefined,
    dueAt: 0,
    status: {
      name: source.name,
      kind: source.kind,
      health: 'loading',
      lastSuccessAt: undefined,
      error: undefined,
      consecutiveFailures: 0,
      alertCount: 0,
      problems: [],
      nextRefreshAt: undefined,
    },
  }));
  const listeners = new Set<() => void>();
  let snapshot: AlertFeedSnapshot = {
    alerts: [],
    sources: states.map((s) => s.status),
    refreshing: false,
    updatedAt: undefined,
  };
  let running = false;
  let timer: unknown;
  let inFlight: Promise<void> | undefined;
  let controller: AbortController | undefined;

  const publish = (next: Partial<AlertFeedSnapshot>) => {
    snapshot = { ...snapshot, ...next, sources: states.map((s) => s.status) };
    for (const listener of [...listeners]) listener();
  };

  const schedule = () => {
    if (timer !== undefined) clock.clearTimeout(timer);
    timer = undefined;
    if (!running || states.length === 0) return;
    const next = Math.min(...states.map((s) => s.dueAt));
    timer = clock.setTimeout(
      () => {
        timer = undefined;
        const now = clock.now();
        void cycle(states.filter((s) => s.dueAt <= now));
      },
      Math.max(0, next - clock.now()),
    );
  };

  const settle = (state: SourceState, result: PromiseSettledResult<SourceAlerts>, now: number) => {
    const previous = state.status;
    if (result.status === 'fulfilled') {
      state.data = result.value;
      state.dueAt = now + intervalMs;
      state.status = {
        ...previous,
        health: 'ok',
        lastSuccessAt: now,
        error: undefined,
        consecutiveFailures: 0,
        alertCount: result.value.alerts.length,
        problems: result.value.problems,
        nextRefreshAt: state.dueAt,
      };
      return;
    }
    const failures = previous.consecutiveFailures + 1;
    state.dueAt = now + Math.min(intervalMs * 2 ** failures, maxBackoffMs);
    const reason: unknown = result.reason;
    const error =
      reason instanceof SourceError
        ? errorLine(reason) // with its hint, as the CLI prints it
        : `${previous.kind} ${previous.name}: internal error: ${String(reason)}`;
    state.status = {
      ...previous,
      health: state.data ? 'stale' : 'failing',
      error,
      consecutiveFailures: failures,
      nextRefreshAt: state.dueAt,
    };
  };

  const cycle = (due: SourceState[]): Promise<void> => {
    if (inFlight) return inFlight;
    const ownController = new AbortController();
    controller = ownController;
    publish({ refreshing: true });
    inFlight = (async () => {
      const results = await Promise.allSettled(
        due.map((state) => {
          const source = options.sources[states.indexOf(state)] as FeedSource;
          return source.fetch(ownController.signal);
        }),
      );
      if (ownController.signal.aborted) return; // stopped meanwhile: drop these results
      const now = clock.now();
      due.forEach((state, i) => settle(state, results[i] as PromiseSettledResult<SourceAlerts>, now));
      const batches = states.flatMap((s) => (s.data ? [s.data] : []));
      const succeeded = results.some((r) => r.status === 'fulfilled');
      publish({
        alerts: succeeded ? sortAlerts(mergeAlerts(batches)) : snapshot.alerts,
        refreshing: false,
        updatedAt: succeeded ? now : snapshot.updatedAt,
      });
    })().finally(() => {
      inFlight = undefined;
      if (controller === ownController) controller = undefined;
      schedule();
    });
    return inFlight;
  };

  return {
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    getSnapshot: () => snapshot,
    start: () => {
      if (running) return;
      running = true;
      void cycle(states);
    },
    refresh: () => cycle(states),
    stop: () => {
      running = false;
      controller?.abort();
      if (timer !== undefined) clock.clearTimeout(timer);
      timer = undefined;
      if (snapshot.refreshing) publish({ refreshing: false });
    },
  };
}
