// The alert feed's snapshot and its listeners: publishing makes a new snapshot object and tells
// every listener, so useSyncExternalStore sees a change exactly when something changed.
import type { AlertFeedSnapshot } from './alert-feed.js';

/** A snapshot with subscribers. Its functions do not use `this`. */
export interface SnapshotStore {
  readonly subscribe: (listener: () => void) => () => void;
  readonly getSnapshot: () => AlertFeedSnapshot;
  /** Replaces the given fields (keeping the others) and tells every listener. */
  readonly publish: (next: Partial<AlertFeedSnapshot>) => void;
}

/** The snapshot before any source has answered. */
export function emptySnapshot(sources: AlertFeedSnapshot['sources']): AlertFeedSnapshot {
  return { alerts: [], staleAlerts: [], sources, refreshing: false, updatedAt: undefined };
}

/** A store holding `initial` until the first publish. */
export function snapshotStore(initial: AlertFeedSnapshot): SnapshotStore {
  const listeners = new Set<() => void>();
  let snapshot = initial;
  return {
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    getSnapshot: () => snapshot,
    publish: (next) => {
      snapshot = { ...snapshot, ...next };
      for (const listener of [...listeners]) listener();
    },
  };
}
