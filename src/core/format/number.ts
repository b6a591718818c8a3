// Numbers for people: three significant digits, no exponent for ordinary magnitudes, and
// Prometheus's own spelling for the special floats. Shared by the value and duration formatters.

/** Prometheus's spelling of NaN and the infinities; undefined for an ordinary number. */
export function formatSpecial(value: number): string | undefined {
  if (Number.isNaN(value)) return 'NaN';
  if (value === Infinity) return '+Inf';
  if (value === -Infinity) return '-Inf';
  return undefined;
}

/**
 * Three significant digits, without trailing zeros or exponent for ordinary magnitudes: 253.4 → "253",
 * 12.34 → "12.3", 0.001234 → "0.00123". Integers under 1000 are exact.
 */
export function significant(value: number): string {
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
