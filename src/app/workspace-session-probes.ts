// A session's probes. The alert rule is asked for as the session opens, while its runbook is found,
// and only the probes depend on it: when it has answered by the time the runbook is recorded (the
// usual case) the session opens with its probes; otherwise the checklist shows first and the probes
// follow through `probePlan`. A run is journaled only when it tells something new.
import type { Alert } from '../core/alerts/alert.js';
import { UserError } from '../core/errors.js';
import { probeRunEvent } from '../core/probe/timeline-record.js';
import type { TimelineEvent } from '../core/timeline/events.js';
import { lastProbeRun, probeRunChanged } from '../core/timeline/probe-change.js';
import type { ProbeSession } from '../sources/probe-session.js';
import type { ProbeRunOptions } from '../sources/probe-runner.js';
import type { Journal } from '../store/journal.js';
import type { WorkspaceSession } from './services.js';
import { lookUpRule, settling, type RuleLookup } from './session-plan.js';
import type * as Planner from './workspace-session-plan.js';
import type { SessionProbePlan } from './workspace-session-plan.js';
import type { FoundRunbookText, SessionDeps } from './workspace-session-deps.js';

/** An alert rule lookup under way, its answer readable once it has come. */
export type RuleAnswer = ReturnType<typeof settling<RuleLookup>>;

/** The session's rule lookups: one per alert, so asking again gives the lookup already under way. */
export function ruleLookups(deps: Pick<SessionDeps, 'findRule'>): (alert: Alert) => RuleAnswer {
  const rules = new Map<string, RuleAnswer>();
  return (alert) => {
    const known = rules.get(alert.fingerprint) ?? settling(lookUpRule(deps, alert));
    rules.set(alert.fingerprint, known);
    return known;
  };
}

/** The probes' plan: `ready` when the rule had answered as the session opened; `plan` always. */
export interface SessionProbes {
  readonly ready: SessionProbePlan | undefined;
  readonly plan: Promise<SessionProbePlan>;
}

let planner: typeof Planner | undefined;

/** The probes' planner (and the PromQL parser under it), loaded when a rule is there to plan from. */
export async function loadPlanner(): Promise<typeof Planner> {
  planner ??= await import('./workspace-session-plan.js');
  return planner;
}

/**
 * Plans the probes now if the rule has answered, else once it does. `loaded` is the planner when
 * the rule had answered (buildOpenSession loads it then, so the session opens with its probes).
 */
export function sessionProbes(
  rule: RuleAnswer,
  found: FoundRunbookText,
  alert: Alert,
  deps: Pick<SessionDeps, 'now' | 'renderProbeQuery'>,
  loaded: typeof Planner | undefined,
): SessionProbes {
  const answered = rule.value();
  const ready = answered && loaded?.planSessionProbes(answered, found, alert, deps);
  const plan = ready
    ? Promise.resolve(ready)
    : rule.promise.then(async (lookup) =>
        (await loadPlanner()).planSessionProbes(lookup, found, alert, deps),
      );
  // A planning failure is the probes' to report (runProbes, probePlan), never an unhandled rejection.
  plan.catch(() => undefined);
  return { ready, plan };
}

/** The probe steps as the session gives them: now, or empty until `probePlan` resolves. */
export function probeStepsOf({
  ready,
  plan,
}: SessionProbes): Pick<WorkspaceSession, 'probeSteps' | 'volatileLabels' | 'probePlan'> {
  return {
    probeSteps: ready?.probeSteps ?? [],
    volatileLabels: ready?.volatileLabels ?? [],
    ...(ready
      ? {}
      : {
          probePlan: plan.then((p) => ({
            probeSteps: p.probeSteps,
            volatileLabels: p.volatileLabels,
            problems: p.problem === undefined ? [] : [p.problem],
          })),
        }),
  };
}

/** What the probe runs need of the open session. */
export interface ProbeRunJournal {
  readonly journal: Journal;
  /** True once the session closed: a run that ends later is returned but not journaled. */
  readonly closed: () => boolean;
  readonly append: (event: TimelineEvent) => Promise<void>;
}

/** Runs a step's probes (one run at a time) for `alert`, journaling a run that changed something. */
export function probeRuns(
  plan: Promise<SessionProbePlan>,
  alert: Alert,
  deps: Pick<SessionDeps, 'probes' | 'now'>,
  { journal, closed, append }: ProbeRunJournal,
): Pick<WorkspaceSession, 'runProbes' | 'cancelProbes'> {
  const { probes } = deps;
  // Made at the first run: the probe runner (and the PromQL parser under its variants) loads then.
  let created: ProbeSession | undefined;
  let creating: Promise<ProbeSession> | undefined;
  const probeSession = (options: ProbeRunOptions) =>
    (creating ??= import('../sources/probe-session.js').then(
      ({ createProbeSession }) => (created = createProbeSession(options)),
    ));
  // Bumped by each cancel: a run asked for before it, still waiting for the plan or the runner's
  // code, does not start (there is nothing yet for the runner to cancel).
  let cancels = 0;
  return {
    runProbes: async (stepId, onResult) => {
      const asked = cancels;
      const step = (await plan).probeSteps.find((s) => s.id === stepId);
      if (!step) return [];
      if (!probes) {
        throw new UserError('no Prometheus configured', {
          hint: 'Pass --prometheus.url or run `sitrep config set prometheus.url URL`.',
        });
      }
      const session = await probeSession(probes);
      if (closed() || cancels !== asked) return [];
      const run = await session.run(step, onResult);
      if (!run || closed()) return run?.results;
      // Journal a run only when a value or verdict changed since the step's last recorded run.
      const event = { ...probeRunEvent(stepId, run.results, deps.now()), alert: alert.fingerprint };
      const incident = journal.incident();
      if (incident && probeRunChanged(lastProbeRun(incident, event.stepId), event)) await append(event);
      return run.results;
    },
    cancelProbes: () => {
      cancels += 1;
      created?.cancel();
    },
  };
}
