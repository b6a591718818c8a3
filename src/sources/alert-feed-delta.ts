// What a feed running in a worker thread sends the screen: per list, only the alerts that are new
// or changed since its last message, the fingerprints that went, and the order when it moved. The
// worker keeps a tracker per list (what it last sent); the screen's thread keeps a mirror per list
// and rebuilds the list from it, so a refresh where nothing changed costs it nothing and one where
// three alerts changed costs it three alerts, not ten thousand copied and parsed again.
import type { Alert, LabelSet } from '../core/alerts/alert.js';
import type { AlertFeedSnapshot } from './alert-feed.js';

/** One list's change since the last message. */
export interface ListDelta {
  /** New and changed alerts, whole. */
  readonly set: readonly Alert[];
  /** Fingerprints no longer in the list. */
  readonly removed: readonly string[];
  /** Every fingerprint in list order; only when alerts came, went or moved. */
  readonly order: readonly string[] | undefined;
}

/** The worker's message after each publish of its feed; a list is undefined when unchanged. */
export interface FeedUpdate {
  readonly type: 'update';
  readonly alerts: ListDelta | undefined;
  readonly staleAlerts: ListDelta | undefined;
  readonly sources: AlertFeedSnapshot['sources'];
  readonly refreshing: boolean;
  readonly updatedAt: number | undefined;
}

/**
 * Remembers what was sent of one list; each call returns the change to `next` (or undefined).
 * `known`: a list the other side already holds (a feed's seed), so it is never sent again.
 */
export function listTracker(known: readonly Alert[] = []): (next: readonly Alert[]) => ListDelta | undefined {
  let sent = new Map(known.map((alert) => [alert.fingerprint, alert]));
  let order: readonly string[] = known.map((alert) => alert.fingerprint);
  return (next) => {
    const now = new Map<string, Alert>();
    const set: Alert[] = [];
    let sameOrder = next.length === order.length;
    next.forEach((alert, index) => {
      now.set(alert.fingerprint, alert);
      const before = sent.get(alert.fingerprint);
      if (before === undefined || !sameAlert(before, alert)) set.push(alert);
      if (sameOrder && order[index] !== alert.fingerprint) sameOrder = false;
    });
    const removed = [...sent.keys()].filter((fingerprint) => !now.has(fingerprint));
    sent = now;
    if (sameOrder && set.length === 0 && removed.length === 0) return undefined;
    if (!sameOrder) order = next.map((alert) => alert.fingerprint);
    return { set, removed, order: sameOrder ? undefined : order };
  };
}

/**
 * Holds one list as the deltas describe it; each call applies a delta and returns the list: the
 * same array when the delta is undefined, so an unchanged list stays the same object for React.
 * `known`: the list the tracker on the other side starts from.
 */
export function listMirror(known: readonly Alert[] = []): (delta: ListDelta | undefined) => readonly Alert[] {
  const byFingerprint = new Map(known.map((alert) => [alert.fingerprint, alert]));
  let list: readonly Alert[] = known;
  return (delta) => {
    if (delta === undefined) return list;
    for (const fingerprint of delta.removed) byFingerprint.delete(fingerprint);
    for (const alert of delta.set) byFingerprint.set(alert.fingerprint, alert);
    const current = (fingerprint: string) => byFingerprint.get(fingerprint);
    list = (delta.order ?? list.map((alert) => alert.fingerprint))
      .map(current)
      .filter((alert): alert is Alert => alert !== undefined);
    return list;
  };
}

/** Whether two copies of an alert say the same in every field. */
export function sameAlert(a: Alert, b: Alert): boolean {
  if (a === b) return true;
  return (
    a.fingerprint === b.fingerprint &&
    a.name === b.name &&
    a.severity === b.severity &&
    a.state === b.state &&
    a.startsAt === b.startsAt &&
    a.updatedAt === b.updatedAt &&
    a.generatorURL === b.generatorURL &&
    a.runbookUrl === b.runbookUrl &&
    sameStrings(a.silencedBy, b.silencedBy) &&
    sameStrings(a.inhibitedBy, b.inhibitedBy) &&
    sameLabels(a.labels, b.labels) &&
    sameLabels(a.annotations, b.annotations) &&
    a.origins.length === b.origins.length &&
    a.origins.every((o, i) => o.kind === b.origins[i]?.kind && o.source === b.origins[i]?.source)
  );
}

function sameStrings(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((value, i) => value === b[i]);
}

function sameLabels(a: LabelSet, b: LabelSet): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((key) => a[key] === b[key]);
}
