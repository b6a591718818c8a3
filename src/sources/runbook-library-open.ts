// The runbook folders of an environment, opened and parsed, for the commands that list or check
// them (doctor, lint). The lookup of one alert's runbook (runbook-lookup.ts) parses only what
// may serve that alert, and loads the parser only then.
import { runbookFolders } from '../store/runbook-files.js';
import { loadLibrary, type RunbookLibrary } from '../store/runbook-library.js';
import { fileSettingsOrNone } from '../store/config-path.js';
import type { LookupPlace } from './runbook-lookup.js';

/**
 * The runbook folders of this environment, parsed (only those `mayServe` allows, when given). The
 * config file's `runbooks.dirs` are read as the lookup reads them (fileSettingsOrNone).
 */
export async function openRunbookLibrary(
  context: LookupPlace,
  flagDirs: readonly string[] = [],
  mayServe?: (relativePath: string, text: string) => boolean,
): Promise<RunbookLibrary> {
  const configDirs = (await fileSettingsOrNone(context.env)).runbookDirs ?? [];
  return loadLibrary(runbookFolders({ env: context.env, cwd: context.cwd, flagDirs, configDirs }), mayServe);
}
