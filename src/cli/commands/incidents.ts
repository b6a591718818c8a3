// `sitrep incidents`: the incidents in the journal folder, open ones first.
import { ExitCode } from '../../core/errors.js';
import { formatUtc } from '../../core/export/format.js';
import { cellWidth, padCells } from '../../core/format/cells.js';
import { formatDuration } from '../../core/format/duration.js';
import {
  formatProgress,
  incidentListItem,
  type IncidentListItem,
} from '../../core/timeline/incident-summary.js';
import { sanitizeLine } from '../../core/sanitize.js';
import { writeJson, type Command } from '../command.js';
import { incidentStore, warn } from '../incident-context.js';
import { wantsJson } from '../global-flags.js';
import { parseCommandArgs } from '../parse-args.js';
import { largest } from '../../core/bounded.js';

const options = { all: { type: 'boolean', short: 'a' }, json: { type: 'boolean' } } as const;

const help = `Usage: sitrep incidents [--all] [--json]

Lists the incidents recorded in $XDG_DATA_HOME/sitrep/incidents (default
~/.local/share/sitrep/incidents): open ones first, then the most recently opened. Closed
incidents are listed only with --all.

Flags:
  -a, --all    also list closed incidents
  --json       {"incidents": [...], "warnings": [...]}, for scripts

Columns: ID (pass it, or its last 4 characters, to resume/note/close/export), STATUS, SEVERITY,
ALERT, STARTED (when the first alert started firing, UTC), DURATION (until resolved/closed, or
so far), PROGRESS (runbook steps done/all).

Exit codes: 0 listed (even if none), 1 the folder could not be read, 2 bad usage.`;

const columns = ['ID', 'STATUS', 'SEVERITY', 'ALERT', 'STARTED (UTC)', 'DURATION', 'PROGRESS'] as const;

function row(item: IncidentListItem): string[] {
  return [
    item.id,
    item.status,
    sanitizeLine(item.severity),
    sanitizeLine(item.alertname),
    formatUtc(item.startedAt),
    formatDuration(item.durationSeconds * 1000),
    formatProgress(item.progress),
  ];
}

function table(rows: readonly string[][]): string {
  const all = [[...columns], ...rows];
  const widths = columns.map((_, i) => largest(all.map((r) => cellWidth(r[i] ?? ''))));
  return all
    .map((r) =>
      r
        .map((cell, i) => padCells(cell, widths[i] ?? 0))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

/** `sitrep incidents`. */
export const incidentsCommand: Command = {
  name: 'incidents',
  help,
  async run(args, context) {
    const { values } = parseCommandArgs('incidents', args, options, false);
    const { incidents, warnings } = await incidentStore(context).list();
    const now = new Date().toISOString();
    const items = incidents
      .filter((entry) => values.all === true || entry.incident.status !== 'closed')
      .map((entry) => incidentListItem(entry.incident, now));
    if (wantsJson(values, context)) {
      writeJson(context, { incidents: items, warnings });
      return ExitCode.ok;
    }
    warn(context, warnings);
    if (items.length === 0) {
      const hidden = incidents.length - items.length;
      const more = hidden > 0 ? ` (${hidden} closed; \`sitrep incidents --all\` lists them)` : '';
      context.stdout.write(`No ${values.all === true ? '' : 'open '}incidents${more}.\n`);
      return ExitCode.ok;
    }
    context.stdout.write(`${table(items.map(row))}\n`);
    return ExitCode.ok;
  },
};
