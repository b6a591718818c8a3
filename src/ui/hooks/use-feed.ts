import { useEffect, useSyncExternalStore, type Dispatch } from 'react';
import type { AlertFeedSnapshot } from '../../sources/alert-feed.js';
import type { UiServices } from '../../app/services.js';
import type { AppAction } from '../state/app-state.js';

/** Starts the alert feed for the screen's lifetime and hands each new alert list to the reducer. */
export function useFeed(feed: UiServices['feed'], dispatch: Dispatch<AppAction>): AlertFeedSnapshot {
  const snapshot = useSyncExternalStore(feed.subscribe, feed.getSnapshot);
  useEffect(() => {
    feed.start();
    return () => feed.stop();
  }, [feed]);
  useEffect(() => {
    dispatch({ type: 'alerts', alerts: snapshot.alerts });
  }, [snapshot.alerts, dispatch]);
  return snapshot;
}
