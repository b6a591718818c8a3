// What `sitrep alerts` does with the answers: selects, sorts and prints them (a table or JSON),
// says what a filter hid, and reports each source. Loaded after the request has gone out
// (src/cli/commands/alerts.ts), so none of it delays the request.
import type { Alert } from '../../core/alerts/alert.js';
import { alertsJson, type SourceReport } from '../../core/alerts/alert-json.js';
import { passesFilter, type AlertFilter } from '../../core/alerts/filter.js';
import { selectAlerts } from '../../core/alerts/select.js';
import type { Config } from '../../core/config/config.js';
import { sanitizeLine } from '../../core/sanitize-text.js';
import { fetchAllAlerts } from '../../sources/alert-sources.js';
import { writeAlertNames } from '../../store/alert-names-cache.js';
import { writeJson, type CommandContext } from '../command.js';
import { subcommandLikeWords } from './alert-filter-args.js';
import { reportSources } from './source-report.js';

/** What the listing was asked for. */
export interface AlertsRequest {
  readonly config: Config;
  readonly filter: AlertFilter;
  /** The filter as typed, for the words that say what it hid. */
  readonly filterTexts: readonly string[];
  readonly unconfigured: ReadonlySet<string>;
  readonly muted: { readonly silenced: boolean; readonly inhibited: boolean };
  readonly context: CommandContext;
}

/** Prints the listing and each source's report; true when a source failed (exit 1). */
export async function showAlerts(
  { alerts, reports }: { readonly alerts: Alert[]; readonly reports: SourceReport[] },
  { config, filter, filterTexts, unconfigured, muted, context }: AlertsRequest,
): Promise<boolean> {
  if (filter.empty)
    writeAlertNames(
      context.env,
      alerts.map((a) => a.name),
    );
  const shown = selectAlerts(alerts, { matchers: [], ...muted }).filter((a) => passesFilter(filter, a));
  const now = Date.now();
  const answered = reports.some((r) => r.error === undefined);
  const hidden =
    shown.length === 0 && !filter.empty && answered ? await firingCount(config, muted) : undefined;
  // The table and the no-match words measure text in terminal cells (string-width, ~20 ms to
  // load): loaded only when needed, so `--json` never waits for them.
  const hiddenText = hidden
    ? (await import('../../core/alerts/no-match-text.js')).noMatchText(filterTexts.join(' '), hidden)
    : undefined;
  if (config.output === 'json') {
    writeJson(context, alertsJson(shown, reports, now));
  } else if (shown.length === 0) {
    context.stdout.write(`${hiddenText ?? noAlertsText(reports, unconfigured)}\n`);
  } else {
    const { alertTable } = await import('../../core/alerts/alert-table.js');
    const width = context.stdout.isTTY === true ? context.stdout.columns : undefined;
    context.stdout.write(
      `${alertTable(shown, { nowMs: now, extended: config.output === 'extended', width })}\n`,
    );
  }
  if (hiddenText && config.output === 'json') context.stderr.write(`sitrep: ${hiddenText}\n`);
  if (shown.length === 0) hintSubcommandWords(filter, context);
  return reportSources(reports, unconfigured, context);
}

/** "No alerts." only when every configured source answered; else what is not known, in words. */
function noAlertsText(reports: readonly SourceReport[], unconfigured: ReadonlySet<string>): string {
  if (!reports.some((r) => r.error === undefined)) return 'No alerts known: no source answered.';
  const configured = reports.filter((r) => !unconfigured.has(r.url));
  const failing = configured.filter((r) => r.error !== undefined).length;
  return failing === 0
    ? 'No alerts.'
    : `No alerts from the sources that answered; ${failing} of ${configured.length} not answering, so some may be missing.`;
}

// How many alerts fire without the filter, so "nothing matches" can say what it hid.
async function firingCount(
  config: Config,
  muted: { silenced: boolean; inhibited: boolean },
): Promise<number> {
  const { alerts } = await fetchAllAlerts(config, []);
  return selectAlerts(alerts, { matchers: [], ...muted }).length;
}

function hintSubcommandWords(filter: AlertFilter, context: CommandContext): void {
  for (const word of subcommandLikeWords(filter)) {
    context.stderr.write(
      `sitrep: hint: "${sanitizeLine(word)}" was read as a filter word, not a command. ` +
        `amtool's \`alert query\` is \`sitrep alert query\` (or \`sitrep alerts\`); see \`sitrep alerts --help\`.\n`,
    );
  }
}
