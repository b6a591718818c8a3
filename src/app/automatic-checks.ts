// Where the automatic checks join the probe steps an incident runs: right after the alert's own
// expression and before the runbook's steps, so they are there (alone, with the alert expression)
// for an alert without a runbook too. The checks themselves are derived in src/core.
import { planAutomaticChecks } from '../core/probe/automatic-checks.js';
import type { AlertRuleInfo } from '../core/probe/alert-probe.js';
import { planProbeSteps, type AlertContext, type RenderProbeQuery } from '../core/probe/plan.js';
import { alertExpressionStepId, type ProbeStep } from '../core/probe/probe.js';
import type { Runbook } from '../core/runbook/runbook.js';

/**
 * Every probe step for an alert: the alert expression, the automatic checks derived from it (when
 * its rule is known and something can be derived), then the runbook's diagnosis steps.
 */
export function planProbeStepsWithChecks(
  runbook: Runbook | undefined,
  rule: AlertRuleInfo | undefined,
  alert: AlertContext,
  render: RenderProbeQuery,
): ProbeStep[] {
  const steps = planProbeSteps(runbook, rule, alert, render);
  const checks = planAutomaticChecks(rule, alert);
  if (!checks) return steps;
  const at = steps[0]?.id === alertExpressionStepId ? 1 : 0;
  return [...steps.slice(0, at), checks, ...steps.slice(at)];
}
