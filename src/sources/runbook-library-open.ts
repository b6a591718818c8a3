// The runbook folders of an environment, opened and parsed, for the commands that list or check
// them (doctor, lint). The lookup of one alert's runbook (runbook-lookup.ts) parses only what
// may serve that alert, and loads the parser only then.
import { runbookFolders } from '../store/runbook-files.js';
import { loadLibrary, type RunbookLibrary } from '../store/runbook-library.js';
import { readFileSettings } from '../store/config-reader.js';
import type { LookupPlace } from './runbook-lookup.js';

/** The runbook folders of this environment, parsed (only those `mayServe` allows, when given). */
export function openRunbookLibrary(
  context: LookupPlace,
  flagDirs: readonly string[] = [],
  mayServe?: (relativePath: string, text: string) => boolean,
): RunbookLibrary {
  return loadLibrary(
    runbookFolders({ env: context.env, cwd: context.cwd, flagDirs, configDirs: configuredDirs(context) }),
    mayServe,
  );
}

// `runbooks.dirs` in the config file (checked, relative folders already resolved against the file).
// A config file that can not be read is reported by the commands that need it; the runbook folders
// then come from flags and the environment only.
function configuredDirs(context: LookupPlace): readonly string[] {
  try {
    return readFileSettings(context.env).runbookDirs ?? [];
  } catch {
    return [];
  }
}
