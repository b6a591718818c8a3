// An in-memory alert feed for UI tests: the same subscribe/getSnapshot contract as the real one,
// with the data set by the test.
import type { Alert } from '../../src/core/alerts/alert.js';
import type { AlertFeedSnapshot, FeedSourceStatus } from '../../src/sources/alert-feed.js';
import type { UiServices } from '../../src/app/services.js';

type Feed = UiServices['feed'];

export interface FakeFeed extends Feed {
  set(next: Partial<AlertFeedSnapshot>): void;
  refreshes: number;
}

/** A healthy Alertmanager source status. */
export function okSource(name = 'am', alertCount = 0, lastSuccessAt = Date.now()): FeedSourceStatus {
  return {
    name,
    kind: 'alertmanager',
    health: 'ok',
    lastSuccessAt,
    error: undefined,
    consecutiveFailures: 0,
    alertCount,
    problems: [],
    nextRefreshAt: undefined,
  };
}

export function fakeFeed(alerts: readonly Alert[] = []): FakeFeed {
  const listeners = new Set<() => void>();
  let snapshot: AlertFeedSnapshot = {
    alerts,
    staleAlerts: [],
    sources: [okSource('am', alerts.length)],
    refreshing: false,
    updatedAt: Date.now(),
  };
  const feed: FakeFeed = {
    refreshes: 0,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    getSnapshot: () => snapshot,
    start() {},
    stop() {},
    refresh() {
      feed.refreshes += 1;
      return Promise.resolve();
    },
    set(next) {
      snapshot = { ...snapshot, ...next };
      for (const listener of [...listeners]) listener();
    },
  };
  return feed;
}
