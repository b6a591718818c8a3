import type { LabelSet } from '../alerts/alert.js';
import type { Rule, RuleGroup } from '../alerts/prometheus-api.js';
import { keptLabels, mayKeep } from '../promql/kept-labels.js';
import { splitAlertExpression } from './alert-expression.js';
import type { Probe } from './probe.js';
import { alertExpressionStepId } from './probe.js';

/** Where the alert rule's expression was found. */
export type AlertRuleOrigin = 'prometheus' | 'runbook';

/** The alert rule behind an alert, as far as sitrep could find it. */
export interface AlertRuleInfo {
  readonly expr: string;
  /** The rule's own `labels:` (e.g. severity); empty when unknown (a rule pasted into a runbook). */
  readonly labels: LabelSet;
  readonly origin: AlertRuleOrigin;
}

const minute = 60;
// Without a start time, half an hour. A young alert gets a shorter window and so a finer step
// (10 minutes → 10 s): the postmortem's detection lag is read off these points, and a 30 s step
// would blur "fired 40 s after the failure began" into "somewhere within a minute".
const minimumRange = 30 * minute;
const freshRange = 10 * minute;
const maximumRange = 24 * 60 * minute;

/**
 * How far back the alert expression's sparkline reaches: at least 10 minutes (30 when the start is
 * unknown), and far enough to show
 * the rise before the alert started firing (the time since it started plus a quarter, so the start
 * is not at the left edge), at most a day.
 */
export function alertExpressionRange(startsAtMs: number | undefined, nowMs: number): number {
  if (startsAtMs === undefined || !Number.isFinite(startsAtMs) || startsAtMs > nowMs) return minimumRange;
  const since = (nowMs - startsAtMs) / 1000;
  const wanted = Math.ceil((since * 1.25) / minute) * minute;
  return Math.min(maximumRange, Math.max(freshRange, wanted));
}

/**
 * The free probe every runbook gets: the alert rule's expression without its threshold comparison,
 * judged against that threshold (crit), and narrowed to this alert's series. An expression that does
 * not parse gives an unrunnable probe that says so.
 */
export function alertExpressionProbe(
  rule: AlertRuleInfo,
  alertLabels: LabelSet,
  rangeSeconds: number = minimumRange,
): Probe {
  const origin = rule.origin === 'prometheus' ? "Prometheus's rule" : 'the rule pasted in the runbook';
  const base = {
    id: alertExpressionStepId,
    stepId: alertExpressionStepId,
    title: 'Alert value',
    rangeSeconds,
    unit: undefined,
    role: 'alert-rule',
    narrowTo: { labels: alertLabels, ignore: Object.keys(rule.labels) },
  } as const;
  const split = splitAlertExpression(rule.expr);
  if (!split) {
    return {
      ...base,
      query: rule.expr,
      unrunnable: `the alert expression from ${origin} is not valid PromQL`,
      judgement: { kind: 'condition' },
      note: undefined,
    };
  }
  return {
    ...base,
    query: split.query,
    unrunnable: undefined,
    judgement: split.judgement,
    note: split.note === undefined ? `from ${origin}` : `from ${origin}; ${split.note}`,
  };
}

/**
 * The alerting rule behind an alert, from `/api/v1/rules`: a rule with the alert's name whose own
 * labels the alert carries (a team may have one rule per severity under the same name). Of several,
 * the one whose expression can give the alert its labels first (one rule per exporter under one
 * name: `by (proxy, server)` and `by (backend, server)`), then a firing one. Undefined when
 * Prometheus has no such rule.
 */
export function findAlertRule(
  groups: readonly RuleGroup[],
  alertname: string,
  alertLabels: LabelSet,
): AlertRuleInfo | undefined {
  const candidates = groups
    .flatMap((group) => group.rules)
    .filter((rule) => rule.type === 'alerting' && rule.name === alertname)
    .filter((rule) =>
      Object.entries(rule.labels).every(
        ([name, value]) => alertLabels[name] === undefined || alertLabels[name] === value,
      ),
    );
  const ranked = candidates
    .map((rule, index) => ({ rule, index, misses: labelsItCannotGive(rule, alertLabels) }))
    .sort(
      (a, b) =>
        a.misses - b.misses ||
        Number(b.rule.state === 'firing') - Number(a.rule.state === 'firing') ||
        a.index - b.index,
    );
  const rule = ranked[0]?.rule;
  return rule ? { expr: rule.query, labels: rule.labels, origin: 'prometheus' } : undefined;
}

/** How many of the alert's labels (other than its name and the rule's own) the rule's expression cannot keep. */
function labelsItCannotGive(rule: Rule, alertLabels: LabelSet): number {
  const kept = keptLabels(rule.query);
  if (kept === undefined) return 0;
  return Object.keys(alertLabels).filter(
    (name) => name !== 'alertname' && rule.labels[name] === undefined && !mayKeep(kept, name),
  ).length;
}
