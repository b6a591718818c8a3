// A probe written for two exporters. HAProxy's built-in exporter and the standalone haproxy_exporter
// name the same things differently (`proxy` vs `backend`, `haproxy_server_status` vs
// `haproxy_server_up`), so a runbook may give one probe as consecutive ```promql blocks, each with a
// `variant` attribute. Which one runs is decided per alert, when the step runs:
//   1. a variant that needs a label the alert lacks is out (the alert came from the other rule file);
//   2. a variant whose exporter is not there is out: each variant name has the metric names only its
//      blocks read anywhere in the runbook, and when Prometheus has none of them, that exporter is
//      not scraped (this tells the two apart even where a probe's metric is named alike in both);
//   3. of the rest, the first whose metrics all exist runs; when none has all of them, the one
//      missing the fewest runs (its "no data" is then the answer, e.g. no health checks configured).
// One instant query per step run asks which of the names exist. The chosen variant and the reason
// travel with the result, so the screen and `sitrep probe` can say which query ran and why.
import type { InstantSample } from '../alerts/prometheus-query.js';
import { metricNames } from '../promql/metric-names.js';
import type { ProbeSpec } from './probe-spec.js';
import type { Probe, ProbeVariant } from './probe.js';
import type { Step } from '../runbook/runbook.js';

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

// Series Prometheus writes for every scrape target: they exist whichever exporter is scraped.
const targetSeries = new Set([
  'up',
  'scrape_duration_seconds',
  'scrape_samples_scraped',
  'scrape_samples_post_metric_relabeling',
  'scrape_series_added',
]);

/**
 * The step's probe blocks as they apply: a later variant block takes its group's first block's title,
 * thresholds, range and unit where it sets none of its own (what `sitrep runbook` shows).
 */
export function withVariantDefaults(specs: readonly ProbeSpec[]): ProbeSpec[] {
  return groupProbeVariants(specs).flatMap((group) => {
    const lead = group[0] as ProbeSpec;
    return group.map((spec) => {
      if (spec === lead) return spec;
      const own = (name: string) => (spec.attributeNames ?? []).includes(name);
      return {
        ...spec,
        title: own('title') ? spec.title : lead.title,
        warn: own('warn') ? spec.warn : lead.warn,
        crit: own('crit') ? spec.crit : lead.crit,
        rangeSeconds: own('range') ? spec.rangeSeconds : lead.rangeSeconds,
        unit: own('unit') ? spec.unit : lead.unit,
      };
    });
  });
}

/**
 * Per variant name, the metric names only that variant's blocks read anywhere in these steps: their
 * presence in Prometheus says that variant's exporter is scraped.
 */
export function variantSourceMetrics(steps: readonly Step[]): Map<string, string[]> {
  const byVariant = new Map<string, Set<string>>();
  for (const step of steps) {
    for (const spec of step.probes) {
      if (spec.variant === undefined) continue;
      const names = byVariant.get(spec.variant) ?? new Set<string>();
      for (const name of metricNames(spec.query)) names.add(name);
      byVariant.set(spec.variant, names);
    }
  }
  const own = new Map<string, string[]>();
  for (const [variant, names] of byVariant) {
    const others = [...byVariant].filter(([v]) => v !== variant).flatMap(([, n]) => [...n]);
    own.set(
      variant,
      [...names].filter((name) => !others.includes(name) && !targetSeries.has(name)),
    );
  }
  return own;
}

/** One variant of a probe group (see withVariantDefaults), filled in for the alert. */
export function planVariant(
  spec: ProbeSpec,
  rendered: { readonly ok: true; readonly query: string } | { readonly ok: false; readonly message: string },
  sourceMetrics: ReadonlyMap<string, readonly string[]>,
): ProbeVariant {
  const name = spec.variant ?? 'default';
  return {
    name,
    query: rendered.ok ? rendered.query : spec.query,
    unrunnable: rendered.ok ? undefined : rendered.message,
    metrics: rendered.ok ? metricNames(rendered.query) : [],
    sourceMetrics: sourceMetrics.get(name) ?? [],
    title: spec.title,
    judgement: { kind: 'thresholds', warn: spec.warn, crit: spec.crit },
    rangeSeconds: spec.rangeSeconds,
    unit: spec.unit,
  };
}

/** Every metric name the probes' variants read: what to ask Prometheus about before choosing. */
export function variantMetricNames(probes: readonly Probe[]): string[] {
  const names = new Set<string>();
  for (const probe of probes) {
    for (const v of probe.variants ?? []) for (const m of [...v.metrics, ...v.sourceMetrics]) names.add(m);
  }
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
  const notes = variants
    .filter((v) => v.unrunnable !== undefined)
    .map((v) => `${v.name}: ${v.unrunnable ?? ''}`);
  if (fitting.length === 0) {
    const why = variants.map((v) => `${v.name}: ${v.unrunnable ?? ''}`).join('; ');
    return { ...probe, unrunnable: `no variant fits the alert: ${why}` };
  }
  const run = (chosen: ProbeVariant, reason: string): Probe => ({
    ...probe,
    title: chosen.title,
    judgement: chosen.judgement,
    rangeSeconds: chosen.rangeSeconds,
    unit: chosen.unit,
    query: chosen.query,
    unrunnable: undefined,
    variant: { name: chosen.name, reason: [reason, ...notes].join('; ') },
  });
  if (!presence.ok) {
    const first = fitting[0] as ProbeVariant;
    return run(
      first,
      `the first that fits the alert; Prometheus could not say which metrics exist (${presence.message})`,
    );
  }
  const has = (m: string) => presence.names.has(m);
  const scraped = fitting.filter((v) => v.sourceMetrics.length === 0 || v.sourceMetrics.some(has));
  for (const v of fitting) {
    if (!scraped.includes(v))
      notes.push(`${v.name}: not scraped (Prometheus has none of ${list(v.sourceMetrics)})`);
  }
  const candidates = scraped.length > 0 ? scraped : fitting;
  const missing = (v: ProbeVariant) => v.metrics.filter((m) => !has(m));
  const complete = candidates.find((v) => missing(v).length === 0);
  if (complete) {
    for (const v of candidates.slice(0, candidates.indexOf(complete)))
      notes.push(`${v.name}: Prometheus lacks ${list(missing(v))}`);
    const what = complete.sourceMetrics.find(has);
    return run(
      complete,
      `${what ? `its exporter is scraped (${what}) and ` : ''}Prometheus has every metric it reads`,
    );
  }
  let best = candidates[0] as ProbeVariant;
  for (const v of candidates) if (missing(v).length < missing(best).length) best = v;
  const lacks = candidates.map((v) => `${v.name}: Prometheus lacks ${list(missing(v))}`).join('; ');
  return run(best, `no variant has all its metrics in Prometheus (${lacks}); this one misses the fewest`);
}

function list(names: readonly string[]): string {
  return names.length <= 3
    ? names.join(', ')
    : `${names.slice(0, 3).join(', ')} and ${names.length - 3} more`;
}
