// The runner picks a probe's variant with one question to Prometheus per step run, and only when a
// probe of the step has variants.
import { describe, expect, it } from 'vitest';
import type { InstantSample } from '../../src/core/alerts/prometheus-query.js';
import { planStep } from '../../src/core/probe/plan.js';
import type { ProbeFailure } from '../../src/core/probe/result.js';
import { fillProbeQuery } from '../../src/core/promql/fill.js';
import { parseRunbook } from '../../src/core/runbook/parse-runbook.js';
import type { ProbeQueryClient } from '../../src/sources/probe-runner.js';
import { runProbeStep } from '../../src/sources/probe-runner.js';

const fence = '```';
const runbook = parseRunbook(`# HaproxyServerDown

## Diagnosis

1. Is it up?

   ${fence}promql title="State" variant="builtin"
   max(haproxy_server_status{proxy="{{ $labels.proxy }}", server="{{ $labels.server }}", state="UP"})
   ${fence}

   ${fence}promql variant="haproxy_exporter"
   max(haproxy_server_up{backend="{{ $labels.backend }}", server="{{ $labels.server }}"})
   ${fence}

   ${fence}promql title="Sessions"
   sum(haproxy_server_current_sessions{server="{{ $labels.server }}"})
   ${fence}

2. Only plain probes here.

   ${fence}promql title="Queue"
   sum(haproxy_backend_current_queue)
   ${fence}
`);

/** Answers the presence question with `present` (or fails it), every other query with one sample. */
function recordingClient(present: readonly string[] | 'fail') {
  const instants: string[] = [];
  const client: ProbeQueryClient = {
    instant: (query) => {
      instants.push(query);
      if (query.startsWith('count by (__name__)')) {
        if (present === 'fail') return Promise.reject(new Error('connection refused'));
        return Promise.resolve(
          present.map((name): InstantSample => ({ metric: { __name__: name }, timestamp: 0, value: 1 })),
        );
      }
      return Promise.resolve([{ metric: {}, timestamp: 0, value: 1 }]);
    },
    range: () => Promise.resolve([]),
    failureOf: (error): ProbeFailure => ({ kind: 'transport', message: String(error), errorType: undefined }),
  };
  return { client, instants };
}

const labels = { alertname: 'HaproxyServerDown', backend: 'app', server: 'web1' };
const [withVariants, plain] = runbook.steps.map((step) => planStep(step, labels, fillProbeQuery));

describe('the probe runner with variants', () => {
  it('asks once which metrics exist, then runs the variant that fits and says why', async () => {
    const { client, instants } = recordingClient(['haproxy_server_up', 'haproxy_server_current_sessions']);
    const run = await runProbeStep(withVariants!, { client });
    expect(instants.filter((q) => q.startsWith('count by (__name__)'))).toEqual([
      'count by (__name__) ({__name__=~"haproxy_server_status|haproxy_server_up"})',
    ]);
    const [state, sessions] = run?.results ?? [];
    expect(state?.probe.query).toBe('max(haproxy_server_up{backend="app", server="web1"})');
    expect(state?.probe.variant?.name).toBe('haproxy_exporter');
    expect(state?.probe.variant?.reason).toContain('builtin: the alert has no label "proxy"');
    expect(state?.verdict).not.toBe('error');
    expect(sessions?.probe.variant).toBeUndefined();
    expect(instants).toHaveLength(3);
  });

  it('sends nothing extra for a step without variants', async () => {
    const { client, instants } = recordingClient([]);
    await runProbeStep(plain!, { client });
    expect(instants).toEqual(['sum(haproxy_backend_current_queue)']);
  });

  it('still runs the variant that fits the alert when Prometheus cannot say which metrics exist', async () => {
    const { client } = recordingClient('fail');
    const run = await runProbeStep(withVariants!, { client });
    const state = run?.results[0];
    expect(state?.probe.variant?.name).toBe('haproxy_exporter');
    expect(state?.probe.variant?.reason).toMatch(/could not say which metrics exist \(.*connection refused/);
    expect(state?.verdict).not.toBe('error');
  });
});
