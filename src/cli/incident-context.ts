// What the incident commands (incidents, resume, note, close, export) share: the store in the
// user's data folder, the local time zone for the export, and how warnings are printed.
import { UsageError } from '../core/errors.js';
import type { LocalZone } from '../core/export/format.js';
import { incidentsDir } from '../store/data-dir.js';
import { IncidentStore } from '../store/incident-store.js';
import type { CommandContext } from './command.js';

/** The incident store under $XDG_DATA_HOME (read from the command's environment, not process.env). */
export function incidentStore(context: CommandContext): IncidentStore {
  return new IncidentStore(incidentsDir(context.env));
}

/** The optional incident id argument of `command` (undefined means the command's default). */
export function incidentIdArgument(command: string, positionals: readonly string[]): string | undefined {
  if (positionals.length > 1) {
    throw new UsageError(`${command}: expected at most one incident id, got ${positionals.length} arguments`);
  }
  return positionals[0];
}

/** Prints each warning on stderr as `sitrep: warning: …`. */
export function warn(context: CommandContext, warnings: readonly string[]): void {
  for (const warning of warnings) context.stderr.write(`sitrep: warning: ${warning}\n`);
}

/**
 * The reader's zone (TZ from the environment, else the system's) and its offset at `at`, for the
 * export's second time column. Taken at one instant (the incident's opening) so the export of a
 * journal does not change with the day it is run. An unknown TZ falls back to UTC.
 */
export function localZone(context: CommandContext, at: string): { zone: LocalZone; warning?: string } {
  const name = context.env.TZ?.replace(/^:/, '') || Intl.DateTimeFormat().resolvedOptions().timeZone;
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
