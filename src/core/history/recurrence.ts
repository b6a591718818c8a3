// Does the alert tend to fire at the same time of day? A nightly batch job or a daily traffic peak
// shows as starts that fall within the same hour on several days.

/** Starts that fall within an hour of each other's time of day, on different days. */
export interface Recurrence {
  /** Minutes after local midnight the starts cluster around. */
  readonly minuteOfDay: number;
  /** Distinct days with a start in that hour. */
  readonly days: number;
  /** Starts in that hour, of all starts. */
  readonly starts: number;
  readonly total: number;
}

const day = 24 * 60;
const halfWindow = 30;

/**
 * The time of day most starts fall near (±30 minutes), when that is at least two different days and at
 * least half of the starts; undefined otherwise. `starts` are unix seconds; the zone places midnight.
 */
export function recurrence(starts: readonly number[], zoneOffsetMinutes: number): Recurrence | undefined {
  const local = starts.map((s) => s / 60 + zoneOffsetMinutes);
  const minuteOf = (m: number) => ((Math.floor(m) % day) + day) % day;
  let best: Recurrence | undefined;
  for (const anchor of local) {
    const near = local.filter((m) => {
      const gap = Math.abs(minuteOf(m) - minuteOf(anchor));
      return Math.min(gap, day - gap) <= halfWindow;
    });
    const days = new Set(near.map((m) => Math.floor(m / day))).size;
    if (!best || days > best.days || (days === best.days && near.length > best.starts)) {
      best = { minuteOfDay: minuteOf(anchor), days, starts: near.length, total: local.length };
    }
  }
  if (!best || best.days < 2 || best.starts * 2 < best.total) return undefined;
  return best;
}

/** `03:15`, for a minute of the day. */
export function formatMinuteOfDay(minute: number): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(Math.floor(minute / 60))}:${pad(minute % 60)}`;
}
