// The reader's time zone for the postmortem's second time column. Reads the TZ given (from the
// caller's environment map, never process.env) or the system's zone through Intl.
import type { LocalZone } from './format.js';

/**
 * The reader's zone (TZ from the environment, else the system's) and its offset at `at`, for the
 * export's second time column. Taken at one instant (the incident's opening) so the export of a
 * journal does not change with the day it is run. An unknown TZ falls back to UTC.
 */
export function localZone(
  env: Readonly<Record<string, string | undefined>>,
  at: string,
): { zone: LocalZone; warning?: string } {
  const name = env['TZ']?.replace(/^:/, '') || Intl.DateTimeFormat().resolvedOptions().timeZone;
  try {
    const format = new Intl.DateTimeFormat('en-US', {
      timeZone: name,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    const ms = Math.floor(Date.parse(at) / 1000) * 1000;
    const part = (type: string) => Number(format.formatToParts(ms).find((p) => p.type === type)?.value);
    const wall = Date.UTC(
      part('year'),
      part('month') - 1,
      part('day'),
      part('hour'),
      part('minute'),
      part('second'),
    );
    return { zone: { name, offsetMinutes: Math.round((wall - ms) / 60_000) } };
  } catch {
    return { zone: { name: 'UTC', offsetMinutes: 0 }, warning: `unknown time zone "${name}"; using UTC` };
  }
}
