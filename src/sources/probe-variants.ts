// Before a step's probes run, the ones written for several exporters pick their variant: one instant
// query asks Prometheus which of the variants' metric names have series, then the pure choice in
// core/probe/variants.ts decides. A step without variants sends nothing extra.
import type { InstantSample } from '../core/alerts/prometheus-query.js';
import type { Probe } from '../core/probe/probe.js';
import type { QueryOutcome } from '../core/probe/result.js';
import {
  chooseVariant,
  presenceQuery,
  presentMetrics,
  variantMetricNames,
  type MetricPresence,
} from '../core/probe/variants.js';

/** The step's probes as they will run, each with its variant chosen. */
export async function resolveVariants(
  probes: readonly Probe[],
  instant: (query: string) => Promise<QueryOutcome<readonly InstantSample[]>>,
): Promise<readonly Probe[]> {
  const names = variantMetricNames(probes);
  if (names.length === 0) return probes;
  const answer = await instant(presenceQuery(names));
  const presence: MetricPresence = answer.ok
    ? { ok: true, names: presentMetrics(answer.data) }
    : { ok: false, message: answer.failure.message };
  return probes.map((probe) => chooseVariant(probe, presence));
}
