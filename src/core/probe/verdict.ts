import type { Threshold } from './probe-spec.js';
import { crosses } from './threshold.js';

/**
 * What a probe (or one of its series) says about the incident:
 * - `critical` / `warn`: the value crosses the probe's `crit` / `warn` threshold;
 * - `ok`: it has thresholds and crosses neither;
 * - `no-data`: nothing to judge — an empty result, a NaN, or a series that went away. A finding, not a failure;
 * - `unjudged`: a value was shown but the probe has no thresholds, so sitrep claims nothing about it;
 * - `error`: the probe could not be run (Prometheus error, transport failure, a label the alert lacks).
 */
export type Verdict = 'critical' | 'warn' | 'ok' | 'no-data' | 'unjudged' | 'error';

/** The verdicts a single series can get (errors belong to a whole probe run). */
export type SeriesVerdict = Exclude<Verdict, 'error'>;

/**
 * How a probe's values are judged. `thresholds`: the probe's own warn/crit. `condition`: the alert
 * expression run whole because its threshold could not be split off — every series it returns is a
 * series for which the alert condition holds (critical), and an empty result means it holds for none (ok).
 */
export type Judgement =
  | {
      readonly kind: 'thresholds';
      readonly warn: Threshold | undefined;
      readonly crit: Threshold | undefined;
    }
  | { readonly kind: 'condition' };

/** Each verdict in words, the same on the screen, in the CLI, in `--json` and in the postmortem. */
export const verdictText: Readonly<Record<Verdict, string>> = {
  critical: 'critical',
  warn: 'warn',
  ok: 'ok',
  'no-data': 'no data',
  unjudged: 'unjudged',
  error: 'error',
};

// Worst first. `error` outranks everything, so a failed probe is never hidden behind a calm one;
// `ok` outranks `no-data` so a NaN in one series does not hide that the others were judged fine.
const severityOrder: readonly Verdict[] = ['error', 'critical', 'warn', 'ok', 'no-data', 'unjudged'];

/** Lower is worse: use to sort probes so the one that matters most comes first. */
export function verdictRank(verdict: Verdict): number {
  return severityOrder.indexOf(verdict);
}

/** The worst of several verdicts; `no-data` when there are none (an empty result is a finding). */
export function worstVerdict(verdicts: readonly Verdict[]): Verdict {
  let worst: Verdict | undefined;
  for (const verdict of verdicts) {
    if (worst === undefined || verdictRank(verdict) < verdictRank(worst)) worst = verdict;
  }
  return worst ?? 'no-data';
}

/**
 * Judges one series' current value. `undefined` means the series has no value now (it appears only in
 * the range), which for a thresholded probe is `no-data`; NaN can not be compared, so it is `no-data` rather than a silent `ok`. Infinities compare
 * as numbers (`+Inf > 100` is critical).
 */
export function judgeValue(value: number | undefined, judgement: Judgement): SeriesVerdict {
  switch (judgement.kind) {
    case 'condition':
      // A series the condition returned a while ago but not now has stopped firing.
      return value === undefined ? 'ok' : 'critical';
    case 'thresholds': {
      const { warn, crit } = judgement;
      if (warn === undefined && crit === undefined) return 'unjudged';
      if (value === undefined || Number.isNaN(value)) return 'no-data';
      if (crit !== undefined && crosses(value, crit)) return 'critical';
      if (warn !== undefined && crosses(value, warn)) return 'warn';
      return 'ok';
    }
    default: {
      const unreachable: never = judgement;
      return unreachable;
    }
  }
}

/**
 * The probe's verdict from its series' verdicts: the worst series decides. An empty result is
 * `no-data` for a thresholded probe, and `ok` for an alert condition (it holds for nothing).
 */
export function judgeSeries(verdicts: readonly SeriesVerdict[], judgement: Judgement): Verdict {
  if (verdicts.length === 0) return judgement.kind === 'condition' ? 'ok' : 'no-data';
  return worstVerdict(verdicts);
}
