// `sitrep alerts`: what is firing, from every configured source, as a table or JSON.
import { alertsJson, stringifyForTerminal, type SourceReport } from '../../core/alerts/alert-json.js';
import { alertTable } from '../../core/alerts/alert-table.js';
import { MatcherError, parseMatchers, type Matcher } from '../../core/alerts/matchers.js';
import { selectAlerts } from '../../core/alerts/select.js';
import { ExitCode, UsageError } from '../../core/errors.js';
import { sanitizeLine } from '../../core/sanitize.js';
import { fetchAllAlerts } from '../../sources/alert-sources.js';
import type { Command, CommandContext } from '../command.js';
import { parseCommandArgs } from '../parse-args.js';
import { printWarnings, resolveSourceOptions, sourceOptions, sourceOptionsHelp } from '../source-options.js';

const options = {
  ...sourceOptions,
  filter: { type: 'string', multiple: true, short: 'f' },
  silenced: { type: 'boolean' },
  inhibited: { type: 'boolean' },
} as const;

const help = `Usage: sitrep alerts [flags] [MATCHER...]

Lists firing alerts from every configured Alertmanager (an HA cluster is deduplicated) and
Prometheus (which adds pending alerts, and alerts no Alertmanager has), most severe first and,
within a severity, newest first. Silenced and inhibited alerts are left out unless asked for.

Flags:
  -f, --filter MATCHER   Alertmanager matcher syntax; repeat or use braces to combine:
                         'severity="critical"', 'instance=~"web.*"', '{job!="node",env!~"dev|test"}'
                         (MATCHER arguments work the same; a bare word means alertname=word)
  --silenced             also list silenced alerts
  --inhibited            also list inhibited alerts

${sourceOptionsHelp}

Output: a table (SEVERITY, ALERTNAME, LABELS, AGE, STATE, SOURCE; -o extended adds SUMMARY and
RUNBOOK), or with --json the documented shape in README.md ("sitrep alerts").

Exit codes: 0 listed (even if none), 1 a source failed (the others are still listed, and each
failure is a warning on stderr), 2 bad usage or config.`;

function matchersFrom(texts: readonly string[]): Matcher[] {
  try {
    return texts.flatMap(parseMatchers);
  } catch (error) {
    if (error instanceof MatcherError) {
      throw new UsageError(
        `alerts: ${error.message}`,
        'Matchers look like severity="critical" or {job=~"web.*",env!="dev"}.',
      );
    }
    throw error;
  }
}

/** `sitrep alerts`. */
export const alertsCommand: Command = {
  name: 'alerts',
  help,
  async run(args, context) {
    const { values, positionals } = parseCommandArgs('alerts', args, options);
    const matchers = matchersFrom([...(values.filter ?? []), ...positionals]);
    const { config, warnings } = resolveSourceOptions(values, context);
    printWarnings(warnings, context);
    const { alerts, reports } = await fetchAllAlerts(config, matchers);
    const shown = selectAlerts(alerts, {
      matchers,
      silenced: values.silenced === true,
      inhibited: values.inhibited === true,
    });
    const now = Date.now();
    if (config.output === 'json') {
      context.stdout.write(`${stringifyForTerminal(alertsJson(shown, reports, now))}\n`);
    } else if (shown.length === 0) {
      context.stdout.write('No alerts.\n');
    } else {
      const width = context.stdout.isTTY === true ? context.stdout.columns : undefined;
      context.stdout.write(
        `${alertTable(shown, { nowMs: now, extended: config.output === 'extended', width })}\n`,
      );
    }
    reportProblems(reports, context);
    return reports.some((r) => r.error !== undefined) ? ExitCode.failure : ExitCode.ok;
  },
};

// One warning line per failed source, then what to try; skipped malformed items are summarized.
function reportProblems(reports: readonly SourceReport[], context: CommandContext): void {
  const hints = new Set<string>();
  for (const report of reports) {
    if (report.error !== undefined) context.stderr.write(`sitrep: warning: ${sanitizeLine(report.error)}\n`);
    if (report.hint !== undefined) hints.add(report.hint);
    const [first] = report.problems;
    if (first !== undefined) {
      const more = report.problems.length > 1 ? ` (and ${report.problems.length - 1} more)` : '';
      context.stderr.write(
        `sitrep: warning: ${report.kind} ${sanitizeLine(report.name)}: ${sanitizeLine(first)}${more}\n`,
      );
    }
  }
  // Each different hint once, after the warnings: two sources refusing share one line.
  for (const hint of hints) context.stderr.write(`  ${sanitizeLine(hint)}\n`);
}
