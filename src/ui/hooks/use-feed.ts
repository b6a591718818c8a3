import { useEffect, useState, useSyncExternalStore, type Dispatch } from 'react';
import type { Alert } from '../../core/alerts/alert.js';
import type { AlertFeedSnapshot } from '../../sources/alert-feed.js';
import type { UiServices } from '../../app/services.js';
import type { AppAction } from '../state/app-state.js';

/**
 * Starts the alert feed for the screen's lifetime and hands each new alert list to the reducer.
 *
 * A new list reaches the reducer during the render that reads the snapshot (React's "adjust state
 * while rendering": the component renders again at once, before anything is committed), so a
 * publish is one commit and one frame, and no frame shows the header's new counts over the old
 * rows. Dispatching from an effect drew two frames per refresh, each redrawing 10,000 alerts' screen.
 * `dispatch` must be the reducer of the component that calls this hook.
 */
export function useFeed(feed: UiServices['feed'], dispatch: Dispatch<AppAction>): AlertFeedSnapshot {
  const snapshot = useSyncExternalStore(feed.subscribe, feed.getSnapshot);
  const [handed, setHanded] = useState<readonly Alert[] | undefined>(undefined);
  if (handed !== snapshot.alerts) {
    setHanded(snapshot.alerts);
    dispatch({ type: 'alerts', alerts: snapshot.alerts });
  }
  useEffect(() => {
    feed.start();
    return () => feed.stop();
  }, [feed]);
  return snapshot;
}
