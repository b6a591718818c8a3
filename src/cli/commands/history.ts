// `sitrep history ALERTNAME`: has this alert fired before? Its firing episodes from Prometheus's
// ALERTS series over a window (default 7 days, cut to Prometheus's retention), and the incidents
// sitrep recorded for it, as text or with --json for scripts.
import { parseDuration } from '../../core/config/units.js';
import { ExitCode, UsageError } from '../../core/errors.js';
import { localZone } from '../../core/export/local-zone.js';
import type { HistoryReport } from '../../core/history/alert-history.js';
import { describeHistory } from '../../core/history/describe.js';
import { sanitizeLine } from '../../core/sanitize.js';
import { defaultHistorySeconds, fetchAlertHistory } from '../../sources/alert-history.js';
import { writeJson, type Command } from '../command.js';
import { parseCommandArgs } from '../parse-args.js';
import { globalFlagsHelp as sourceOptionsHelp, globalOptions as sourceOptions } from '../global-flags.js';
// Not source-options.js: without a config file the YAML reader stays out (resolveSourceOptionsQuickly).
import { printWarnings, resolveSourceOptionsQuickly } from '../source-resolve.js';
import { parseLabelFlags } from './probe-target.js';
import { pastIncidentsSection } from './history-incidents.js';
import { appendAll } from '../../core/bounded.js';

const options = {
  ...sourceOptions,
  label: { type: 'string', multiple: true, short: 'l' },
  window: { type: 'string', short: 'w' },
} as const;

const help = `Usage: sitrep history ALERTNAME [--label NAME=VALUE ...] [--window 7d] [--json]

Has this alert fired before? Reads Prometheus's ALERTS series for the alert (only its series with
the --label values, when given) over the window: how many times it fired, when and for how long,
and whether it tends to start at the same time of day. The window is cut to Prometheus's retention.
Then lists the incidents sitrep recorded for the alert: when, how long, the mitigation steps done
and the notes (those with the same labels first).

Flags:
  -l, --label NAME=VALUE  only the alert's series with this label (repeat for more)
  -w, --window DURATION   how far back, e.g. 7d, 36h, 2w (default 7d)
  --json                  {"history": {...}, "incidents": [...]}, for scripts

${sourceOptionsHelp}

Exit codes: 0 shown (even when it never fired), 1 Prometheus could not be read, 2 bad usage.`;

/** `sitrep history`. */
export const historyCommand: Command = {
  name: 'history',
  help,
  async run(args, context) {
    const { values, positionals } = parseCommandArgs('history', args, options);
    const [name, ...extra] = positionals;
    if (name === undefined || name.trim() === '')
      throw new UsageError(
        'history: which alert? Give its ALERTNAME.',
        'Example: sitrep history HaproxyServerConnectionErrors --label server=web1',
      );
    if (extra.length > 0)
      throw new UsageError(
        `history: unexpected argument ${JSON.stringify(extra[0])}`,
        'Labels go in --label NAME=VALUE.',
      );
    const labels = parseLabelFlags('history', values.label ?? []);
    const windowSeconds = parseWindow(values.window);
    const { config, warnings } = await resolveSourceOptionsQuickly(values, context);
    printWarnings(warnings, context);
    const now = Date.now();
    const { zone, warning } = localZone(context.env, new Date(now).toISOString());
    if (warning !== undefined) printWarnings([warning], context);

    let report: HistoryReport | undefined;
    if (config.prometheus) {
      report = await fetchAlertHistory(config.prometheus, {
        alertname: name,
        labels,
        windowSeconds,
        nowSeconds: now / 1000,
        zoneOffsetMinutes: zone.offsetMinutes,
      });
    }
    const incidents = await pastIncidentsSection(context, name, labels);

    if (config.output === 'json') {
      const document = {
        version: 1,
        alert: { name, labels },
        history: report ? historyJson(report) : null,
        incidents: incidents.json,
      };
      writeJson(context, document);
      return ExitCode.ok;
    }
    const lines = [`${sanitizeLine(name)} — history from Prometheus`];
    if (report)
      appendAll(
        lines,
        describeHistory(report, zone).map((line) => `  ${line}`),
      );
    else lines.push('  unknown: --prometheus.url is switched off');
    lines.push('', ...incidents.lines);
    context.stdout.write(`${lines.join('\n')}\n`);
    return ExitCode.ok;
  },
};

function parseWindow(text: string | undefined): number {
  if (text === undefined) return defaultHistorySeconds;
  const ms = parseDuration(text);
  if (ms === undefined || ms < 60_000) {
    throw new UsageError(
      `history: --window ${JSON.stringify(text)} is not a duration of a minute or more`,
      'Examples: --window 7d, --window 36h, --window 2w.',
    );
  }
  return Math.floor(ms / 1000);
}

function historyJson(report: HistoryReport) {
  const { history } = report;
  const iso = (seconds: number) => new Date(seconds * 1000).toISOString();
  return {
    query: report.selector,
    window: {
      start: iso(history.window.start),
      end: iso(history.window.end),
      stepSeconds: history.window.stepSeconds,
    },
    requestedSeconds: report.requestedSeconds,
    retentionSeconds: report.retentionSeconds ?? null,
    alertsSeriesFound: report.alertsSeriesFound,
    firingSeconds: history.firingSeconds,
    episodes: history.episodes.map((e) => ({
      labels: e.labels,
      start: iso(e.start),
      lastSeen: iso(e.lastSeen),
      durationSeconds: e.lastSeen - e.start,
      ongoing: e.ongoing,
      startedBefore: e.startedBefore,
    })),
    recurrence: history.recurrence ?? null,
  };
}
