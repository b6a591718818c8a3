import { describe, expect, it } from 'vitest';
import { planProbeSteps, planStep } from '../../../src/core/probe/plan.js';
import type { Probe } from '../../../src/core/probe/probe.js';
import { chooseVariant, groupProbeVariants, presenceQuery } from '../../../src/core/probe/variants.js';
import { fillProbeQuery } from '../../../src/core/promql/fill.js';
import { metricNames } from '../../../src/core/promql/metric-names.js';
import { parseRunbook } from '../../../src/core/runbook/parse-runbook.js';

const fence = '```';
// One step with a probe in two variants, then a plain probe.
const text = `# HaproxyServerDown

## Diagnosis

1. Is the server up?

   ${fence}promql title="Server state" warn="< 1" variant="builtin"
   max by (proxy, server) (haproxy_server_status{proxy="{{ $labels.proxy }}", server="{{ $labels.server }}", state="UP"})
   ${fence}

   ${fence}promql variant="haproxy_exporter"
   max by (backend, server) (haproxy_server_up{backend="{{ $labels.backend }}", server="{{ $labels.server }}"})
   ${fence}

   ${fence}promql title="Sessions"
   sum(haproxy_server_current_sessions{server="{{ $labels.server }}"})
   ${fence}
`;

const runbook = parseRunbook(text);
const step = runbook.steps[0];

describe('probe variants', () => {
  it('group consecutive variant blocks into one probe that keeps the first block’s attributes', () => {
    expect(runbook.problems.filter((p) => p.severity === 'error')).toEqual([]);
    if (!step) throw new Error('no step');
    expect(groupProbeVariants(step.probes).map((g) => g.map((s) => s.variant ?? '-'))).toEqual([
      ['builtin', 'haproxy_exporter'],
      ['-'],
    ]);
    const planned = planStep(step, { server: 'web1', backend: 'app' }, fillProbeQuery);
    expect(planned.probes.map((p) => p.title)).toEqual(['Server state', 'Sessions']);
    const [first] = planned.probes;
    expect(first?.judgement).toMatchObject({ warn: { op: '<', value: 1 } });
    expect(first?.variants?.map((v) => [v.name, v.unrunnable === undefined, v.metrics])).toEqual([
      ['builtin', false, []],
      ['haproxy_exporter', true, ['haproxy_server_up']],
    ]);
  });

  it('a repeated variant name starts the next probe', () => {
    const specs = ['a', 'b', 'a'].map((variant) => ({ ...step!.probes[0]!, variant }));
    expect(groupProbeVariants(specs).map((g) => g.length)).toEqual([2, 1]);
  });

  const planned = (labels: Record<string, string>): Probe => {
    const probe = planStep(step!, labels, fillProbeQuery).probes[0];
    if (!probe) throw new Error('no probe');
    return probe;
  };

  it('run the variant whose metrics Prometheus has, and say why', () => {
    const both = { proxy: 'app', backend: 'app', server: 'web1' };
    const exporter = chooseVariant(planned(both), { ok: true, names: new Set(['haproxy_server_up']) });
    expect(exporter.variant?.name).toBe('haproxy_exporter');
    expect(exporter.query).toContain('haproxy_server_up{backend="app"');
    expect(exporter.variant?.reason).toContain(
      'its exporter is scraped (haproxy_server_up) and Prometheus has every metric it reads; builtin: not scraped (Prometheus has none of haproxy_server_status)',
    );
    const builtin = chooseVariant(planned(both), {
      ok: true,
      names: new Set(['haproxy_server_status', 'haproxy_server_up']),
    });
    expect(builtin.variant?.name).toBe('builtin');
    expect(builtin.query).toContain('haproxy_server_status');
  });

  it('pass over a variant whose labels the alert lacks, even when its metrics exist', () => {
    const probe = chooseVariant(planned({ backend: 'app', server: 'web1' }), {
      ok: true,
      names: new Set(['haproxy_server_status', 'haproxy_server_up']),
    });
    expect(probe.variant?.name).toBe('haproxy_exporter');
    expect(probe.variant?.reason).toContain('builtin: the alert has no label "proxy"');
  });

  it('run the variant missing the fewest metrics when none is complete, and say what is missing', () => {
    const probe = chooseVariant(planned({ proxy: 'app', backend: 'app', server: 'web1' }), {
      ok: true,
      names: new Set(),
    });
    expect(probe.variant?.name).toBe('builtin');
    expect(probe.variant?.reason).toMatch(/no variant has all its metrics.*haproxy_server_up/);
    expect(probe.title).toBe('Server state');
  });

  it('fall back to the first fitting variant when Prometheus can not say, and never run one that does not fit', () => {
    const unknown = chooseVariant(planned({ backend: 'app', server: 'web1' }), {
      ok: false,
      message: 'connection refused',
    });
    expect(unknown.variant?.name).toBe('haproxy_exporter');
    expect(unknown.variant?.reason).toContain('connection refused');
    const none = chooseVariant(planned({ server: 'web1' }), { ok: true, names: new Set() });
    expect(none.variant).toBeUndefined();
    expect(none.unrunnable).toMatch(
      /no variant fits the alert: builtin: .*"proxy".*haproxy_exporter: .*"backend"/,
    );
  });

  it('leave a probe without variants alone', () => {
    const plain = planStep(step!, { server: 'web1' }, fillProbeQuery).probes[1];
    expect(plain && chooseVariant(plain, { ok: true, names: new Set() })).toBe(plain);
  });

  it('ask Prometheus about every metric name a query reads', () => {
    expect(metricNames('sum(rate(a_total[1m])) / on(x) group_left b + count(a_total) + c:d')).toEqual([
      'a_total',
      'b',
      'c:d',
    ]);
    expect(presenceQuery(['a', 'b:c'])).toBe('count by (__name__) ({__name__=~"a|b:c"})');
  });
});

describe('probe variants that read the same metric names', () => {
  // Both exporters call it haproxy_frontend_http_responses_total; only the label differs. The other
  // probe's metrics tell which exporter is scraped.
  const shared = parseRunbook(`# X

## Diagnosis

1. Frontends.

   ${fence}promql title="4xx by frontend" variant="builtin"
   sum by (proxy) (rate(haproxy_frontend_http_responses_total{code="4xx"}[1m]))
   ${fence}

   ${fence}promql variant="haproxy_exporter" title="4xx by frontend (exporter)" unit="req/s"
   sum by (frontend) (rate(haproxy_frontend_http_responses_total{code="4xx"}[1m]))
   ${fence}

2. State.

   ${fence}promql variant="builtin"
   haproxy_server_status
   ${fence}

   ${fence}promql variant="haproxy_exporter"
   haproxy_server_up
   ${fence}
`);

  it('run the variant of the exporter that is scraped, with that block’s own attributes', () => {
    const [step] = planProbeSteps(
      shared,
      undefined,
      { labels: {}, startsAtMs: undefined, nowMs: 0 },
      fillProbeQuery,
    );
    const probe = step?.probes[0];
    if (!probe) throw new Error('no probe');
    const names = new Set(['haproxy_frontend_http_responses_total', 'haproxy_server_up']);
    const chosen = chooseVariant(probe, { ok: true, names });
    expect(chosen.variant?.name).toBe('haproxy_exporter');
    expect([chosen.title, chosen.unit]).toEqual(['4xx by frontend (exporter)', 'req/s']);
    const builtin = chooseVariant(probe, {
      ok: true,
      names: new Set(['haproxy_frontend_http_responses_total', 'haproxy_server_status']),
    });
    expect([builtin.variant?.name, builtin.title, builtin.unit]).toEqual([
      'builtin',
      '4xx by frontend',
      undefined,
    ]);
  });
});
