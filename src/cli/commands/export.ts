// `sitrep export`: the postmortem notes of an incident, as Markdown, JSON or HTML.
import path from 'node:path';
import { batchedPieces } from '../../core/export/document-pieces.js';
import { errorMessage, ExitCode, UsageError } from '../../core/errors.js';
import { countOf } from '../../core/format/count.js';
import type { IncidentRecord } from '../../store/incident-store.js';
import { replaceFile } from '../../store/write-file.js';
import type { Command, CommandContext } from '../command.js';
import { incidentIdArgument, incidentStore, warn } from '../incident-context.js';
import { parseCommandArgs } from '../parse-args.js';

const options = {
  format: { type: 'string', short: 'f', default: 'md' },
  output: { type: 'string', short: 'o' },
} as const;

const help = `Usage: sitrep export [ID] [--format md|json|html] [-o FILE]

Writes the postmortem notes of an incident (without ID, the most recently opened one; ID may be
the full id or its last 4 characters). The same journal always gives the same bytes.

  --format md    Markdown: summary, status, duration, detection (time to acknowledge, and the
                 detection lag when the alert expression was queried), impact, a timeline in
                 UTC and in your time zone (TZ), diagnosis steps with probe results, mitigation
                 steps, silences, notes, and empty sections for root cause, action items and
                 lessons learned. Text from alerts and notes is escaped; secrets are redacted.
  --format json  the incident and every event, with a schema version, for other tools
  --format html  the Markdown notes as one self-contained HTML file, the charts as inline SVG
                 (no scripts, no external resources; every text escaped)
  -o FILE        write to FILE instead of stdout (an existing FILE is replaced only once the
                 whole document is written, and keeps its permissions)

Exit codes: 0 written, 1 no such incident or FILE could not be written, 2 bad usage.`;

/** `sitrep export`. */
export const exportCommand: Command = {
  name: 'export',
  help,
  shadows: ['output'],
  async run(args, context) {
    const { values, positionals } = parseCommandArgs('export', args, options);
    const format = values.format === 'markdown' ? 'md' : values.format;
    if (format !== 'md' && format !== 'json' && format !== 'html') {
      throw new UsageError(`export: unknown format "${format}"`, 'Use --format md, json or html.');
    }
    const store = incidentStore(context);
    // What this format needs is loaded while the journal is read (JSON needs neither the Markdown
    // renderer nor the config), and awaited once the journal is in.
    const loading = format === 'json' ? jsonWriter() : notesWriter(format);
    loading.catch(() => undefined);
    const record = await store.read(
      await store.resolveId(incidentIdArgument('export', positionals), 'latest'),
    );
    warn(context, record.warnings);
    // The text is written as it is made, a batch at a time: a 10,000-event export is never held
    // whole, as one string or as its pieces.
    const text = batchedPieces(await (await loading)(record, context), batchLength);
    if (values.output === undefined) {
      await writeOut(context.stdout, text);
      return ExitCode.ok;
    }
    const file = path.resolve(context.cwd, values.output);
    // FILE is replaced once the text is complete: an error while making it leaves FILE as it was.
    replaceFile(file, text);
    context.stdout.write(`Wrote ${file} (${countOf(record.events.length, 'event')}).\n`);
    return ExitCode.ok;
  },
};

/** Writes the pieces as they come, waiting while the reader (a pipe) is behind. */
async function writeOut(out: CommandContext['stdout'], pieces: Iterable<string>): Promise<void> {
  for (const piece of pieces) {
    if (out.write(piece) !== false) continue;
    await new Promise<void>((resolve) => {
      if (out.once) out.once('drain', resolve);
      else resolve();
    });
  }
}

/** Pieces go out in batches of about this many characters (64 KiB as ASCII). */
const batchLength = 64 * 1024;

/** Turns an incident into the export's text, in pieces (printing any warning on the way). */
type Writer = (record: IncidentRecord, context: CommandContext) => Promise<Iterable<string>>;

async function jsonWriter(): Promise<Writer> {
  const { exportJsonPieces } = await import('../../core/export/json-export.js');
  return (record) => Promise.resolve(exportJsonPieces(record.events, record.incident));
}

async function notesWriter(format: 'md' | 'html'): Promise<Writer> {
  const [render, { localZone }] = await Promise.all([
    // The HTML renderer (micromark, a quarter of a megabyte) is loaded only for --format html.
    format === 'html'
      ? import('../../core/export/html.js').then((m) => m.exportHtml)
      : import('../../core/export/markdown.js').then((m) => m.exportMarkdownPieces),
    import('../../core/export/local-zone.js'),
  ]);
  return async (record, context) => {
    const { zone, warning } = localZone(context.env, record.incident.openedAt);
    if (warning !== undefined) warn(context, [warning]);
    // Only probes get links: an incident without probe runs needs no Prometheus, and its export
    // loads and reads no config (eight modules of the bundle).
    const links = record.incident.probeRuns.length === 0 ? {} : await graphLinkBase(context);
    const text = render(record.events, { zone, ...links, incident: record.incident });
    return typeof text === 'string' ? [text] : text;
  };
}

/**
 * The Prometheus the probe links point at: the one configured by flag, environment or config file.
 * Without one (only the built-in localhost default) the export has no links rather than guessed ones.
 */
async function graphLinkBase(context: CommandContext): Promise<{ prometheusUrl?: string }> {
  try {
    const { resolveSourceOptionsQuickly } = await import('../source-resolve.js');
    const { config, unconfigured } = await resolveSourceOptionsQuickly({}, context);
    const url = config.prometheus?.url;
    return url === undefined || unconfigured.has(url) ? {} : { prometheusUrl: url };
  } catch (error) {
    // A broken config file must not stop the notes from being written; they go out without links.
    warn(context, [`probe links left out: ${errorMessage(error)}`]);
    return {};
  }
}
