// Durations and sizes as people write them in flags and config files, parsed (../format writes them).

const durationUnits: Readonly<Record<string, number>> = {
  ns: 1e-6,
  us: 1e-3,
  µs: 1e-3,
  ms: 1,
  s: 1_000,
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
  w: 604_800_000,
};

/**
 * Milliseconds from a duration as amtool takes it (Go's syntax: `10s`, `1m30s`, `500ms`, `1.5h`),
 * plus Prometheus's `d` and `w`. A bare `0` is zero. Undefined when the text is not a duration.
 */
export function parseDuration(text: string): number | undefined {
  const trimmed = text.trim();
  if (trimmed === '0') return 0;
  const part = /(\d+(?:\.\d*)?|\.\d+)(ns|us|µs|ms|s|m|h|d|w)/y;
  let total = 0;
  let index = 0;
  while (index < trimmed.length) {
    part.lastIndex = index;
    const match = part.exec(trimmed);
    if (!match) return undefined;
    total += Number(match[1]) * (durationUnits[match[2] ?? ''] ?? Number.NaN);
    index = part.lastIndex;
  }
  return index > 0 && Number.isFinite(total) ? total : undefined;
}

const sizeUnits: Readonly<Record<string, number>> = {
  '': 1,
  b: 1,
  kb: 1e3,
  mb: 1e6,
  gb: 1e9,
  kib: 1024,
  mib: 1024 ** 2,
  gib: 1024 ** 3,
};

/** Bytes from `268435456`, `256MiB`, `70MB`, `1GiB`; undefined when not a size. */
export function parseByteSize(text: string): number | undefined {
  const match = /^(\d+(?:\.\d+)?)\s*([a-z]*)$/i.exec(text.trim());
  const factor = match ? sizeUnits[(match[2] ?? '').toLowerCase()] : undefined;
  if (!match || factor === undefined) return undefined;
  return Math.floor(Number(match[1]) * factor);
}
