// Which matchers silence exactly the alerts being worked: the labels they all share, with the
// same values. For one alert that is every label it has; for a group, at least its alertname.
import type { Alert } from './alert.js';
import type { Matcher } from './matchers.js';

/** Equality matchers on every label whose value is the same across all the alerts, sorted by name. */
export function silenceMatchersFor(alerts: readonly Alert[]): Matcher[] {
  const [first, ...rest] = alerts;
  if (!first) return [];
  return Object.keys(first.labels)
    .filter((name) => rest.every((alert) => alert.labels[name] === first.labels[name]))
    .sort()
    .map((name) => ({ name, op: '=' as const, value: first.labels[name] ?? '' }));
}
