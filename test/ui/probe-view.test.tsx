// Probes an engineer can trust and act on: each probe says when it ran (and again after a re-run),
// `p` shows the final queries whole and sanitized, `v` draws a probe's range as a chart with its
// threshold, in place of the step's text so the checklist keeps its rows.
import { Box } from 'ink';
import { afterEach, describe, expect, it } from 'vitest';
import type { Probe, ProbeStep } from '../../src/core/probe/probe.js';
import { rangeWindow } from '../../src/core/probe/range-window.js';
import { buildProbeResult, type ProbeResult } from '../../src/core/probe/result.js';
import { App } from '../../src/ui/app.js';
import { WorkspaceView } from '../../src/ui/screens/workspace-view.js';
import { workspaceKey } from '../../src/ui/state/workspace-keys.js';
import {
  openingWorkspace,
  workspaceReducer,
  type WorkspaceState,
} from '../../src/ui/state/workspace-state.js';
import { testAlert } from '../helpers/alerts.js';
import { fakeFeed } from '../helpers/fake-feed.js';
import { fakeServices, fakeSession, nowMs } from '../helpers/fake-session.js';
import { keys, renderUi, type Rendered } from '../helpers/render.js';

const alerts = [
  testAlert({ alertname: 'HaproxyServerConnectionErrors', server: 'web3', severity: 'critical' }),
];

// A label value carrying an OSC sequence: it must not reach the terminal.
const query =
  'sum by (server) (rate(haproxy_server_connection_errors_total{backend="app",' +
  'proxy="http-in\u001b]0;pwned\u0007",instance=~"lb-[0-9]+.example.internal:8404"}[1m]))';
const shownQuery = query.replace('\u001b]0;pwned\u0007', '');

const base: Omit<Probe, 'id' | 'title' | 'query' | 'judgement'> = {
  stepId: 'alert-expression',
  unrunnable: undefined,
  rangeSeconds: 600,
  unit: 'req/s',
  narrowTo: undefined,
  role: 'runbook',
  note: undefined,
};
const errors: Probe = {
  ...base,
  id: 'alert-expression#1',
  title: 'Connection errors',
  query,
  judgement: { kind: 'thresholds', warn: undefined, crit: { op: '>', value: 100 } },
};
const retries: Probe = {
  ...base,
  id: 'alert-expression#2',
  title: 'Retries',
  query: 'sum(rate(haproxy_backend_retry_warnings_total[1m]))',
  judgement: { kind: 'thresholds', warn: undefined, crit: undefined },
};
const step: ProbeStep = { id: 'alert-expression', title: 'Alert expression', probes: [errors, retries] };

/** The probes' results, run at `atSeconds`: web3 (last in the data) rises to 250 req/s. */
function results(atSeconds: number): ProbeResult[] {
  const window = rangeWindow(atSeconds, 600);
  const count = (window.end - window.start) / window.step + 1;
  const ramp = (top: number) =>
    Array.from({ length: count }, (_, i) => ({
      timestamp: window.start + i * window.step,
      value: (top * i) / (count - 1),
    }));
  const run = (probe: Probe, values: Record<string, number>) =>
    buildProbeResult(probe, {
      instant: {
        ok: true,
        data: Object.entries(values).map(([server, value]) => ({
          metric: { server },
          timestamp: atSeconds,
          value,
        })),
      },
      range: {
        ok: true,
        data: Object.entries(values).map(([server, value]) => ({ metric: { server }, points: ramp(value) })),
      },
      evaluatedAt: atSeconds,
      window,
      timings: { startedAt: atSeconds * 1000, instantMs: 1, rangeMs: 1, totalMs: 2 },
    });
  return [run(errors, { web1: 0, web2: 0, web3: 250 }), run(retries, { lb: 3 })];
}

let ui: Rendered | undefined;
afterEach(() => ui?.unmount());

/** Opens the incident; the first run is 40 s old, each re-run is fresh. */
async function open(columns?: number): Promise<Rendered> {
  const { services } = fakeServices(fakeFeed(alerts));
  services.openIncident = (chosen) => {
    const session = fakeSession(chosen);
    let runs = 0;
    Object.assign(session, {
      probeSteps: [step],
      runProbes: (_stepId: string, onResult: (result: ProbeResult) => void) => {
        runs += 1;
        const run = results(nowMs / 1000 - (runs === 1 ? 40 : 0));
        run.forEach(onResult);
        return Promise.resolve(run);
      },
    });
    return Promise.resolve(session);
  };
  ui = renderUi(<App services={services} />, columns === undefined ? {} : { columns });
  await ui.waitForText('HaproxyServerConnectionErrors');
  ui.press(keys.enter);
  await ui.waitForText('Connection errors');
  return ui;
}

const squash = (text: string) => text.replace(/\s+/g, '');

describe('probes in the workspace', () => {
  it('shows when each probe ran, and the new time after a re-run', async () => {
    const ui = await open();
    let frame = await ui.waitForText('Connection errors (crit > 100) · ran 40 s ago');
    // The series that decides the verdict first, though it came last in the data.
    const rows = frame.split('\n').filter((line) => line.includes('server="'));
    expect(rows[0]).toMatch(/critical\s+250 req\/s.*server="web3"/);
    ui.press('r');
    frame = await ui.waitForText('Connection errors (crit > 100) · ran 0 s ago');
    expect(frame).not.toContain('ran 40 s ago');
  });

  it('on a narrow terminal the line is cut after the thresholds, not before them', async () => {
    const ui = await open(52);
    const frame = await ui.waitForText('Connection errors (crit > 100)');
    const header = frame.split('\n').find((line) => line.includes('Connection errors (')) ?? '';
    expect(header).not.toContain('ran 40 s ago');
    expect(header.endsWith('…')).toBe(true);
  });

  it('Q shows each final query whole and sanitized, in place of the step text; Q again hides them', async () => {
    const ui = await open();
    ui.press('Q');
    const frame = await ui.waitForText('Final queries as sent to Prometheus');
    expect(frame).toContain('# 1. Connection errors — critical');
    expect(frame).not.toContain('pwned');
    // Longer than the pane: cut into lines, nothing dropped.
    expect(shownQuery.length).toBeGreaterThan(100);
    expect(squash(frame)).toContain(squash(shownQuery));
    expect(frame).toContain('probe queries (Q back to the step)');
    expect(frame.split('\n').length).toBeLessThanOrEqual(24);
    // The next probe's query is a scroll away.
    ui.press('J');
    const scrolled = await ui.waitForText('# 2. Retries — unjudged');
    expect(scrolled).toContain('sum(rate(haproxy_backend_retry_warnings_total[1m]))');
    ui.press('Q');
    await ui.waitForFrame((f) => !f.includes('Final queries') && /^step · /m.test(f));
  });

  it('v charts the focused probe with its threshold row, then the next probe, then closes', async () => {
    const ui = await open();
    ui.press('v');
    let frame = await ui.waitForText('Chart 1 of 2: Connection errors');
    expect(frame).toContain('Chart 1 of 2: Connection errors · critical 250 req/s {server="web3"} (1st of 3');
    expect(frame).toMatch(/^250 req\/s ┤/m);
    expect(frame).toMatch(/^100 req\/s ┤[^\n]*┄┄┄/m);
    expect(frame).toMatch(/^ {2}0 req\/s ┤/m);
    // The window ends at the run (40 s before the clock), aligned to its 10 s step.
    expect(frame).toMatch(/└-10 min +2026-11-26 03:09:20 UTC/);
    expect(frame).toMatch(/[\u2801-\u28ff]/);
    // The chart takes the text's and the probe lines' rows: the checklist stays on the 24-row screen.
    expect(frame).toContain('› ◆ Alert expression');
    expect(frame).toContain('  ○ M1 (Immediate) Take the server out of rotation.');
    expect(frame.split('\n').length).toBeLessThanOrEqual(24);
    ui.press('v');
    frame = await ui.waitForText('Chart 2 of 2: Retries');
    expect(frame).not.toContain('┄');
    ui.press('v');
    await ui.waitForFrame((f) => !f.includes('Chart ') && /^step · /m.test(f));
    ui.press('v');
    await ui.waitForText('Chart 1 of 2');
    ui.press(keys.escape);
    frame = await ui.waitForFrame((f) => !f.includes('Chart 1 of 2'));
    expect(frame).toMatch(/critical\s+Connection errors \(crit > 100\) · ran/);
  });

  // An 80×24 terminal with one source line: the workspace gets 23 rows and 79 columns, of which the
  // app's header, gap and key hints take 3.
  it.each([
    ['Q', 'Final queries as sent to Prometheus'],
    ['v', 'Chart 1 of 2: Connection errors'],
  ])('at 80×24, %s keeps the checklist and the probe age on screen', async (key, heading) => {
    const session = fakeSession(alerts);
    let state: WorkspaceState = openingWorkspace(alerts, 3, '/tmp', alerts, { rows: 23, width: 79 });
    state = workspaceReducer(state, {
      type: 'opened',
      id: session.id,
      runbook: session.runbook,
      probeSteps: [step],
      incident: session.incident(),
      recording: session.recording(),
      volatileLabels: [],
    });
    state = workspaceReducer(state, {
      type: 'probeFinished',
      stepId: step.id,
      results: results(nowMs / 1000),
      at: nowMs,
    });
    state = workspaceKey(state, key).state;
    ui = renderUi(
      <Box width={80}>
        <WorkspaceView workspace={state} nowMs={nowMs} width={79} rows={23} probeIntervalMs={15_000} />
      </Box>,
    );
    const frame = await ui.waitForText(heading);
    const lines = frame.split('\n');
    expect(lines.length).toBeLessThanOrEqual(20);
    for (const line of lines) expect([...line].length).toBeLessThanOrEqual(80);
    expect(frame).toContain('› ◆ Alert expression');
    expect(frame).toContain('M1 (Immediate) Take the server out of rotation.');
    expect(frame).toContain('measured 0 s ago');
    if (key === 'v') expect(frame).toMatch(/^100 req\/s ┤[^\n]*┄/m);
  });
});
