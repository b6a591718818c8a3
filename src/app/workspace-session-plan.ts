// The probes of a workspace session, planned from the alert, its runbook and its rule. Loaded when
// the rule is known (workspace-session-probes.ts), not as the session opens: the PromQL parser
// under the plan is not needed to show the checklist.
import { volatileLabels } from '../core/alerts/silence-matchers.js';
import type { Alert } from '../core/alerts/alert.js';
import type { AlertRuleInfo } from '../core/probe/alert-probe.js';
import type { ProbeStep } from '../core/probe/probe.js';
import { chooseAlertRule } from '../core/probe/plan.js';
import { fillProbeQuery } from '../core/promql/fill.js';
import { planProbeStepsWithChecks } from './automatic-checks.js';
import type { RuleLookup } from './session-plan.js';
import type { FoundRunbookText, SessionDeps } from './workspace-session-deps.js';

/** The probes of a session, planned once the alert rule is known. */
export interface SessionProbePlan {
  /** The rule the probes use: Prometheus's, or the one pasted in the runbook. */
  readonly rule: AlertRuleInfo | undefined;
  readonly probeSteps: readonly ProbeStep[];
  readonly volatileLabels: readonly string[];
  /** Why the alert-expression probe is missing, when the lookup failed. */
  readonly problem: string | undefined;
}

/** The probe steps for the alert, its runbook and its rule. */
export function planSessionProbes(
  lookup: RuleLookup,
  found: FoundRunbookText,
  alert: Alert,
  deps: Pick<SessionDeps, 'now' | 'renderProbeQuery'>,
): SessionProbePlan {
  const rule = chooseAlertRule(lookup.rule, found.runbook);
  const startsAtMs = Date.parse(alert.startsAt);
  const probeSteps = planProbeStepsWithChecks(
    found.runbook,
    rule,
    {
      labels: alert.labels,
      startsAtMs: Number.isNaN(startsAtMs) ? undefined : startsAtMs,
      nowMs: deps.now(),
    },
    deps.renderProbeQuery ?? fillProbeQuery,
  );
  return {
    rule,
    probeSteps,
    volatileLabels: volatileLabels(lookup.rule?.labels ?? {}),
    problem: lookup.problem,
  };
}
