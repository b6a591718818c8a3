// `sitrep probe ALERTNAME`: runs the alert's probes once and prints what they found — the alert's own
// expression, then each diagnosis step of its runbook — as text, or with --json the full results.
import { ExitCode, UsageError, UserError } from '../../core/errors.js';
import { findAlertRule } from '../../core/probe/alert-probe.js';
import { probeResultJson } from '../../core/probe/json.js';
import { chooseAlertRule, planProbeSteps } from '../../core/probe/plan.js';
import type { ProbeStep } from '../../core/probe/probe.js';
import { alertExpressionStepId } from '../../core/probe/probe.js';
import { formatLabels } from '../../core/format/labels.js';
import { formatStepReport } from '../../core/probe/report.js';
import { probeRanCompletely, type ProbeResult } from '../../core/probe/result.js';
import { fillProbeQuery } from '../../core/promql/fill.js';
import { sanitizeLine } from '../../core/sanitize.js';
import type { Endpoint } from '../../sources/http-client.js';
import { SourceError } from '../../sources/http-error.js';
import { prometheusProbeClient } from '../../sources/prometheus-probe-client.js';
import { getRules } from '../../sources/prometheus.js';
import { runProbeStep } from '../../sources/probe-runner.js';
import { writeJson, type Command, type CommandContext } from '../command.js';
import { parseCommandArgs } from '../parse-args.js';
import { runbookProxy } from '../../sources/runbook-proxy.js';
import { lookUpRunbook } from '../../sources/runbook-lookup.js';
import { printWarnings, resolveSourceOptions, sourceOptionsHelp } from '../source-options.js';
import { findProbeTarget, parseLabelFlags } from './probe-target.js';
import { describeRunbookSource } from './runbook-view.js';

const options = {
  label: { type: 'string', multiple: true, short: 'l' },
  step: { type: 'string' },
  'runbooks.dir': { type: 'string', multiple: true },
  'runbooks.allowed-host': { type: 'string', multiple: true },
} as const;

const help = `Usage: sitrep probe ALERTNAME [--label NAME=VALUE ...] [--step N] [--json]

Runs the PromQL probes for an alert against Prometheus and prints what they found: first the
alert's own expression (its value without the threshold, judged by the threshold, for this alert's
series only), then the probes of each diagnosis step of the alert's runbook, with the alert's labels
filled in. Each probe shows its final query and, per series, the value now, a verdict (ok, warn,
CRITICAL, no data, ERROR) and a sparkline of the probe's range. Only read-only queries are sent.

The labels come from the firing alert with that name (from Alertmanager or Prometheus); --label
picks one of several, or stands in when none fires.

Flags:
  -l, --label NAME=VALUE  an alert label (repeat for more)
  --step N                only diagnosis step N; 0 is the alert expression alone
  --runbooks.dir DIR      a runbook folder searched before the others (repeat for more)
  --runbooks.allowed-host HOST
                          fetch the alert's runbook URL from HOST (repeat for more)
  --json                  the full results (shape in README.md, "sitrep probe")

${sourceOptionsHelp}

The alert, the alerting rules and then every probe are asked concurrently, all within twice
--timeout: a hung Prometheus costs at most that, and each probe that got no answer says so.

Exit codes: 0 every probe ran, 1 some probe failed to run (its error is shown), 2 bad usage.`;

/** `sitrep probe`. */
export const probeCommand: Command = {
  name: 'probe',
  help,
  async run(args, context) {
    const { values, positionals } = parseCommandArgs('probe', args, options);
    const [name, ...extra] = positionals;
    if (name === undefined || name.trim() === '')
      throw new UsageError(
        'probe: which alert? Give its ALERTNAME.',
        'Example: sitrep probe HaproxyServerConnectionErrors --label server=web1',
      );
    if (extra.length > 0)
      throw new UsageError(
        `probe: unexpected argument ${JSON.stringify(extra[0])}`,
        'Labels go in --label NAME=VALUE.',
      );
    const stepNumber = parseStep(values.step);
    const given = parseLabelFlags('probe', values.label ?? []);
    const { config, warnings } = resolveSourceOptions({}, context);
    printWarnings(warnings, context);
    if (!config.prometheus) {
      throw new UsageError(
        'probe: probes need Prometheus, and --prometheus.url is switched off.',
        'Give --prometheus.url URL.',
      );
    }
    const prometheus = config.prometheus;

    // One overall deadline: the alert and the rules are asked at once, then every probe at once,
    // each phase within --timeout, so a hung Prometheus costs about twice --timeout, not 8 times.
    const deadline = Date.now() + 2 * prometheus.timeoutMs;
    const [target, groups] = await Promise.all([
      findProbeTarget(name, given, config),
      alertingRules(prometheus, context),
    ]);
    for (const note of target.notes) context.stderr.write(`sitrep: ${note}\n`);
    const fromPrometheus = groups && findAlertRule(groups, name, target.labels);
    // Always a runbook: the library's, the alert's runbook URL, or the built-in generic one.
    const found = await lookUpRunbook(
      { name, labels: target.labels, runbookUrl: target.alert?.runbookUrl },
      context,
      {
        expression: fromPrometheus?.expr,
        flagDirs: values['runbooks.dir'] ?? [],
        allowedHosts: values['runbooks.allowed-host'] ?? [],
        proxyUrl: runbookProxy(config),
      },
    );
    for (const note of found.notes) context.stderr.write(`sitrep: ${sanitizeLine(note)}\n`);
    const rule = chooseAlertRule(fromPrometheus, found.runbook);
    const startsAtMs = target.alert ? Date.parse(target.alert.startsAt) : undefined;
    const alertContext = { labels: target.labels, startsAtMs, nowMs: Date.now() };
    const steps = selectStep(planProbeSteps(found.runbook, rule, alertContext, fillProbeQuery), stepNumber);
    if (steps.length === 0) throw nothingToRun(name, stepNumber);

    const client = prometheusProbeClient(prometheus);
    const timeoutMs = Math.max(1_000, Math.min(prometheus.timeoutMs, deadline - Date.now()));
    const source = `prometheus ${prometheus.name}`;
    const runs: { step: ProbeStep; results: readonly ProbeResult[] }[] = await Promise.all(
      steps.map(async (step) => {
        const run = await runProbeStep(step, { client, timeoutMs, source });
        return { step, results: run?.results ?? [] };
      }),
    );
    const ok = runs.every((run) => run.results.every(probeRanCompletely));

    if (config.output === 'json') {
      const document = {
        version: 1,
        alert: { name, labels: target.labels, from: target.from, startsAt: target.alert?.startsAt ?? null },
        runbook: { title: found.runbook.title, source: found.source },
        rule: rule ? { expr: rule.expr, origin: rule.origin } : null,
        steps: runs.map((run) => ({
          id: run.step.id,
          title: run.step.title,
          probes: run.results.map(probeResultJson),
        })),
        ok,
      };
      writeJson(context, document);
    } else {
      const source = describeRunbookSource(found.source);
      context.stdout.write(
        `${sanitizeLine(name)} ${formatLabelsInline(target.labels)} — runbook: ${source}\n\n`,
      );
      context.stdout.write(runs.map((run) => formatStepReport(run.step.title, run.results)).join('\n'));
    }
    return ok ? ExitCode.ok : ExitCode.failure;
  },
};

function parseStep(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  if (!/^\d+$/.test(text.trim()))
    throw new UsageError(
      `probe: --step ${JSON.stringify(text)} is not a step number`,
      'Diagnosis steps count from 1; 0 is the alert expression.',
    );
  return Number(text);
}

function selectStep(steps: readonly ProbeStep[], number: number | undefined): ProbeStep[] {
  if (number === undefined) return [...steps];
  const id = number === 0 ? alertExpressionStepId : `diagnosis-${number}`;
  return steps.filter((step) => step.id === id);
}

function nothingToRun(name: string, step: number | undefined): UserError {
  const what =
    step === undefined
      ? 'no probes: its runbook has none, and Prometheus has no alerting rule by that name'
      : step === 0
        ? 'no alert expression: Prometheus has no alerting rule by that name, and its runbook no pasted rule'
        : `no diagnosis step ${step} with probes`;
  return new UserError(`probe: ${sanitizeLine(name)} has ${what}`, {
    hint: 'Check the alert name (case matters), --prometheus.url, and `sitrep runbook` for its steps.',
    exitCode: step === undefined ? ExitCode.failure : ExitCode.usage,
  });
}

// Prometheus's alerting rules, to find the one it evaluates for the alert. A failure here is
// reported and the runbook's pasted rule (if any) is used instead: the probes themselves will say
// whether Prometheus answers.
async function alertingRules(
  source: Endpoint,
  context: CommandContext,
): Promise<Parameters<typeof findAlertRule>[0] | undefined> {
  try {
    return (await getRules(source, { type: 'alert' })).groups;
  } catch (error) {
    if (!(error instanceof SourceError)) throw error;
    context.stderr.write(`sitrep: could not read alerting rules: ${sanitizeLine(error.message)}\n`);
    return undefined;
  }
}

function formatLabelsInline(labels: Record<string, string>): string {
  return formatLabels(labels, { omit: ['alertname'] });
}
