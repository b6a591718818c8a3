// A sample value with its unit, read by someone in a hurry: three significant digits and a unit they
// know. The probe's `unit` attribute decides:
// - `bytes`: IEC binary prefixes (KiB, MiB, GiB, …): memory and most disk metrics are powers of two,
//   and IEC's names say which base they use, so a reader never guesses whether "1 GB" is 10⁹.
// - `seconds`: as every duration is written (see duration.ts): `250 ms`, `1.5 s`, `3 min 20 s`.
// - `percent`: the value is already a percentage (0–100), shown with `%`.
// - `ratio`: the value is a fraction (0–1), shown as a percentage.
// - anything else (`req/s`, `conn`, …): SI prefixes k, M, G, T, P, E for large values, plain decimals
//   for small ones (no milli prefix: "5m req/s" reads as minutes), then the unit as written.
// - no unit (absent, empty or `none`): the number alone. "none" is never printed.
import { formatSeconds } from './duration.js';
import { formatSpecial, significant } from './number.js';

const siPrefixes = ['', 'k', 'M', 'G', 'T', 'P', 'E'] as const;
const iecBytes = [' B', ' KiB', ' MiB', ' GiB', ' TiB', ' PiB', ' EiB'] as const;

/** The unit as a reader should see it: undefined for no unit (absent, empty, `none`). */
export function displayUnit(unit: string | undefined): string | undefined {
  const trimmed = unit?.trim();
  return trimmed === undefined || trimmed === '' || trimmed.toLowerCase() === 'none' ? undefined : trimmed;
}

/** A sample value for people, with its unit. NaN, +Inf and -Inf are written as Prometheus writes them. */
export function formatValue(value: number, unit?: string): string {
  const shown = displayUnit(unit);
  const special = formatSpecial(value);
  // NaN is not an amount of anything; the infinities keep their unit.
  if (special !== undefined)
    return shown === undefined || special === 'NaN' ? special : `${special} ${shown}`;
  switch (shown) {
    case undefined:
      return formatScaled(value, 1000, siPrefixes);
    case 'bytes':
      return formatScaled(value, 1024, iecBytes);
    case 'seconds':
      return formatSeconds(value);
    case 'percent':
      return `${significant(value)}%`;
    case 'ratio':
      return `${significant(value * 100)}%`;
    default:
      return `${formatScaled(value, 1000, siPrefixes)} ${shown}`;
  }
}

/** Prometheus's spelling of a value as it sends it: `NaN`, `+Inf`, `-Inf`, or the number. */
export function formatPrometheusNumber(value: number): string {
  return formatSpecial(value) ?? String(value);
}

function formatScaled(value: number, base: number, prefixes: readonly string[]): string {
  let scaled = value;
  let index = 0;
  // Compare the rounded number, so 999.6 becomes "1k" rather than "1000".
  while (Math.abs(Number(significant(scaled))) >= base && index < prefixes.length - 1) {
    scaled /= base;
    index += 1;
  }
  return `${significant(scaled)}${prefixes[index] ?? ''}`;
}
