// `sitrep note`: adds a note to an incident's timeline from a script or another terminal.
import { authorName } from '../../app/author.js';
import { ExitCode, UsageError } from '../../core/errors.js';
import type { Command, CommandContext } from '../command.js';
import { incidentStore, warn } from '../incident-context.js';
import { parseCommandArgs } from '../parse-args.js';

const help = `Usage: sitrep note [ID] TEXT
       some-command | sitrep note [ID] -

Appends TEXT as a note to the incident's timeline, and returns once it is on disk. Without ID,
the most recently opened incident that is still open. ID may be the full id or its last 4
characters. Quote TEXT in the shell; \`-\` reads the note from stdin (several lines are kept).

Exit codes: 0 recorded, 1 not recorded (no such incident, disk full, folder not writable),
2 bad usage.`;

/** `sitrep note`. */
export const noteCommand: Command = {
  name: 'note',
  help,
  async run(args, context) {
    const { positionals } = parseCommandArgs('note', args, {});
    if (positionals.length === 0 || positionals.length > 2) {
      throw new UsageError(
        `note: expected [ID] TEXT, got ${positionals.length} argument(s)`,
        'Quote the note: sitrep note 3f2a "restarted web1".',
      );
    }
    const [given, textArgument = ''] = positionals.length === 2 ? positionals : [undefined, positionals[0]];
    const text = (textArgument === '-' ? await readStdin(context) : textArgument).trim();
    if (text === '') throw new UsageError('note: the note is empty');

    const store = incidentStore(context);
    const id = await store.resolveId(given, 'latest-open');
    const journal = await store.resume(id);
    warn(context, journal.warnings);
    const author = authorName(context.env);
    const result = await journal.append({
      at: new Date().toISOString(),
      type: 'note-added',
      text,
      ...(author ? { author } : {}),
    });
    await journal.close();
    if (!result.recorded) throw result.error;
    context.stdout.write(`Noted in ${id}.\n`);
    return ExitCode.ok;
  },
};

async function readStdin(context: CommandContext): Promise<string> {
  if (!context.readStdin) throw new UsageError('note: there is no stdin to read the note from');
  if (context.stdinIsTTY) context.stderr.write('sitrep: type the note, then Ctrl-D on a line of its own\n');
  return context.readStdin();
}
