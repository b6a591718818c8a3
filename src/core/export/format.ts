// Times, durations, values and label sets as the postmortem shows them. Everything is computed
// from its arguments (no clock, no process time zone) so an export is the same on every run.
import type { LabelSet } from '../alerts/alert.js';

/** The reader's time zone for the second time column: a name and its offset from UTC. */
export interface LocalZone {
  /** e.g. `Europe/Berlin` or `CET`; shown in the column header. */
  readonly name: string;
  /** Minutes east of UTC (Berlin in winter: 60). */
  readonly offsetMinutes: number;
}

/** The UTC zone, for readers who want only UTC. */
export const utcZone: LocalZone = { name: 'UTC', offsetMinutes: 0 };

/** `2026-11-23 14:02:10` for an ISO time, in UTC. */
export function formatUtc(iso: string): string {
  return formatShifted(Date.parse(iso), 0);
}

/** `2026-11-23 15:02:10` for an ISO time, in the given zone. */
export function formatInZone(iso: string, zone: LocalZone): string {
  return formatShifted(Date.parse(iso), zone.offsetMinutes);
}

/** `Europe/Berlin, UTC+01:00`; just `UTC+01:00` when the name says no more. */
export function describeZone(zone: LocalZone): string {
  const sign = zone.offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(zone.offsetMinutes);
  const offset = `UTC${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
  return zone.name === offset || zone.name === 'UTC' ? offset : `${zone.name}, ${offset}`;
}

function formatShifted(ms: number, offsetMinutes: number): string {
  if (Number.isNaN(ms)) return 'unknown time';
  const iso = new Date(ms + offsetMinutes * 60_000).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)}`;
}

/** `1h 02m 05s`, `2m 05s`, `40s`; negative durations get a leading `-`. */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms)) return 'unknown';
  const sign = ms < 0 ? '-' : '';
  const total = Math.round(Math.abs(ms) / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  if (h > 0) return `${sign}${h}h ${pad(m)}m ${pad(s)}s`;
  if (m > 0) return `${sign}${m}m ${pad(s)}s`;
  return `${sign}${s}s`;
}

/** Milliseconds from `from` to `to` (ISO times). */
export function between(from: string, to: string): number {
  return Date.parse(to) - Date.parse(from);
}

/** A sample value for people: `NaN`, `+Inf`, `150`, `0.0312`, `1234.5`. */
export function formatValue(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (value === Infinity) return '+Inf';
  if (value === -Infinity) return '-Inf';
  if (Number.isInteger(value)) return String(value);
  if (Math.abs(value) >= 100) return String(Math.round(value * 10) / 10);
  return String(Number(value.toPrecision(3)));
}

/** `{server="web1", job="haproxy"}` in name order, without `__name__`; `{}` when empty. */
export function formatLabels(labels: LabelSet): string {
  const pairs = Object.keys(labels)
    .filter((name) => name !== '__name__')
    .sort()
    .map((name) => `${name}=${JSON.stringify(labels[name])}`);
  return `{${pairs.join(', ')}}`;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
