// What a workspace session needs before and after its checklist shows. The runbook comes first
// (it is the checklist); the alert rule comes from Prometheus and only the probes depend on it, so
// a rule that is slow to answer never holds the checklist back: the probes follow when it answers.
// And a resumed incident whose alert the feed has not listed yet is looked up from its recorded
// copy, which lacks the annotations and generator URL that chose its runbook: when that finds
// another runbook than the one recorded, the feed's first answer decides. The probes' plan itself
// is in workspace-session-plan.ts, loaded when there is a rule to plan from.
import type { Alert } from '../core/alerts/alert.js';
import { errorLine } from '../core/errors.js';
import { runbookTextHash } from '../core/timeline/event-builders.js';
import type { Journal } from '../store/journal.js';
import type { TrackedFeed } from './alert-tracking.js';
import type { FoundRunbookText, SessionDeps } from './workspace-session-deps.js';
import type { AlertRuleInfo } from '../core/probe/alert-probe.js';

/** The alert rule as looked up: the rule, or why the lookup failed (in words). */
export interface RuleLookup {
  readonly rule: AlertRuleInfo | undefined;
  readonly problem: string | undefined;
}

/** Looks up the alert's rule; never rejects (a failure becomes the problem's words). */
export function lookUpRule(deps: Pick<SessionDeps, 'findRule'>, alert: Alert): Promise<RuleLookup> {
  return deps.findRule(alert).then(
    (rule) => ({ rule, problem: undefined }),
    // Without the rule the alert-expression probe is missing: say why instead of dropping it.
    (error: unknown) => ({ rule: undefined, problem: `Alert rule lookup failed: ${errorLine(error)}` }),
  );
}

/** A promise with its value readable once it has settled (undefined before). */
export function settling<T>(promise: Promise<T>): { readonly promise: Promise<T>; value(): T | undefined } {
  let settled: T | undefined;
  promise.then(
    (value) => {
      settled = value;
    },
    () => undefined,
  );
  return { promise, value: () => settled };
}

/** Resolves once every source of the feed has answered once (or failed to); at once without a feed. */
export function feedAnswered(feed: TrackedFeed | undefined): Promise<void> {
  const answered = () =>
    feed === undefined || feed.getSnapshot().sources.every((s) => s.health !== 'loading');
  if (answered()) return Promise.resolve();
  return new Promise((resolve) => {
    const stop = feed?.subscribe(() => {
      if (!answered()) return;
      stop?.();
      resolve();
    });
  });
}

/**
 * The runbook of an opened journal's first alert. A recorded copy of the alert (the feed has not
 * listed it yet) may find another runbook than the one the journal holds (a `runbook_url`
 * annotation, the generic runbook's expression from the generator URL): then the feed's first answer
 * is waited for and the alert taken from it, so the runbook is the one the live alert leads to and
 * no runbook-opened event is recorded for a runbook nobody chose.
 */
export async function sessionRunbook(
  journal: Journal,
  alerts: readonly Alert[],
  deps: Pick<SessionDeps, 'findRunbook' | 'feed'>,
  isRecordedCopy: (alert: Alert) => boolean,
  liveAlerts: (current: readonly Alert[]) => Alert[],
): Promise<{ readonly alerts: readonly Alert[]; readonly found: FoundRunbookText }> {
  const [alert] = alerts;
  if (!alert) throw new Error('the incident has no alerts');
  const found = await deps.findRunbook(alert);
  const recorded = journal.incident()?.runbook?.textHash;
  if (!isRecordedCopy(alert) || recorded === undefined || runbookTextHash(found.text) === recorded)
    return { alerts, found };
  await feedAnswered(deps.feed);
  const live = liveAlerts(deps.feed?.getSnapshot().alerts ?? []);
  const [first] = live;
  if (!first || isRecordedCopy(first)) return { alerts, found };
  return { alerts: live, found: await deps.findRunbook(first) };
}
