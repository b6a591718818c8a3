// How far back Prometheus keeps data, from `GET /api/v1/status/runtimeinfo` (`storageRetention`,
// e.g. "15d", "30d or 50GiB", "10GiB"). A size-only retention or a backend without the endpoint
// (VictoriaMetrics, Thanos Query) gives no time limit sitrep can know.
import { parseDuration } from '../config/units.js';

/** The time part of a storageRetention text, in seconds; undefined when it has none. */
export function retentionSeconds(storageRetention: string | undefined): number | undefined {
  if (storageRetention === undefined) return undefined;
  for (const part of storageRetention.split(/\s+or\s+/i)) {
    const ms = parseDuration(part.trim());
    if (ms !== undefined && ms > 0) return ms / 1000;
  }
  return undefined;
}

/** `storageRetention` from runtimeinfo's `data`, or undefined when absent or not a string. */
export function readStorageRetention(data: unknown): string | undefined {
  if (typeof data !== 'object' || data === null) return undefined;
  const value = (data as Record<string, unknown>)['storageRetention'];
  return typeof value === 'string' ? value : undefined;
}
