// Times and time zones as the postmortem shows them (durations, values and label sets are in
// ../format, shared with the screen and the CLI). Everything is computed from its arguments (no clock, no process time zone) so an export is the same on every run.

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

// An export of 10,000 events prints 30,000 times. A time as sitrep writes it (toISOString's form,
// in UTC) already holds its UTC date and time: they are read off the string, at a fraction of the cost
// of a Date round trip. Only a real calendar date and time of day qualify (Date.parse would
// roll 02-30 over into March, and reads 24:00 as the next day); anything else takes the Date path.
const isoUtc =
  /^\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])T(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d(?:\.\d{3})?Z$/;
const daysInMonth = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function canonicalUtc(iso: string): string | undefined {
  if (!isoUtc.test(iso)) return undefined;
  // Days 29 to 31 exist in some months only.
  if (iso.charCodeAt(8) === 0x33 || iso.startsWith('29', 8)) {
    const [year, month, day] = [Number(iso.slice(0, 4)), Number(iso.slice(5, 7)), Number(iso.slice(8, 10))];
    const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
    if (day > (month === 2 && leap ? 29 : (daysInMonth[month - 1] ?? 0))) return undefined;
  }
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)}`;
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
