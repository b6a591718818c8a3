// The probe panel says which variant of a probe ran and why, under the probe's verdict line, and
// lists the series that decide the verdict first.
import { afterEach, describe, expect, it } from 'vitest';
import type { Probe } from '../../src/core/probe/probe.js';
import { rangeWindow } from '../../src/core/probe/range-window.js';
import { buildProbeResult } from '../../src/core/probe/result.js';
import { ProbePanel } from '../../src/ui/components/probe-panel.js';
import { renderUi, type Rendered } from '../helpers/render.js';

let ui: Rendered | undefined;
afterEach(() => ui?.unmount());

const probe: Probe = {
  id: 'diagnosis-1#1',
  stepId: 'diagnosis-1',
  title: 'Is the server UP',
  query: 'max(haproxy_server_up{backend="app", server="web1"})',
  unrunnable: undefined,
  judgement: { kind: 'thresholds', warn: { op: '<', value: 1 }, crit: undefined },
  rangeSeconds: 600,
  unit: undefined,
  narrowTo: undefined,
  role: 'runbook',
  note: undefined,
  variant: {
    name: 'haproxy_exporter',
    reason: 'Prometheus has every metric it reads; builtin: the alert has no label "proxy"',
  },
};

/**
 * The panel for one probe whose instant query returned these values, by `server` ('' for none);
 * `labelsOf` gives each series' labels (by default `server` alone).
 */
function renderPanel(
  shown: Probe,
  values: Record<string, number>,
  width: number,
  maxLines: number,
  labelsOf: (server: string) => Record<string, string> = (server) => (server === '' ? {} : { server }),
) {
  const window = rangeWindow(1_800_000_000, 600);
  const result = buildProbeResult(shown, {
    instant: {
      ok: true,
      data: Object.entries(values).map(([server, value]) => ({
        metric: labelsOf(server),
        timestamp: window.end,
        value,
      })),
    },
    range: { ok: true, data: [] },
    evaluatedAt: window.end,
    window,
    timings: { startedAt: 0, instantMs: 1, rangeMs: 1, totalMs: 2 },
  });
  ui = renderUi(
    <ProbePanel
      step={{ id: 'diagnosis-1', title: 'Diagnosis 1', probes: [shown] }}
      probes={{ running: false, results: [result] }}
      width={width}
      maxLines={maxLines}
    />,
  );
  return ui;
}

describe('the probe panel', () => {
  it('shows which variant ran and why', async () => {
    const ui = renderPanel(probe, { '': 0 }, 200, 10);
    const frame = await ui.waitForText('Is the server UP');
    // One line, cut to the terminal's width.
    expect(frame).toContain('variant haproxy_exporter: Prometheus has every metric it reads; builtin:');
    expect(frame).toMatch(/warn\s+Is the server UP/);
  });

  it.each([
    ['critical', { op: '>', value: 100 } as const],
    ['unjudged', undefined],
  ])(
    'shows the series that matters first, even when it came last in the data (%s)',
    async (verdict, crit) => {
      const errors: Probe = {
        ...probe,
        id: 'diagnosis-1#2',
        title: 'Connection errors',
        query: 'sum by (server) (rate(haproxy_server_connection_errors_total[1m]))',
        judgement: { kind: 'thresholds', warn: undefined, crit },
        unit: 'req/s',
      };
      delete (errors as { variant?: unknown }).variant;
      const ui = renderPanel(errors, { web1: 0, web2: 0, web3: 250 }, 100, 3);
      // Room for the heading, one series and the "more" line: the series that matters is the one shown.
      const frame = await ui.waitForText('Connection errors');
      const rows = frame.split('\n').filter((line) => line.includes('server='));
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatch(new RegExp(`${verdict}\\s+250 req/s.*server="web3"`));
      expect(frame).toContain('… 2 more lines');
      expect(frame.split('\n')).toHaveLength(3);
    },
  );

  it('shows the labels every series shares once when the rows would cut them, so each row says its server', async () => {
    const metric = (server: string) => ({
      __name__: 'haproxy_server_status',
      instance: '127.0.0.1:28404',
      job: 'haproxy',
      proxy: 'app',
      server,
    });
    const status: Probe = { ...probe, judgement: { kind: 'thresholds', warn: undefined, crit: undefined } };
    ui = renderPanel(status, { web1: 1, web2: 1 }, 80, 10, metric);
    const frame = await ui.waitForText('server="web2"');
    expect(frame).toContain(
      'all 2 series: haproxy_server_status{instance="127.0.0.1:28404", job="haproxy", proxy=',
    );
    expect(frame).toMatch(/unjudged\s+1\s+\{server="web1"\}/);
    expect(frame).toMatch(/unjudged\s+1\s+\{server="web2"\}/);
  });
});
