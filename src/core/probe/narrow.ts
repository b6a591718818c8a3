import type { LabelSet } from '../alerts/alert.js';
import type { Narrowing } from './probe.js';

// Narrowing the alert-expression probe to one alert happens on the result, not in the query.
// Rewriting the query (adding `{server="web1"}` to every selector, or `and on(server) …`) is only
// correct when we know which labels survive every aggregation, join and label_replace in the rule;
// done wrong it silently returns nothing or the wrong series. Filtering the series Prometheus returns
// is correct for any expression: the alert's labels are exactly its series' labels plus the rule's own
// labels. The cost is fetching the rule's other series, which Prometheus evaluates for the rule at
// every evaluation interval anyway; one instant and one ~60-point range query cost about as much as
// 61 rule evaluations.

/** Labels that are never compared: the metric name, and the alertname the rule adds. */
const ignoredLabels = new Set(['__name__', 'alertname']);

/**
 * True when the series could be the one behind the alert: every label both carry has the same value.
 * A label only one side has is not held against the series: rule labels (e.g. `severity`) exist only
 * on the alert, and labels given by hand with `--label` may be a subset. The rule's own labels are not
 * compared either: the rule overrides the series' values with them.
 */
export function seriesMatchesAlert(seriesLabels: LabelSet, narrowing: Narrowing): boolean {
  for (const [name, value] of Object.entries(seriesLabels)) {
    if (ignoredLabels.has(name) || narrowing.ignore.includes(name)) continue;
    const alertValue = narrowing.labels[name];
    if (alertValue !== undefined && alertValue !== value) return false;
  }
  return true;
}

/** A stable text for a label set, used to pair instant and range series and to sort them: `{a="1", b="2"}`. */
export function labelKey(labels: LabelSet): string {
  const parts = Object.keys(labels)
    .sort()
    .map((name) => `${name}=${JSON.stringify(labels[name])}`);
  return `{${parts.join(', ')}}`;
}
