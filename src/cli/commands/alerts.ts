// `sitrep alerts` (and amtool's `sitrep alert query`): what is firing, from every configured
// source, as a table or JSON.
import { alertsJson } from '../../core/alerts/alert-json.js';
import { passesFilter, type AlertFilter } from '../../core/alerts/filter.js';
import { selectAlerts } from '../../core/alerts/select.js';
import { ExitCode } from '../../core/errors.js';
import { sanitizeLine } from '../../core/sanitize-text.js';
import { fetchAllAlerts } from '../../sources/alert-sources.js';
import { writeAlertNames } from '../../store/alert-names-cache.js';
import { writeJson, type Command, type CommandContext } from '../command.js';
import { parseCommandArgs } from '../parse-args.js';
import { printWarnings, resolveSourceOptions, sourceOptionsHelp } from '../source-options.js';
import { filterArguments, subcommandLikeWords } from './alert-filter-args.js';
import { reportSources } from './source-report.js';

const options = {
  filter: { type: 'string', multiple: true, short: 'f' },
  silenced: { type: 'boolean' },
  inhibited: { type: 'boolean' },
} as const;

const help = `Usage: sitrep alerts [flags] [FILTER...]
       sitrep alert query [flags] [FILTER...]      (amtool's spelling; the same command)

Lists firing alerts from every configured Alertmanager (an HA cluster is deduplicated) and
Prometheus (which adds pending alerts, and alerts no Alertmanager has), most severe first and,
within a severity, oldest first (then by name and labels: the inbox's order). Silenced and
inhibited alerts are left out unless asked for.

Filters (one rule, shared with the screen's / filter): each argument is split at spaces outside
quotes and braces, and every part must hold.
  a part with =, !=, =~ or !~ (or braces) is an Alertmanager matcher:
      'severity="critical"'  'instance=~"web.*"'  '{job!="node",env!~"dev|test"}'
      'severity=critical instance=~"web.*"'     (two matchers in one argument)
  a bare word (no operator) must appear, in any case, in the alert's name, a label value or its
  summary; it is a search, not amtool's alertname (write alertname=X for that):
      sitrep alerts haproxy web1
  A broken matcher is an error saying what is wrong. When filters hide every alert, sitrep says
  so and how many fire: No alert matches \`…\` (N firing).

Flags:
  -f, --filter FILTER    the same as a FILTER argument (repeat for more)
  --silenced             also list silenced alerts
  --inhibited            also list inhibited alerts

${sourceOptionsHelp}

Output: a table (SEVERITY, ALERTNAME, LABELS, AGE, STATE, SOURCE; -o extended or wide adds
SUMMARY and RUNBOOK), or with -o json / --json the documented shape in README.md ("sitrep alerts").

Exit codes: 0 listed (even if none), 1 a configured source failed (the others are still listed,
and each failure is a warning on stderr), 2 bad usage or config.`;

/** `sitrep alerts`. */
export const alertsCommand: Command = {
  name: 'alerts',
  help,
  async run(args, context) {
    const { values, positionals } = parseCommandArgs('alerts', args, options);
    const filterTexts = [...(values.filter ?? []), ...positionals];
    const filter = filterArguments(filterTexts);
    const { config, warnings, unconfigured } = resolveSourceOptions({}, context);
    printWarnings(warnings, context);
    const { alerts, reports } = await fetchAllAlerts(config, filter.matchers);
    if (filter.empty)
      writeAlertNames(
        context.env,
        alerts.map((a) => a.name),
      );
    const muted = { silenced: values.silenced === true, inhibited: values.inhibited === true };
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
      context.stdout.write(hiddenText ? `${hiddenText}\n` : 'No alerts.\n');
    } else {
      const { alertTable } = await import('../../core/alerts/alert-table.js');
      const width = context.stdout.isTTY === true ? context.stdout.columns : undefined;
      context.stdout.write(
        `${alertTable(shown, { nowMs: now, extended: config.output === 'extended', width })}\n`,
      );
    }
    if (hiddenText && config.output === 'json') context.stderr.write(`sitrep: ${hiddenText}\n`);
    if (shown.length === 0) hintSubcommandWords(filter, context);
    const failed = reportSources(reports, unconfigured, context);
    return failed ? ExitCode.failure : ExitCode.ok;
  },
};

// How many alerts fire without the filter, so "nothing matches" can say what it hid.
async function firingCount(
  config: Parameters<typeof fetchAllAlerts>[0],
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
