// The one way sitrep writes a length of time — an alert's age, a detection lag, a timeout, a probe's
// range, a value in seconds — so the same duration never reads two ways on screen, in the CLI and in
// the postmortem: `250 ms`, `1.5 s`, `40 s`, `3 min 20 s`, `2 h 5 min`, `3 d 4 h`.
import { significant } from './number.js';

const subSecond: readonly { readonly name: string; readonly seconds: number }[] = [
  { name: 'ms', seconds: 1e-3 },
  { name: 'µs', seconds: 1e-6 },
  { name: 'ns', seconds: 1e-9 },
];

const wholeUnits: readonly { readonly name: string; readonly seconds: number }[] = [
  { name: 'd', seconds: 86_400 },
  { name: 'h', seconds: 3_600 },
  { name: 'min', seconds: 60 },
  { name: 's', seconds: 1 },
];

/** A duration given in milliseconds; `unknown` when it is not a finite number. */
export function formatDuration(ms: number): string {
  return formatSeconds(ms / 1000);
}

/**
 * A duration given in seconds. Under a second: three significant digits in ms, µs or ns. Under ten
 * seconds: three significant digits (`1.5 s`). From ten seconds on: whole seconds, counted as a
 * clock counts them, written as the largest unit and, when not zero, the one below it (`40 s`,
 * `3 min 20 s`, `2 h`).
 */
export function formatSeconds(seconds: number): string {
  if (!Number.isFinite(seconds)) return 'unknown';
  if (seconds < 0) return `-${formatSeconds(-seconds)}`;
  if (seconds === 0) return '0 s';
  // Under ten seconds, pick the unit from the rounded value, so 0.9996 s reads "1 s".
  const rounded = Number(seconds.toPrecision(3));
  if (rounded < 1) {
    const unit = subSecond.find((u) => rounded >= u.seconds) ?? subSecond.at(-1)!;
    return `${significant(seconds / unit.seconds)} ${unit.name}`;
  }
  if (rounded < 10) return `${significant(seconds)} s`;
  // Whole seconds as a clock counts them: an alert 5 min 0.6 s old is "5 min" old.
  const total = Math.max(10, Math.floor(seconds));
  const amounts = wholeUnits.map((u, i) => {
    const above = wholeUnits[i - 1];
    const amount = Math.floor(total / u.seconds);
    return { name: u.name, amount: above === undefined ? amount : amount % (above.seconds / u.seconds) };
  });
  const first = amounts.findIndex((a) => a.amount > 0);
  return amounts
    .slice(first, first + 2)
    .filter((a) => a.amount > 0)
    .map((a) => `${a.amount} ${a.name}`)
    .join(' ');
}
