// The one order in which a probe's series are listed — on the screen, by `sitrep probe`, in `--json`
// and in the journal — so the series that decide the verdict are read first and are never the ones
// hidden under "… and 2 more series":
// 1. by verdict, worst first (critical, warn, ok, no data, unjudged; see verdictRank);
// 2. by value, the most alarming first: descending when the probe alarms above a threshold (`>`,
//    `>=`, and probes without thresholds or judged by the alert's condition), ascending when it
//    alarms below one (`<`, `<=`); a value that is NaN or unknown (the series went away) comes last;
// 3. by labels, so equal values always come in the same order.
import type { LabelSet } from '../alerts/alert.js';
import { labelKey } from './narrow.js';
import type { Threshold } from './probe-spec.js';
import { verdictRank, type Judgement, type Verdict } from './verdict.js';

/** What ordering needs of a series. */
export interface OrderableSeries {
  readonly labels: LabelSet;
  readonly value: number | undefined;
  readonly verdict: Verdict;
}

/** Which way a value gets worse: `descending` lists the largest first. */
export type SeriesDirection = 'descending' | 'ascending';

/**
 * The direction in which the judgement's values get worse: the critical threshold's if there is one,
 * else the warning's. `<`/`<=` alarm on low values; everything else (`>`, `>=`, `==`, `!=`, no
 * thresholds, the alert condition) lists the largest value first.
 */
export function seriesDirection(judgement: Judgement): SeriesDirection {
  if (judgement.kind === 'condition') return 'descending';
  const decisive: Threshold | undefined = judgement.crit ?? judgement.warn;
  return decisive?.op === '<' || decisive?.op === '<=' ? 'ascending' : 'descending';
}

/** The series in the order to list them (a new array; the input is not changed). */
export function orderSeries<T extends OrderableSeries>(series: readonly T[], judgement: Judgement): T[] {
  const direction = seriesDirection(judgement);
  // Label keys are computed once: a probe can return thousands of series.
  const keyed = series.map((entry) => ({ entry, key: labelKey(entry.labels) }));
  keyed.sort(
    (a, b) =>
      verdictRank(a.entry.verdict) - verdictRank(b.entry.verdict) ||
      compareValues(a.entry.value, b.entry.value, direction) ||
      (a.key < b.key ? -1 : a.key > b.key ? 1 : 0),
  );
  return keyed.map(({ entry }) => entry);
}

function compareValues(a: number | undefined, b: number | undefined, direction: SeriesDirection): number {
  const aKnown = a !== undefined && !Number.isNaN(a);
  const bKnown = b !== undefined && !Number.isNaN(b);
  if (!aKnown || !bKnown) return aKnown === bKnown ? 0 : aKnown ? -1 : 1;
  if (a === b) return 0; // also +Inf against +Inf, whose difference is NaN
  const ascending = a < b ? -1 : 1;
  return direction === 'ascending' ? ascending : -ascending;
}
