// Times and time zones as the postmortem shows them (durations, values and label sets are in
// ../format, shared with the screen and the CLI). Everything is computed from its arguments (no clock, no process time zone) so an export is the same on every run.
import { futureStartNote, isFutureStart } from '../format/start-time.js';
import { isCalendarUtcTime } from '../format/utc-time.js';
import type { Incident } from '../timeline/incident.js';

/** The reader's time zone for the second time column: a name and its offset from UTC. */
export interface LocalZone {
  /** e.g. `Europe/Berlin` or `CET`; shown in the column header. */
  readonly name: string;
  /** Minutes east of UTC (Berlin in winter: 60). */
  readonly offsetMinutes: number;
}

/** `2026-11-23 14:02:10` for an ISO time, in UTC. */
export function formatUtc(iso: string): string {
  return canonicalUtc(iso) ?? formatShifted(Date.parse(iso), 0);
}

/** A start that lies in the future, in the export's words: `starts at … UTC, in the future, by the server's clock`. */
export function futureStartText(at: string): string {
  return `starts at ${formatUtc(at)} UTC, ${futureStartNote}`;
}

/** `2026-11-23 15:02:10` for an ISO time, in the given zone. */
export function formatInZone(iso: string, zone: LocalZone): string {
  return (
    (zone.offsetMinutes === 0 ? canonicalUtc(iso) : undefined) ??
    formatShifted(Date.parse(iso), zone.offsetMinutes)
  );
}

/** `Europe/Berlin, UTC+01:00`; just `UTC+01:00` when the name says no more. */
export function describeZone(zone: LocalZone): string {
  const sign = zone.offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(zone.offsetMinutes);
  const offset = `UTC${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
  return zone.name === offset || zone.name === 'UTC' ? offset : `${zone.name}, ${offset}`;
}

// An export of 10,000 events prints 30,000 times. A time as sitrep writes it already holds its
// UTC date and time: they are read off the string, at a fraction of the cost of a Date round trip.
function canonicalUtc(iso: string): string | undefined {
  return isCalendarUtcTime(iso) ? `${iso.slice(0, 10)} ${iso.slice(11, 19)}` : undefined;
}

function formatShifted(ms: number, offsetMinutes: number): string {
  if (Number.isNaN(ms)) return 'unknown time';
  const iso = new Date(ms + offsetMinutes * 60_000).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)}`;
}

/** Milliseconds from `from` to `to` (ISO times). */
export function between(from: string, to: string): number {
  return Date.parse(to) - Date.parse(from);
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/**
 * The incident's first alert start as the server gave it (when sitrep opened the incident, if no
 * alert has a valid start), and whether it lies after sitrep opened the incident: a start in the
 * future by the server's clock (core/format/start-time.ts), shown as such, never clamped.
 */
export function firstAlertStart(incident: Incident): { readonly at: string; readonly future: boolean } {
  let first: string | undefined;
  for (const alert of incident.alerts) {
    const ms = Date.parse(alert.startsAt);
    if (!Number.isNaN(ms) && (first === undefined || ms < Date.parse(first))) first = alert.startsAt;
  }
  if (first === undefined) return { at: incident.openedAt, future: false };
  return { at: first, future: isFutureStart(first, Date.parse(incident.openedAt)) };
}
