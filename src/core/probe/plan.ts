// Which probes run for an alert, and in which groups. The alert's own expression comes first, as its
// own pseudo-step ("Alert expression", id `alert-expression`) rather than folded into diagnosis
// step 1: it is not part of the runbook's text, a runbook without diagnosis steps (or with none
// that has probes) still gets it, the runbook's step numbers stay the runbook's, and the timeline
// records it as the alert's expression rather than as something step 1 said.
import type { LabelSet } from '../alerts/alert.js';
import type { Runbook, Step } from '../runbook/runbook.js';
import { alertExpressionProbe, alertExpressionRange, type AlertRuleInfo } from './alert-probe.js';
import type { Probe, ProbeStep } from './probe.js';
import { alertExpressionStepId } from './probe.js';
import type { ProbeSpec } from './probe-spec.js';
import { groupProbeVariants, planVariant, variantSourceMetrics, withVariantDefaults } from './variants.js';

/**
 * Fills a probe's `{{ $labels.x }}` placeholders from the alert's labels, escaped for the PromQL
 * literal each lands in, and checks the result parses; or says why it can not (naming the label the
 * alert lacks). The runbook module provides it.
 */
export type RenderProbeQuery = (
  template: string,
  labels: LabelSet,
) => { readonly ok: true; readonly query: string } | { readonly ok: false; readonly message: string };

/** What planning needs to know about the alert. */
export interface AlertContext {
  readonly labels: LabelSet;
  /** When the alert started firing (ms since the epoch), so the alert expression's range shows the rise. */
  readonly startsAtMs: number | undefined;
  readonly nowMs: number;
}

/** The alert expression's pseudo-step, or undefined when there is no rule to take it from. */
export function planAlertExpressionStep(
  rule: AlertRuleInfo | undefined,
  alert: AlertContext,
): ProbeStep | undefined {
  if (!rule) return undefined;
  const range = alertExpressionRange(alert.startsAtMs, alert.nowMs);
  return {
    id: alertExpressionStepId,
    title: 'Alert expression',
    probes: [alertExpressionProbe(rule, alert.labels, range)],
  };
}

/**
 * One runbook step's probes, templated for the alert; a probe that can not be filled in says why.
 * Consecutive blocks that are variants of one probe (see variants.ts) become one probe with
 * `variants`: the runner picks which runs. The first block's attributes (title, thresholds, range,
 * unit) hold for all its variants.
 */
export function planStep(
  step: Step,
  labels: LabelSet,
  render: RenderProbeQuery,
  sourceMetrics: ReadonlyMap<string, readonly string[]> = variantSourceMetrics([step]),
): ProbeStep {
  const probes = groupProbeVariants(withVariantDefaults(step.probes)).map((group, index): Probe => {
    const spec = group[0] as ProbeSpec;
    const rendered = render(spec.query, labels);
    const probe: Probe = {
      id: `${step.id}#${index + 1}`,
      stepId: step.id,
      title: spec.title,
      query: rendered.ok ? rendered.query : spec.query,
      unrunnable: rendered.ok ? undefined : rendered.message,
      judgement: { kind: 'thresholds', warn: spec.warn, crit: spec.crit },
      rangeSeconds: spec.rangeSeconds,
      unit: spec.unit,
      narrowTo: undefined,
      role: 'runbook',
      note: undefined,
    };
    if (spec.variant === undefined) return probe;
    const variants = group.map((v) => planVariant(v, render(v.query, labels), sourceMetrics));
    return { ...probe, variants };
  });
  return { id: step.id, title: stepTitle(step), probes };
}

/**
 * The rule to take the alert expression from: Prometheus's own (what actually fires) when it has one,
 * else the rule pasted into the runbook.
 */
export function chooseAlertRule(
  fromPrometheus: AlertRuleInfo | undefined,
  runbook: Runbook | undefined,
): AlertRuleInfo | undefined {
  if (fromPrometheus) return fromPrometheus;
  if (runbook?.ruleExpr)
    return { expr: runbook.ruleExpr, labels: runbook.rule?.labels ?? {}, origin: 'runbook' };
  return undefined;
}

/**
 * Every probe group for an alert, in order: the alert expression, then each diagnosis step that has
 * probes. Mitigation steps' probes are planned on request with planStep.
 */
export function planProbeSteps(
  runbook: Runbook | undefined,
  rule: AlertRuleInfo | undefined,
  alert: AlertContext,
  render: RenderProbeQuery,
): ProbeStep[] {
  const steps: ProbeStep[] = [];
  const alertStep = planAlertExpressionStep(rule, alert);
  if (alertStep) steps.push(alertStep);
  const sourceMetrics = variantSourceMetrics(runbook?.steps ?? []);
  for (const step of runbook?.steps ?? []) {
    if (step.section === 'diagnosis' && step.probes.length > 0)
      steps.push(planStep(step, alert.labels, render, sourceMetrics));
  }
  return steps;
}

/** "Diagnosis 2: Compare failures with attempts." — the step's number and its first line, cut short. */
export function stepTitle(step: Step): string {
  const section = step.section === 'diagnosis' ? 'Diagnosis' : 'Mitigation';
  const number = /-(\d+)$/.exec(step.id)?.[1];
  const firstLine =
    step.text
      .split('\n')
      .find((line) => line.trim() !== '')
      ?.trim() ?? '';
  const short = firstLine.length > 80 ? `${firstLine.slice(0, 79)}…` : firstLine;
  return `${section}${number ? ` ${number}` : ''}: ${short}`;
}
