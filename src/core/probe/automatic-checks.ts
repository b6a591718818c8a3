// The "Automatic checks" step: probes derived from the alert's own expression, for every alert whose
// rule is known, with or without a runbook. Three questions the first minutes of on-call ask:
// - which of the series behind the number carries it (the input of each aggregation, narrowed to the
//   alert's labels, top 10);
// - is this normal (the value now as a share of the same expression 1 and 7 days ago);
// - is the data itself healthy (`up` of the targets that feed it, and the age of its newest
//   samples: a dead exporter looks like a quiet system).
// Every query is built on the grammar's syntax tree (src/core/promql/derive.ts); an expression it can
// not take apart gives fewer checks, never an invalid query.
import type { LabelSet } from '../alerts/alert.js';
import { deriveExpression, type AggregationInput, type DerivedSelector } from '../promql/derive.js';
import { keptLabels } from '../promql/kept-labels.js';
import { splitAlertExpression } from './alert-expression.js';
import { alertExpressionRange, type AlertRuleInfo } from './alert-probe.js';
import type { AlertContext } from './plan.js';
import type { Probe, ProbeStep } from './probe.js';
import type { Threshold } from './probe-spec.js';
import type { Judgement } from './verdict.js';

/** The id of the automatic checks' step (recorded in the timeline as its step id). */
export const automaticChecksStepId = 'automatic-checks';

/** How many series a breakdown shows, and how many aggregations / metrics get checks. */
const topCount = 10;
const maxAggregations = 3;
const maxMetrics = 3;
/** Older than this, a sample says its target is scraped rarely or not at all (a common interval is 15–60 s). */
const staleAfterSeconds = 120;
const comparisons: readonly { offset: string; words: string }[] = [
  { offset: '1d', words: '1 day' },
  { offset: '7d', words: '7 days' },
];

const unjudged: Judgement = { kind: 'thresholds', warn: undefined, crit: undefined };

/**
 * The automatic checks for an alert, or undefined when there is no rule, its expression does not
 * parse, or nothing can be derived from it.
 */
export function planAutomaticChecks(
  rule: AlertRuleInfo | undefined,
  alert: AlertContext,
): ProbeStep | undefined {
  if (!rule) return undefined;
  const probes = automaticCheckProbes(
    rule,
    alert.labels,
    alertExpressionRange(alert.startsAtMs, alert.nowMs),
  );
  return probes.length === 0 ? undefined : { id: automaticChecksStepId, title: 'Automatic checks', probes };
}

/** The derived probes for one alert, in order: breakdowns, comparisons with the past, data health. */
export function automaticCheckProbes(rule: AlertRuleInfo, labels: LabelSet, rangeSeconds: number): Probe[] {
  const split = splitAlertExpression(rule.expr);
  if (!split) return [];
  const derived = deriveExpression(split.query, labels, Object.keys(rule.labels));
  if (!derived) return [];
  const crit = split.judgement.kind === 'thresholds' ? split.judgement.crit : undefined;
  const probe = (
    index: number,
    fields: Pick<Probe, 'title' | 'query' | 'judgement' | 'unit' | 'note'>,
  ): Probe => ({
    id: `${automaticChecksStepId}#${index + 1}`,
    stepId: automaticChecksStepId,
    unrunnable: undefined,
    rangeSeconds,
    narrowTo: undefined,
    role: 'derived',
    ...fields,
  });
  const specs = [
    ...derived.aggregations
      .slice(0, maxAggregations)
      .map((found, index, all) =>
        breakdown(found, crit, all.length > 1 ? ` (${index + 1} of ${all.length})` : ''),
      ),
    ...pastComparisons(split.query, derived.narrowed, derived.shifted, crit),
    ...dataHealth(derived.selectors),
  ];
  const seen = new Set<string>();
  return specs
    .filter((spec) => !seen.has(spec.query) && seen.add(spec.query))
    .map((spec, index) => probe(index, spec));
}

type ProbeFields = Pick<Probe, 'title' | 'query' | 'judgement' | 'unit' | 'note'>;

function breakdown(found: AggregationInput, crit: Threshold | undefined, which: string): ProbeFields {
  // The culprits of a low value (a `min`, or an alert on falling under a threshold) are the lowest.
  const low = found.operator === 'min' || crit?.op === '<' || crit?.op === '<=';
  const [pick, end] = low ? ['bottomk', 'bottom'] : ['topk', 'top'];
  if (found.quantileOf !== undefined) {
    return {
      title: `Derived: each series' quantile behind histogram_quantile(${found.quantileOf}, …)${which}`,
      query: `${pick}(${topCount}, histogram_quantile(${found.quantileOf}, ${found.input}))`,
      // The same quantile per series: one over the threshold is a culprit on its own.
      judgement: { kind: 'thresholds', warn: undefined, crit },
      unit: undefined,
      note: `derived from the alert expression: \`${found.aggregation}\` without its aggregation, ${end} ${topCount}`,
    };
  }
  // A max (min) is over the threshold exactly when one of its inputs is: each input can be judged.
  // A sum or an average spreads the value over its inputs, so no input is judged against it.
  const judged =
    crit !== undefined &&
    ((found.operator === 'max' && (crit.op === '>' || crit.op === '>=')) ||
      (found.operator === 'min' && (crit.op === '<' || crit.op === '<=')));
  return {
    title: `Derived: the series behind ${found.aggregation}${which}`,
    query: `${pick}(${topCount}, ${found.input})`,
    judgement: judged ? { kind: 'thresholds', warn: undefined, crit } : unjudged,
    unit: undefined,
    note: `derived from the alert expression: the input of \`${found.aggregation}\` for this alert, ${end} ${topCount}`,
  };
}

function pastComparisons(
  value: string,
  narrowed: string,
  shifted: (duration: string) => string | undefined,
  crit: Threshold | undefined,
): ProbeFields[] {
  // A condition run whole (two vectors compared, absent()) has no value to compare; nor has a number.
  const kept = keptLabels(value);
  if (crit === undefined || kept === undefined || kept.kind === 'none') return [];
  return comparisons.flatMap(({ offset, words }) => {
    const past = shifted(offset);
    if (past === undefined) return [];
    return [
      {
        title: `Derived: now as a share of ${words} ago`,
        query: `(${narrowed}) / (${past})`,
        judgement: unjudged,
        unit: 'ratio',
        note: `derived from the alert expression: its value now divided by its value ${words} earlier (offset ${offset}); 100% is the same as then, no data when Prometheus keeps less history`,
      },
    ];
  });
}

function dataHealth(selectors: readonly DerivedSelector[]): ProbeFields[] {
  const byMetric = new Map<string, DerivedSelector>();
  for (const selector of selectors) {
    const name = selector.metric ?? selector.selector;
    if (name !== 'up' && !byMetric.has(name)) byMetric.set(name, selector);
  }
  return [...byMetric.entries()].slice(0, maxMetrics).flatMap(([name, { metric, selector }]) => {
    // A recording rule's output (`job:x:rate5m`) usually keeps `job` but not `instance`.
    const target = metric?.includes(':') ? 'job' : 'job, instance';
    const down: Threshold = { op: '<', value: 1 };
    const stale: Threshold = { op: '>', value: staleAfterSeconds };
    return [
      {
        title: `Derived: scrape targets feeding ${name} (up)`,
        query: `up and on (${target}) group by (${target}) (last_over_time(${selector}[1h]))`,
        judgement: { kind: 'thresholds', warn: undefined, crit: down },
        unit: undefined,
        note: `derived from the alert expression: \`up\` of every target that sent ${name} in the last hour; 0 means Prometheus can not scrape it`,
      },
      {
        title: `Derived: age of the newest ${name} samples`,
        query: `max by (${target}) (time() - timestamp(${selector}))`,
        judgement: { kind: 'thresholds', warn: stale, crit: undefined },
        unit: 'seconds',
        note: `derived from the alert expression: seconds since each target's last sample of ${name}; over ${staleAfterSeconds} s its data is stale`,
      },
    ];
  });
}
