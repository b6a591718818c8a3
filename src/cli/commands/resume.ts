// `sitrep resume`: back to an incident where it was left. The interactive workspace comes with
// the TUI; until then this says where the incident stands and what works from a script.
import { ExitCode, UsageError } from '../../core/errors.js';
import { describeIncident } from '../../core/timeline/incident-summary.js';
import type { Command } from '../command.js';
import { incidentIdArgument, incidentStore, warn } from '../incident-context.js';
import { parseCommandArgs } from '../parse-args.js';

const help = `Usage: sitrep resume [ID]

Opens an incident where it was left: its journal is replayed, so every step, note and probe
result is as it was. Without ID, the most recently opened open incident; ID may be the full id or
its last 4 characters. Needs a terminal; in scripts use sitrep incidents, note, close and export.

Exit codes: 0 ok, 1 no such incident, 2 bad usage or no terminal.`;

/** `sitrep resume`. */
export const resumeCommand: Command = {
  name: 'resume',
  summary: 'resume an incident where it was left (the most recent open one by default)',
  help,
  async run(args, context) {
    const { positionals } = parseCommandArgs('resume', args, {});
    const store = incidentStore(context);
    const record = await store.read(
      await store.resolveId(incidentIdArgument('resume', positionals), 'latest-open'),
    );
    if (!context.stdinIsTTY || context.stdout.isTTY !== true) {
      throw new UsageError(
        'the interactive screen needs a terminal (stdin and stdout are not both a TTY)',
        'In scripts, use `sitrep incidents`, `sitrep note`, `sitrep close` and `sitrep export`.',
      );
    }
    warn(context, record.warnings);
    const summary = describeIncident(record.incident, new Date().toISOString());
    context.stdout.write(
      `${summary.join('\n')}\n\nThe interactive incident workspace is not built yet. Meanwhile: sitrep note ${record.id} "…", sitrep export ${record.id}, sitrep close ${record.id}.\n`,
    );
    return ExitCode.ok;
  },
};
