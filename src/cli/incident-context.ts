// What the incident commands (incidents, resume, note, close, export) share: the store in the
// user's data folder and how warnings are printed.
import { UsageError } from '../core/errors.js';
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
