// Which alert-firing / alert-resolved events the alert feed's latest answer calls for. Pure: the
// session hands in what the feed holds and when it was fetched; the journal's fold says what is
// already recorded, so each change is recorded once however often the feed answers.
import type { Alert } from '../alerts/alert.js';
import type { AlertFiringEvent, AlertResolvedEvent } from './events.js';
import type { Incident } from './incident.js';
import { optional } from './json-fields.js';

/** What the feed knows at one moment. */
export interface FeedView {
  readonly alerts: readonly Alert[];
  /**
   * True only when every source answered on its last refresh: an alert missing from a source
   * that failed is unknown, not resolved.
   */
  readonly complete: boolean;
  /** ISO time of the refresh this view comes from. */
  readonly at: string;
  /** ISO time each alert was last seen firing by an earlier refresh, by fingerprint (if known). */
  readonly lastSeenAt?: Readonly<Record<string, string>>;
}

/** An alert counts as firing in every state but `pending` (silenced and inhibited alerts still fire). */
function isFiring(alert: Alert): boolean {
  return alert.state !== 'pending';
}

/**
 * The events that bring the incident's alerts in line with the feed: `alert-resolved` for a firing
 * alert the feed no longer has in any state (only when the feed is complete), `alert-firing` for a
 * resolved alert that fires again or a firing one whose start time changed (a new episode).
 */
export function alertStateEvents(
  incident: Incident,
  feed: FeedView,
): (AlertFiringEvent | AlertResolvedEvent)[] {
  if (incident.status === 'closed') return [];
  const present = new Map(feed.alerts.map((a) => [a.fingerprint, a]));
  const events: (AlertFiringEvent | AlertResolvedEvent)[] = [];
  for (const known of incident.alerts) {
    const seen = present.get(known.fingerprint);
    if (seen === undefined) {
      // Gone from every source: resolved. (Still pending is not gone: an incident may have been
      // opened on a pending alert, which has not fired yet, let alone resolved.)
      if (known.state === 'firing' && feed.complete) {
        events.push({
          type: 'alert-resolved',
          at: feed.at,
          fingerprint: known.fingerprint,
          ...optional('lastSeenAt', feed.lastSeenAt?.[known.fingerprint]),
        });
      }
      continue;
    }
    if (!isFiring(seen)) continue;
    if (known.state === 'resolved' || seen.startsAt !== known.startsAt) {
      events.push({
        type: 'alert-firing',
        at: feed.at,
        alert: { fingerprint: seen.fingerprint, labels: seen.labels, startsAt: seen.startsAt },
      });
    }
  }
  return events;
}
