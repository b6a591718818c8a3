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
  // When each alert was last seen firing, to bound when it resolved.
  const lastSeenAt: Record<string, string> = {};
  const check = () => {
    const snapshot = feed.getSnapshot();
    // Only a new answer says anything new: the same snapshot seen twice is checked once.
    if (snapshot.updatedAt === undefined || snapshot.updatedAt === lastUpdatedAt) return;
    lastUpdatedAt = snapshot.updatedAt;
    const incident = journal.incident();
    if (!incident) return;
    const complete = snapshot.sources.length > 0 && snapshot.sources.every((s) => s.health === 'ok');
    const events = alertStateEvents(incident, {
      alerts: snapshot.alerts,
      complete,
      at: new Date(snapshot.updatedAt).toISOString(),
      lastSeenAt: { ...lastSeenAt },
    });
    const at = new Date(snapshot.updatedAt).toISOString();
    for (const alert of snapshot.alerts) if (alert.state !== 'pending') lastSeenAt[alert.fingerprint] = at;
    // The in-memory journal takes each event at once; a failed write is retried by the journal.
    for (const event of events) void journal.append(event).catch(() => undefined);
  };
  const unsubscribe = feed.subscribe(check);
  check();
  return unsubscribe;
}
