// `sitrep close`: marks an incident closed (nothing more to do; it can still be exported).
import { ExitCode } from '../../core/errors.js';
import { describeIncident } from '../../core/timeline/incident-summary.js';
import type { Command } from '../command.js';
import { incidentIdArgument, incidentStore, warn } from '../incident-context.js';
import { parseCommandArgs } from '../parse-args.js';

const help = `Usage: sitrep close [ID]

Records that the incident is closed. Without ID, the most recently opened open incident. ID may
be the full id or its last 4 characters. Closing a closed incident changes nothing.

Exit codes: 0 closed (or already closed), 1 not recorded (no such incident, disk full, folder
not writable), 2 bad usage.`;

/** `sitrep close`. */
export const closeCommand: Command = {
  name: 'close',
  help,
  async run(args, context) {
    const { positionals } = parseCommandArgs('close', args, {});
    const store = incidentStore(context);
    const id = await store.resolveId(incidentIdArgument('close', positionals), 'latest-open');
    const journal = await store.resume(id);
    warn(context, journal.warnings);
    if (journal.incident()?.status === 'closed') {
      await journal.close();
      context.stdout.write(`${id} is already closed.\n`);
      return ExitCode.ok;
    }
    const now = new Date().toISOString();
    const result = await journal.append({ at: now, type: 'incident-closed' });
    const incident = journal.incident();
    await journal.close();
    if (!result.recorded) throw result.error;
    const summary = incident === undefined ? [] : describeIncident(incident, now);
    context.stdout.write(`Closed.\n${summary.join('\n')}\nExport the postmortem with: sitrep export ${id}\n`);
    return ExitCode.ok;
  },
};
