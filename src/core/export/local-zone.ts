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
  const given = env['TZ']?.replace(/^:/, '');
  // Intl's first use loads the ICU data it needs (10 ms, a tenth of an export): UTC, the zone of
  // most servers, is answered without it, with the same name and offset Intl would give.
  if (given ? utcNames.has(given) : systemZoneIsUtc(at)) {
    return { zone: { name: given || 'UTC', offsetMinutes: 0 } };
  }
  return intlZone(given || Intl.DateTimeFormat().resolvedOptions().timeZone, at);
}

/** The zone `name` and its offset at `at`, through Intl; an unknown zone falls back to UTC. */
export function intlZone(name: string, at: string): { zone: LocalZone; warning?: string } {
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

// Names of UTC itself that Intl accepts as they are (TZ=UTC, TZ=Etc/UTC): offset 0 at any time.
const utcNames: ReadonlySet<string> = new Set(['UTC', 'Etc/UTC']);

/**
 * Whether the process's own zone (what Intl resolves when TZ is not given) is UTC. Date prints the
 * zone's long name without Intl; that name is "Coordinated Universal Time" for UTC and its aliases
 * only, all of which Intl names "UTC" (checked against every zone in the tests). A Date that prints
 * another name, or in another language, takes the Intl path.
 */
function systemZoneIsUtc(at: string): boolean {
  return String(new Date(Date.parse(at))).endsWith(' GMT+0000 (Coordinated Universal Time)');
}
