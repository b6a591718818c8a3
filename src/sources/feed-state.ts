// The per-source bookkeeping of the alert feed: one source's status after an answer or a failure,
// its backoff, and the merged view over every source's last good answer.
import { liveBatches, mergeAlerts } from '../core/alerts/merge.js';
import { sortAlerts, sortAlertsLike } from '../core/alerts/order.js';
import type { AlertFeedSnapshot, FeedSource, FeedSourceStatus } from './alert-feed.js';
import type { SourceAlerts } from './alert-sources.js';
import { sameAlert } from '../core/alerts/same-alert.js';
import type { Alert } from '../core/alerts/alert.js';
import { errorLine } from '../core/errors.js';
import { SourceError } from './http-error.js';

/** One source as the feed tracks it. */
export interface SourceState {
  readonly source: FeedSource;
  status: FeedSourceStatus;
  data: SourceAlerts | undefined;
  dueAt: number;
  inFlight: Promise<void> | undefined;
  controller: AbortController | undefined;
}

/** A source before its first answer. */
export function initialStatus(source: Pick<FeedSource, 'name' | 'kind'>): FeedSourceStatus {
  return {
    name: source.name,
    kind: source.kind,
    health: 'loading',
    lastSuccessAt: undefined,
    error: undefined,
    consecutiveFailures: 0,
    alertCount: 0,
    problems: [],
    nextRefreshAt: undefined,
  };
}

/** A source not yet asked. */
export function newSourceState(source: FeedSource): SourceState {
  return {
    source,
    data: undefined,
    dueAt: 0,
    inFlight: undefined,
    controller: undefined,
    status: initialStatus(source),
  };
}

/** Cancels the source's request in flight; its answer, if it comes, is dropped. */
export function abortSource(state: SourceState): void {
  state.controller?.abort();
  state.inFlight = undefined;
  state.controller = undefined;
}

// The soonest a source without a request in flight is due; undefined when all are busy.
export function earliestDue(states: readonly SourceState[]): number | undefined {
  let next: number | undefined;
  for (const state of states)
    if (!state.inFlight && (next === undefined || state.dueAt < next)) next = state.dueAt;
  return next;
}

/** How long a source waits after `failures` failures in a row: doubling from two intervals, capped. */
export function backoffMs(failures: number, intervalMs: number, maxBackoffMs: number): number {
  return Math.min(intervalMs * 2 ** Math.min(failures, 30), maxBackoffMs);
}

/** Takes one answer (or failure) into the source's state and status. */
export function settle(
  state: SourceState,
  result: PromiseSettledResult<SourceAlerts>,
  now: number,
  intervalMs: number,
  maxBackoffMs: number,
): void {
  const previous = state.status;
  if (result.status === 'fulfilled') {
    state.data = result.value;
    state.dueAt = now + intervalMs;
    state.status = {
      ...previous,
      health: 'ok',
      lastSuccessAt: now,
      error: undefined,
      consecutiveFailures: 0,
      alertCount: result.value.alerts.length,
      problems: result.value.problems,
      nextRefreshAt: state.dueAt,
    };
    return;
  }
  const failures = previous.consecutiveFailures + 1;
  state.dueAt = now + backoffMs(failures, intervalMs, maxBackoffMs);
  const reason: unknown = result.reason;
  const error =
    reason instanceof SourceError
      ? errorLine(reason) // with its hint, as the CLI prints it
      : `${previous.kind} ${previous.name}: internal error: ${String(reason)}`;
  state.status = {
    ...previous,
    health: state.data ? 'stale' : 'failing',
    error,
    consecutiveFailures: failures,
    nextRefreshAt: state.dueAt,
  };
}

/** The live list and the stale one, as mergedView makes them. */
export type MergedView = Pick<AlertFeedSnapshot, 'alerts' | 'staleAlerts'>;

/**
 * The live list from every source whose answer still counts, and apart from it what only the
 * stale sources report. With `previous` (this function's last answer for the same sources) and
 * every source's alerts the same as then (`sameBatch`), in the same part (live or stale), gives
 * `previous` back: no merge, no sort, and the same arrays, so the screen sees nothing changed.
 */
export function mergedView(
  states: readonly SourceState[],
  now: number,
  intervalMs: number,
  previous?: { readonly view: MergedView; readonly inputs: readonly ViewInput[] },
): MergedView & { readonly inputs: readonly ViewInput[] } {
  // A source whose request hangs counts as failing once its last answer is two intervals old
  // (one interval of waiting on top of the normal one), so a hung peer cannot hold the view either.
  const timed = states.flatMap((s) => {
    const at = s.status.lastSuccessAt;
    if (!s.data || at === undefined) return [];
    const hung = s.inFlight !== undefined && now - at > 2 * intervalMs;
    return [{ ...s.data, fetchedAt: at, failing: s.status.health !== 'ok' || hung }];
  });
  const { live, stale } = liveBatches(timed, now, intervalMs);
  const inputs: ViewInput[] = [
    ...live.map((b) => ({ kind: b.kind, alerts: b.alerts, live: true })),
    ...stale.map((b) => ({ kind: b.kind, alerts: b.alerts, live: false })),
  ];
  if (previous !== undefined && sameInputs(previous.inputs, inputs)) return { ...previous.view, inputs };
  // A re-sent alert keeps its place: the last order is reused when no alert's sort keys changed.
  const sort = (last: readonly Alert[] | undefined, list: Alert[]) =>
    last === undefined ? sortAlerts(list) : sortAlertsLike(last, list);
  const alerts = sort(previous?.view.alerts, mergeAlerts(live));
  const shown = new Set(alerts.map((a) => a.fingerprint));
  const staleAlerts = sort(
    previous?.view.staleAlerts,
    mergeAlerts(stale).filter((a) => !shown.has(a.fingerprint)),
  );
  return { alerts, staleAlerts, inputs };
}

/** One source's alerts as a merged view took them in. */
export interface ViewInput {
  readonly kind: SourceAlerts['kind'];
  readonly alerts: readonly Alert[];
  readonly live: boolean;
}

function sameInputs(a: readonly ViewInput[], b: readonly ViewInput[]): boolean {
  return (
    a.length === b.length &&
    a.every((input, i) => {
      const other = b[i];
      return (
        other !== undefined &&
        input.kind === other.kind &&
        input.live === other.live &&
        sameBatch(input.alerts, other.alerts)
      );
    })
  );
}

/** Whether two answers of one source list the same alerts in the same order (each the same object, or equal). */
export function sameBatch(a: readonly Alert[], b: readonly Alert[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i += 1) {
    const x = a[i] as Alert;
    const y = b[i] as Alert;
    if (x !== y && !sameAlert(x, y)) return false;
  }
  return true;
}
