// A probe written for two exporters. HAProxy's built-in exporter and the standalone haproxy_exporter
// name the same things differently (`proxy` vs `backend`, `haproxy_server_status` vs
// `haproxy_server_up`), so a runbook may give one probe as consecutive ```promql blocks, each with a
// `variant` attribute. Which one runs is decided per alert, when the step runs:
//   1. a variant that needs a label the alert lacks is out (the alert came from the other rule file);
//   2. of the rest, the first whose metrics all exist in Prometheus runs (one query per step run
//      asks which of the step's metric names have series);
//   3. when none has all of them, the one missing the fewest runs (its "no data" is then the answer:
//      e.g. no health checks configured), and the reason says what is missing.
// The chosen variant and the reason travel with the result, so the screen and `sitrep probe` can say
// which query ran and why.
import type { InstantSample } from '../alerts/prometheus-query.js';
import { metricNames } from '../promql/metric-names.js';
import type { ProbeSpec } from './probe-spec.js';
import type { Probe, ProbeVariant } from './probe.js';

/**
 * A step's probe blocks, grouped: a block with a `variant` joins the group before it when that group
 * is made of variant blocks and has no variant of the same name; any other block starts a group.
 */
export function groupProbeVariants(specs: readonly ProbeSpec[]): ProbeSpec[][] {
  const groups: ProbeSpec[][] = [];
  for (const spec of specs) {
    const last = groups.at(-1);
    const joins =
      spec.variant !== undefined &&
      last !== undefined &&
      last.every((other) => other.variant !== undefined && other.variant !== spec.variant);
    if (joins) last.push(spec);
    else groups.push([spec]);
  }
  return groups;
}

/** Fills in one variant's query for the alert (the planner's renderer), and lists its metrics. */
export function planVariant(
  spec: ProbeSpec,
  rendered: { readonly ok: true; readonly query: string } | { readonly ok: false; readonly message: string },
): ProbeVariant {
  return {
    name: spec.variant ?? 'default',
    query: rendered.ok ? rendered.query : spec.query,
    unrunnable: rendered.ok ? undefined : rendered.message,
    metrics: rendered.ok ? metricNames(rendered.query) : [],
  };
}

/** Every metric name the probes' variants read: what to ask Prometheus about before choosing. */
export function variantMetricNames(probes: readonly Probe[]): string[] {
  const names = new Set<string>();
  for (const probe of probes) for (const v of probe.variants ?? []) for (const m of v.metrics) names.add(m);
  return [...names].sort();
}

/**
 * The instant query that says which of these metric names have series now:
 * `count by (__name__) ({__name__=~"a|b"})`. Names come from parsed PromQL, so they are identifiers;
 * they are escaped anyway (`:` is the only non-word character a metric name may hold).
 */
export function presenceQuery(names: readonly string[]): string {
  const alternatives = names.map((name) => name.replace(/[^A-Za-z0-9_:]/g, '')).join('|');
  return `count by (__name__) ({__name__=~"${alternatives}"})`;
}

/** The metric names the presence query found. */
export function presentMetrics(samples: readonly InstantSample[]): Set<string> {
  const names = new Set<string>();
  for (const sample of samples) {
    const name = sample.metric['__name__'];
    if (name !== undefined) names.add(name);
  }
  return names;
}

/** What is known about which metrics exist: the set, or why Prometheus could not say. */
export type MetricPresence =
  | { readonly ok: true; readonly names: ReadonlySet<string> }
  | { readonly ok: false; readonly message: string };

/**
 * The probe as it will run: for a probe with variants, the chosen variant's query, with `variant`
 * saying which and why; a probe without variants unchanged.
 */
export function chooseVariant(probe: Probe, presence: MetricPresence): Probe {
  const variants = probe.variants;
  if (!variants || variants.length === 0) return probe;
  const fitting = variants.filter((v) => v.unrunnable === undefined);
  const passedOver = variants
    .filter((v) => v.unrunnable !== undefined)
    .map((v) => `"${v.name}" does not fit the alert (${v.unrunnable ?? ''})`);
  if (fitting.length === 0) {
    const why = variants.map((v) => `${v.name}: ${v.unrunnable ?? ''}`).join('; ');
    return { ...probe, unrunnable: `no variant fits the alert: ${why}` };
  }
  const run = (chosen: ProbeVariant, reason: string): Probe => ({
    ...probe,
    query: chosen.query,
    unrunnable: undefined,
    variant: { name: chosen.name, reason },
  });
  const skipped = passedOver.length > 0 ? `; ${passedOver.join('; ')}` : '';
  if (!presence.ok) {
    const first = fitting[0] as ProbeVariant;
    return run(
      first,
      `the first variant that fits the alert; Prometheus could not say which metrics exist (${presence.message})${skipped}`,
    );
  }
  const missing = (v: ProbeVariant) => v.metrics.filter((m) => !presence.names.has(m));
  const complete = fitting.find((v) => missing(v).length === 0);
  if (complete) {
    const before = fitting
      .slice(0, fitting.indexOf(complete))
      .map((v) => `"${v.name}" lacks ${missing(v).join(', ')}`);
    const others = [...before, ...passedOver];
    return run(complete, `Prometheus has its metrics${others.length > 0 ? `; ${others.join('; ')}` : ''}`);
  }
  let best = fitting[0] as ProbeVariant;
  for (const v of fitting) if (missing(v).length < missing(best).length) best = v;
  const lacks = fitting.map((v) => `"${v.name}" lacks ${missing(v).join(', ')}`).join('; ');
  return run(
    best,
    `no variant has all its metrics in Prometheus (${lacks}); ran the one missing fewest${skipped}`,
  );
}
