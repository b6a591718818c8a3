// Which matchers silence exactly the alerts being worked. By default an incident's own alerts by
// their identifying labels; the whole group (every alert of the name) only when asked for.
import type { Alert, LabelSet } from './alert.js';
import type { Matcher } from './matchers.js';

/** Equality matchers on every label whose value is the same across all the alerts, sorted by name. */
export function silenceMatchersFor(alerts: readonly Pick<Alert, 'labels'>[]): Matcher[] {
  const [first, ...rest] = alerts;
  if (!first) return [];
  return Object.keys(first.labels)
    .filter((name) => rest.every((alert) => alert.labels[name] === first.labels[name]))
    .sort()
    .map((name) => ({ name, op: '=' as const, value: first.labels[name] ?? '' }));
}

/**
 * Labels of a rule that change from one evaluation to the next: their template uses the value
 * (`{{ $value }}`, `{{ .Value }}`). A silence on such a label would stop matching at once.
 */
export function volatileLabels(ruleLabels: LabelSet): string[] {
  return Object.entries(ruleLabels)
    .filter(([, template]) => /\$value\b|\.Value\b/.test(template))
    .map(([name]) => name)
    .sort();
}

// Regular-expression syntax characters, escaped so a label value matches only itself.
const regexSpecial = /[.*+?^${}()|[\]\\]/g;

/**
 * Matchers for exactly these alerts, by their identifying labels (every label but the volatile
 * ones): `=` where they agree, `=~"a|b"` over their values where they differ. For one alert, every
 * label it has.
 */
export function identifyingMatchers(
  alerts: readonly Pick<Alert, 'labels'>[],
  volatile: readonly string[] = [],
): Matcher[] {
  const names = [...new Set(alerts.flatMap((a) => Object.keys(a.labels)))]
    .filter((name) => !volatile.includes(name))
    .sort();
  return names.map((name): Matcher => {
    const values = [...new Set(alerts.map((a) => a.labels[name] ?? ''))].sort();
    const [only] = values;
    if (values.length === 1 && only !== undefined) return { name, op: '=', value: only };
    return { name, op: '=~', value: values.map((v) => v.replace(regexSpecial, '\\$&')).join('|') };
  });
}
