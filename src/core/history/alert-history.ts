// Has this alert fired before? Prometheus keeps `ALERTS{alertname, alertstate="firing", …}` for as
// long as an alert fires (Alertmanager keeps no history), so a range query over it gives every
// episode in the window: the series is present at each step while the alert fires and absent
// otherwise. Its times are as precise as the query's step, which the result says.
import type { LabelSet } from '../alerts/alert.js';
import type { SamplePoint } from '../alerts/prometheus-query.js';
import { quoteString } from '../promql/escape.js';
import { recurrence, type Recurrence } from './recurrence.js';

/** One stretch of time during which the alert was firing for one label set. */
export interface FiringEpisode {
  /** The alert's labels (without `__name__` and `alertstate`). */
  readonly labels: LabelSet;
  /** First step it was seen firing (unix seconds). */
  readonly start: number;
  /** Last step it was seen firing (unix seconds). */
  readonly lastSeen: number;
  /** Still firing at the end of the window. */
  readonly ongoing: boolean;
  /** It was already firing at the start of the window, so it began earlier. */
  readonly startedBefore: boolean;
}

/** The window the history covers and how precise its times are. */
export interface HistoryWindow {
  /** Unix seconds. */
  readonly start: number;
  readonly end: number;
  /** The range query's step: each time is within one step. */
  readonly stepSeconds: number;
}

/** What the history says. */
export interface AlertHistory {
  readonly window: HistoryWindow;
  /** Oldest first. */
  readonly episodes: readonly FiringEpisode[];
  /** Seconds firing in the window, over all label sets (overlaps counted once per label set). */
  readonly firingSeconds: number;
  readonly recurrence: Recurrence | undefined;
}

/** The history, and what limited it. */
export interface HistoryReport {
  /** The PromQL selector the history was read with. */
  readonly selector: string;
  readonly history: AlertHistory;
  /** The window asked for, in seconds. */
  readonly requestedSeconds: number;
  /** Prometheus's retention, when it says (`/api/v1/status/runtimeinfo`). */
  readonly retentionSeconds: number | undefined;
  /** False when the backend had no ALERTS series at all in the window: it can not answer. */
  readonly alertsSeriesFound: boolean;
}

/** How many points a range query may return per series (Prometheus refuses more than 11,000). */
const maxPoints = 10_000;
const minStep = 10;

/** The step for a window: at least 10 s, and few enough points for Prometheus. */
export function historyStep(windowSeconds: number): number {
  return Math.max(minStep, Math.ceil(windowSeconds / maxPoints));
}

/** The PromQL for the alert's firing series, narrowed by equality on `labels` (values escaped). */
export function historySelector(alertname: string, labels: LabelSet): string {
  const matchers = Object.entries(labels)
    .filter(([name]) => name !== 'alertname' && name !== 'alertstate' && name !== '__name__')
    .filter(([name]) => /^[a-zA-Z_][a-zA-Z0-9_]*$/.test(name))
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([name, value]) => `${name}=${quoteString(value)}`);
  return `ALERTS{${[`alertname=${quoteString(alertname)}`, 'alertstate="firing"', ...matchers].join(', ')}}`;
}

/**
 * True when an ALERTS series could be this alert's: every label both have agrees (the bookkeeping
 * `__name__` and `alertstate` aside). A label only the alert has (an external label added on the
 * way to Alertmanager) is not held against the series.
 */
export function seriesAgrees(series: LabelSet, alertLabels: LabelSet): boolean {
  return Object.entries(series).every(
    ([name, value]) =>
      name === '__name__' ||
      name === 'alertstate' ||
      alertLabels[name] === undefined ||
      alertLabels[name] === value,
  );
}

/**
 * The history with the alert's current firing in it, from the alert's own start, when ALERTS does
 * not show it yet: opened the moment it fires, the workspace asks before the rule's next evaluation
 * writes the sample (seen: "Did not fire in the last 1 day" beside an alert firing for 29 s). An
 * episode seen until just before is the same firing: it is carried on to the window's end.
 */
export function withCurrentFiring(
  history: AlertHistory,
  current: { readonly labels: LabelSet; readonly startsAtSeconds: number },
): AlertHistory {
  const { start: windowStart, end, stepSeconds } = history.window;
  // The window ends on a whole second before the query: an alert that fired within its last step
  // (seen: 0.7 s before asking) started "at the end".
  const since = Math.min(current.startsAtSeconds, end);
  if (!Number.isFinite(since) || current.startsAtSeconds > end + stepSeconds) return history;
  if (history.episodes.some((e) => e.ongoing)) return history;
  const recent = history.episodes.findIndex((e) => e.lastSeen >= since - stepSeconds);
  const previous = history.episodes[recent];
  if (previous) {
    const carried = { ...previous, lastSeen: end, ongoing: true };
    const episodes = history.episodes.map((e, index) => (index === recent ? carried : e));
    return { ...history, episodes, firingSeconds: history.firingSeconds + (end - previous.lastSeen) };
  }
  const start = Math.max(windowStart, since);
  const episode = {
    labels: current.labels,
    start,
    lastSeen: end,
    ongoing: true,
    startedBefore: since < windowStart,
  };
  return {
    ...history,
    episodes: [...history.episodes, episode],
    firingSeconds: history.firingSeconds + (end - start),
  };
}

/**
 * Episodes from the range series of the history selector: a gap of more than one step between two
 * points ends one and starts the next. `zoneOffsetMinutes` places the hours for recurrence.
 */
export function analyseHistory(
  series: readonly { readonly metric: LabelSet; readonly points: readonly SamplePoint[] }[],
  window: HistoryWindow,
  zoneOffsetMinutes = 0,
): AlertHistory {
  const episodes: FiringEpisode[] = [];
  let firingSeconds = 0;
  const tolerance = window.stepSeconds * 1.5;
  for (const { metric, points } of series) {
    const labels = withoutBookkeeping(metric);
    const times = points
      .filter((p) => !Number.isNaN(p.value))
      .map((p) => p.timestamp)
      .sort((a, b) => a - b);
    let start: number | undefined;
    let last = 0;
    const close = () => {
      if (start === undefined) return;
      episodes.push({
        labels,
        start,
        lastSeen: last,
        ongoing: last >= window.end - tolerance,
        startedBefore: start <= window.start + tolerance,
      });
      firingSeconds += last - start;
    };
    for (const time of times) {
      if (start !== undefined && time - last > tolerance) {
        close();
        start = undefined;
      }
      start ??= time;
      last = time;
    }
    close();
  }
  episodes.sort((a, b) => a.start - b.start);
  return {
    window,
    episodes,
    firingSeconds,
    recurrence: recurrence(
      episodes.filter((e) => !e.startedBefore).map((e) => e.start),
      zoneOffsetMinutes,
    ),
  };
}

function withoutBookkeeping(metric: LabelSet): LabelSet {
  const labels: Record<string, string> = {};
  for (const [name, value] of Object.entries(metric)) {
    if (name !== '__name__' && name !== 'alertstate') labels[name] = value;
  }
  return labels;
}
