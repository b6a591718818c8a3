// Values are shown to someone reading fast under stress: three significant digits, a unit they
// know, and Prometheus's own spelling for the special floats.
//
// Units (the probe's `unit` attribute):
// - `bytes`: IEC binary prefixes (KiB, MiB, GiB, …). Memory and most disk metrics are powers of two,
//   and IEC's names say which base they use, so a reader never has to guess whether "1 GB" is 10⁹.
// - `seconds`: µs, ms, s, min, h, d — whichever keeps the number between 1 and its next unit.
// - `percent`: the value is already a percentage (0–100) and is shown with `%`.
// - `ratio`: the value is a fraction (0–1) and is shown as a percentage.
// - anything else (`req/s`, `conn`, …), and no unit (`none` or absent): SI prefixes k, M, G, T, P, E for large values,
//   plain decimals for small ones (no milli prefix: "5m req/s" reads as minutes), then the unit as written.

const siPrefixes = ['', 'k', 'M', 'G', 'T', 'P', 'E'] as const;
const iecBytes = [' B', ' KiB', ' MiB', ' GiB', ' TiB', ' PiB', ' EiB'] as const;

/** Formats a sample value for people, with its unit. NaN, +Inf and -Inf are written as Prometheus writes them. */
export function formatValue(value: number, unit?: string): string {
  const special = formatSpecial(value);
  if (special !== undefined)
    return unit === undefined || unit === '' || unit === 'none' ? special : `${special} ${unit}`;
  switch (unit) {
    case undefined:
    case '':
    case 'none':
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
      return `${formatScaled(value, 1000, siPrefixes)} ${unit}`;
  }
}

/** Prometheus's spelling of a value as it sends it: `NaN`, `+Inf`, `-Inf`, or the number. */
export function formatPrometheusNumber(value: number): string {
  return formatSpecial(value) ?? String(value);
}

function formatSpecial(value: number): string | undefined {
  if (Number.isNaN(value)) return 'NaN';
  if (value === Infinity) return '+Inf';
  if (value === -Infinity) return '-Inf';
  return undefined;
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

const secondUnits: readonly { readonly name: string; readonly seconds: number }[] = [
  { name: 'd', seconds: 86_400 },
  { name: 'h', seconds: 3_600 },
  { name: 'min', seconds: 60 },
  { name: 's', seconds: 1 },
  { name: 'ms', seconds: 1e-3 },
  { name: 'µs', seconds: 1e-6 },
  { name: 'ns', seconds: 1e-9 },
];

function formatSeconds(value: number): string {
  if (value === 0) return '0 s';
  // Pick the unit from the rounded value, so 59.99 s reads "1 min" rather than "60 s".
  const magnitude = Math.abs(Number(value.toPrecision(3)));
  const unit = secondUnits.find((candidate) => magnitude >= candidate.seconds) ?? secondUnits.at(-1)!;
  return `${significant(value / unit.seconds)} ${unit.name}`;
}

/**
 * Three significant digits, without trailing zeros or exponent for ordinary magnitudes: 253.4 → "253",
 * 12.34 → "12.3", 0.001234 → "0.00123". Integers under 1000 are exact.
 */
function significant(value: number): string {
  if (value === 0) return '0';
  if (Number.isInteger(value) && Math.abs(value) < 1000) return String(value);
  const magnitude = Math.abs(value);
  if (magnitude < 1e-4 || magnitude >= 1e21) return value.toPrecision(3).replace(/\.?0+e/, 'e');
  const digits = Math.max(0, 2 - Math.floor(Math.log10(magnitude)));
  return trimZeros(value.toFixed(Math.min(digits, 20)));
}

function trimZeros(text: string): string {
  return text.includes('.') ? text.replace(/\.?0+$/, '') : text;
}
