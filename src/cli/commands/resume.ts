// `sitrep resume`: back to an incident where it was left, in the interactive workspace. The
// journal is replayed, so steps, notes, probe results and silences are as they were.
import { noIncidentOpened } from '../../store/incident-store.js';
import type { Command } from '../command.js';
import { incidentIdArgument, incidentStore, warn } from '../incident-context.js';
import { openScreen, requireTerminal } from '../interactive.js';
import { parseCommandArgs } from '../parse-args.js';
import { globalFlagsHelp as sourceOptionsHelp } from '../global-flags.js';
// Not source-options.js: without a config file the YAML reader stays out (resolveSourceOptionsQuickly).
import { printWarnings, resolveSourceOptionsQuickly } from '../source-resolve.js';

const help = `Usage: sitrep resume [ID]

Opens an incident where it was left: its journal is replayed, so every step, note and probe
result is as it was. Without ID, the most recently opened open incident; ID may be the full id or
its last 4 characters. Needs a terminal; in scripts use sitrep incidents, note, close and export.

${sourceOptionsHelp}

Exit codes: 0 ok, 1 no such incident, 2 bad usage or no terminal.`;

/** `sitrep resume`. */
export const resumeCommand: Command = {
  name: 'resume',
  help,
  async run(args, context) {
    const { positionals } = parseCommandArgs('resume', args, {});
    const { config, warnings } = await resolveSourceOptionsQuickly({}, context);
    const store = incidentStore(context);
    const id = await store.resolveId(incidentIdArgument('resume', positionals), 'latest-open');
    const hint = 'In scripts, use `sitrep incidents`, `sitrep note`, `sitrep close` and `sitrep export`.';
    try {
      requireTerminal(context, hint);
    } catch (noTerminal) {
      // A journal that cannot be used says so first, as it would on a terminal (read, not repaired).
      await store.read(id);
      throw noTerminal;
    }
    // Read once, while the screen's code loads; the screen resumes this very journal.
    const journal = store.resume(id).then(async (opened) => {
      if (opened.incident() === undefined) {
        await opened.close();
        throw noIncidentOpened(store.pathOf(id), opened.warnings);
      }
      warn(context, opened.warnings);
      printWarnings(warnings, context);
      return opened;
    });
    return openScreen(config, context, { resume: { id, journal, store } });
  },
};
