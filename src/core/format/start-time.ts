// An alert's start as the server gives it, read against a time sitrep knows (now, or when sitrep
// opened the incident). Alertmanager sets startsAt itself for an alert posted with only endsAt, by
// its own clock, so a start can lie in the future. The one rule, for the inbox, the workspace and
// the export alike: such a start is never clamped to now nor shown as an age of 0 s; it is shown as
// the server gave it and said to be in the future, by the server's clock, and no duration is
// worked out from it.
import { formatDuration } from './duration.js';

/** What is said beside a start that lies in the future. */
export const futureStartNote = "in the future, by the server's clock";

/** True when `startsAt` is a valid time later than `referenceMs`. */
export function isFutureStart(startsAt: string, referenceMs: number): boolean {
  const started = Date.parse(startsAt);
  return !Number.isNaN(started) && started > referenceMs;
}

/**
 * How long ago an alert started, for a table column: `45 s`, `3 min 20 s`; `?` for no time; a start
 * in the future as `in 1 h 59 min` (the age column has no room for the whole note).
 */
export function formatStartAge(startsAt: string, nowMs: number): string {
  const started = Date.parse(startsAt);
  if (Number.isNaN(started)) return '?';
  return started > nowMs ? `in ${formatDuration(started - nowMs)}` : formatDuration(nowMs - started);
}

/**
 * "since 3 min 20 s" for a start in the past; "starts at 22:14 (in the future, by the server's
 * clock)" for one in the future, its time written by `clock` (the caller's time of day or zone).
 */
export function firingSinceText(startsAt: string, nowMs: number, clock: (iso: string) => string): string {
  if (isFutureStart(startsAt, nowMs)) return `starts at ${clock(startsAt)} (${futureStartNote})`;
  return `since ${formatStartAge(startsAt, nowMs)}`;
}
