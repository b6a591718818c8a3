// Alerts from every configured source at once: each source is asked in parallel, a failing one
// is reported and never stops the others, and the answers merge into one list.
import type { Alert } from '../core/alerts/alert.js';
import type { SourceReport } from '../core/alerts/alert-json.js';
import type { Matcher } from '../core/alerts/matchers.js';
import { mergeAlerts, type AlertBatch } from '../core/alerts/merge.js';
import type { Config, SourceConfig } from '../core/config/config.js';
import { getAlerts } from './alertmanager.js';
import type { Endpoint } from './http-client.js';
import { SourceError } from './http-error.js';
import { getPrometheusAlerts } from './prometheus.js';

/** One source's alerts, and lines for malformed items it sent that were skipped. */
export interface SourceAlerts extends AlertBatch {
  readonly problems: readonly string[];
}

/**
 * Fetches one source's alerts. Alertmanager is asked for every state (silenced and inhibited too)
 * so that merging knows an alert is muted before Prometheus's copy could show it as firing;
 * callers choose what to show afterwards. `filter` narrows on the server where it can.
 */
export async function fetchSourceAlerts(
  source: Endpoint & { readonly kind: SourceConfig['kind'] },
  filter: readonly Matcher[] = [],
  signal?: AbortSignal,
): Promise<SourceAlerts> {
  switch (source.kind) {
    case 'alertmanager': {
      const query = { active: true, silenced: true, inhibited: true, unprocessed: true, filter };
      return { kind: 'alertmanager', ...(await getAlerts(source, query, signal)) };
    }
    case 'prometheus':
      return { kind: 'prometheus', ...(await getPrometheusAlerts(source, signal)) };
    default: {
      const unreachable: never = source.kind;
      return unreachable;
    }
  }
}

/** Every configured source, Alertmanagers first. */
export function configuredSources(config: Config): SourceConfig[] {
  return [...config.alertmanagers, ...(config.prometheus ? [config.prometheus] : [])];
}

/**
 * Asks every source, merges what answered, and reports on each. A SourceError becomes that
 * source's report; any other error is a bug and is thrown once all requests have settled.
 */
export async function fetchAllAlerts(
  config: Config,
  filter: readonly Matcher[] = [],
  signal?: AbortSignal,
): Promise<{ readonly alerts: Alert[]; readonly reports: SourceReport[] }> {
  const sources = configuredSources(config);
  const settled = await Promise.allSettled(sources.map((s) => fetchSourceAlerts(s, filter, signal)));
  const batches: AlertBatch[] = [];
  const reports = settled.map((result, index): SourceReport => {
    const source = sources[index] as SourceConfig;
    const base = { name: source.name, kind: source.kind, url: source.url };
    if (result.status === 'fulfilled') {
      batches.push(result.value);
      return {
        ...base,
        error: undefined,
        alerts: result.value.alerts.length,
        problems: result.value.problems,
      };
    }
    if (!(result.reason instanceof SourceError)) throw result.reason;
    return { ...base, error: result.reason.message, hint: result.reason.hint, alerts: 0, problems: [] };
  });
  return { alerts: mergeAlerts(batches), reports };
}
