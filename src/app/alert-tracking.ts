// While an incident is open on screen, its alerts' firing and resolution are recorded as the alert
// feed sees them: each new answer of the feed is compared with what the journal already holds.
import { alertStateEvents } from '../core/timeline/alert-state.js';
import type { AlertFeed } from '../sources/alert-feed.js';
import type { Journal } from '../store/journal.js';

/** The part of the feed the tracking reads. */
export type TrackedFeed = Pick<AlertFeed, 'subscribe' | 'getSnapshot'>;

/**
 * Records alert-firing / alert-resolved in the journal whenever the feed's answer calls for one.
 * Returns the function that stops watching.
 */
export function trackAlertState(feed: TrackedFeed, journal: Journal): () => void {
  let lastUpdatedAt: number | undefined;
  let previousAt: number | undefined;
  const check = () => {
    const snapshot = feed.getSnapshot();
    // Only a new answer says anything new; the same one seen twice must not move previousAt.
    if (snapshot.updatedAt === undefined || snapshot.updatedAt === lastUpdatedAt) return;
    previousAt = lastUpdatedAt;
    lastUpdatedAt = snapshot.updatedAt;
    const incident = journal.incident();
    if (!incident) return;
    const complete = snapshot.sources.length > 0 && snapshot.sources.every((s) => s.health === 'ok');
    const events = alertStateEvents(incident, {
      alerts: snapshot.alerts,
      complete,
      at: new Date(snapshot.updatedAt).toISOString(),
      previousAt: previousAt === undefined ? undefined : new Date(previousAt).toISOString(),
    });
    // The in-memory journal takes each event at once; a failed write is retried by the journal.
    for (const event of events) void journal.append(event).catch(() => undefined);
  };
  const unsubscribe = feed.subscribe(check);
  check();
  return unsubscribe;
}
