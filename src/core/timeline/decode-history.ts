// Reads an `alert-history` journal line back, field by field, in the order it is written.
import type { AlertHistoryEvent, HistoryEpisodeRecord } from './events.js';
import { bool, labelSet, list, num, objectAt, optional, str, time, type JsonObject } from './json-fields.js';

/** The alert-history event in `o` (already known to be one), recorded at `at`. */
export function decodeAlertHistory(o: JsonObject, at: string): AlertHistoryEvent {
  const p = 'alert-history';
  return {
    at,
    type: 'alert-history',
    source: str(o, 'source', p),
    selector: str(o, 'selector', p),
    windowStart: time(o, 'windowStart', p),
    windowEnd: time(o, 'windowEnd', p),
    requestedSeconds: num(o, 'requestedSeconds', p),
    stepSeconds: num(o, 'stepSeconds', p),
    alertsSeriesFound: bool(o, 'alertsSeriesFound', p),
    count: num(o, 'count', p),
    firingSeconds: num(o, 'firingSeconds', p),
    episodes: list(o, 'episodes', p, episode),
    ...optional(
      'recurring',
      o.recurring === undefined ? undefined : recurring(o.recurring, `${p}.recurring`),
    ),
  };
}

function episode(value: unknown, path: string): HistoryEpisodeRecord {
  const o = objectAt(value, path);
  return {
    start: time(o, 'start', path),
    end: time(o, 'end', path),
    ongoing: bool(o, 'ongoing', path),
    startedBefore: bool(o, 'startedBefore', path),
    labels: labelSet(o, 'labels', path),
  };
}

function recurring(value: unknown, path: string): NonNullable<AlertHistoryEvent['recurring']> {
  const o = objectAt(value, path);
  return {
    minuteOfDay: num(o, 'minuteOfDay', path),
    zoneOffsetMinutes: num(o, 'zoneOffsetMinutes', path),
    starts: num(o, 'starts', path),
    total: num(o, 'total', path),
    days: num(o, 'days', path),
  };
}
