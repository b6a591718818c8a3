// Which alert `sitrep probe ALERTNAME` works on: the firing alert with that name (and the --label
// values, if given) from the configured sources, or, when none fires, the labels given by hand.
import type { Alert, LabelSet } from '../../core/alerts/alert.js';
import type { Matcher } from '../../core/alerts/matchers.js';
import { selectAlerts } from '../../core/alerts/select.js';
import type { Config } from '../../core/config/config.js';
import { UsageError } from '../../core/errors.js';
import { sanitizeLine } from '../../core/sanitize.js';
import { fetchAllAlerts } from '../../sources/alert-sources.js';

/** The alert the probes are planned for. */
export interface ProbeTarget {
  readonly name: string;
  readonly labels: LabelSet;
  /** `alert`: a firing alert was found; `labels`: only --label values (and the name) are known. */
  readonly from: 'alert' | 'labels';
  readonly alert: Alert | undefined;
  /** Lines for stderr: a source that failed, several alerts matching, none firing. */
  readonly notes: readonly string[];
}

/** Reads `k=v` pairs from --label; a malformed one is a usage error that names `command`. */
export function parseLabelFlags(command: string, values: readonly string[]): Record<string, string> {
  const labels: Record<string, string> = {};
  for (const text of values) {
    const at = text.indexOf('=');
    const name = at > 0 ? text.slice(0, at).trim() : '';
    if (!/^[a-zA-Z_][a-zA-Z0-9_]*$/.test(name)) {
      throw new UsageError(
        `${command}: --label ${JSON.stringify(text)} is not NAME=VALUE`,
        'Example: --label server=web1 (repeat for more labels).',
      );
    }
    labels[name] = text.slice(at + 1);
  }
  return labels;
}

/**
 * Finds the firing alert named `name` whose labels include `given`. When several match, the first in
 * inbox order (most severe, newest) is used and a note says how to pick another.
 */
export async function findProbeTarget(name: string, given: LabelSet, config: Config): Promise<ProbeTarget> {
  const matchers: Matcher[] = [
    { name: 'alertname', op: '=', value: name },
    ...Object.entries(given).map(([label, value]): Matcher => ({ name: label, op: '=', value })),
  ];
  const { alerts, reports } = await fetchAllAlerts(config, matchers);
  const notes = reports
    .filter((report) => report.error !== undefined)
    .map((report) => `could not read alerts: ${sanitizeLine(report.error ?? '')}`);
  const firing = selectAlerts(alerts, { matchers, silenced: true, inhibited: true });
  const [alert, ...others] = firing;
  if (!alert) {
    notes.push(
      `no firing ${sanitizeLine(name)} alert${Object.keys(given).length > 0 ? ' with those labels' : ''}; using the labels given`,
    );
    return { name, labels: { alertname: name, ...given }, from: 'labels', alert: undefined, notes };
  }
  if (others.length > 0) {
    notes.push(
      `${firing.length} ${sanitizeLine(name)} alerts fire; probing ${describeLabels(alert.labels, firing)} (choose another with --label)`,
    );
  }
  return { name, labels: alert.labels, from: 'alert', alert, notes };
}

// The labels that tell the chosen alert apart from the others, e.g. `server="web1"`.
function describeLabels(labels: LabelSet, all: readonly Alert[]): string {
  const distinct = Object.keys(labels).filter((key) =>
    all.some((other) => other.labels[key] !== labels[key]),
  );
  const shown = (distinct.length > 0 ? distinct : Object.keys(labels)).sort();
  return shown.map((key) => `${key}=${JSON.stringify(sanitizeLine(labels[key] ?? ''))}`).join(', ');
}
