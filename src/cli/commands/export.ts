// `sitrep export`: the postmortem notes of an incident, as Markdown, JSON or HTML.
import fs from 'node:fs';
import path from 'node:path';
import { errorMessage, ExitCode, UsageError, UserError } from '../../core/errors.js';
import type { IncidentRecord } from '../../store/incident-store.js';
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
  -o FILE        write to FILE instead of stdout

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
    const pieces = await (await loading)(record, context);
    if (values.output === undefined) {
      context.stdout.write([...pieces].join(''));
      return ExitCode.ok;
    }
    const file = path.resolve(context.cwd, values.output);
    writePieces(file, pieces);
    const count = record.events.length;
    context.stdout.write(`Wrote ${file} (${count} ${count === 1 ? 'event' : 'events'}).\n`);
    return ExitCode.ok;
  },
};

/**
 * Writes the pieces of text to a new (or emptied) file as they are made, as writeFile would write
 * them joined: a 10,000-event export is never held whole, as one string or as its pieces. A file
 * that cannot be written is a UserError; an error in making the text is left as it is (a bug).
 */
function writePieces(file: string, pieces: Iterable<string>): void {
  const fd = onDisk(file, () => fs.openSync(file, 'w'));
  try {
    let batch = '';
    for (const piece of pieces) {
      // Small pieces (a heading, a blank line) go out together.
      batch += piece;
      if (batch.length < batchLength) continue;
      const text = batch;
      onDisk(file, () => writeAll(fd, text));
      batch = '';
    }
    onDisk(file, () => writeAll(fd, batch));
  } catch (error) {
    try {
      fs.closeSync(fd);
    } catch {
      // The first error is the one to report.
    }
    throw error;
  }
  onDisk(file, () => fs.closeSync(fd));
}

const batchLength = 64 * 1024;

function writeAll(fd: number, text: string): void {
  const written = fs.writeSync(fd, text);
  if (written === Buffer.byteLength(text)) return;
  // A pipe or a device may take part of a write: the rest follows until all is written.
  let rest = Buffer.from(text).subarray(written);
  while (rest.length > 0) rest = rest.subarray(fs.writeSync(fd, rest));
}

function onDisk<T>(file: string, action: () => T): T {
  try {
    return action();
  } catch (error) {
    throw new UserError(`could not write ${file}: ${errorMessage(error)}`, { cause: error });
  }
}

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
