// The alert's past in the workspace: loaded after the incident opens ("loading history…" meanwhile),
// then the strip and the history line, and the "Last time" line where the terminal has room (at
// 80×24 it folds into the `m` context toggle, so every checklist row stays on screen).
import { afterEach, describe, expect, it } from 'vitest';
import type { AlertPast } from '../../src/app/alert-past.js';
import type { PastIncident } from '../../src/core/history/past-incidents.js';
import { analyseHistory } from '../../src/core/history/alert-history.js';
import { App } from '../../src/ui/app.js';
import { testAlert } from '../helpers/alerts.js';
import { fakeFeed } from '../helpers/fake-feed.js';
import { fakeServices, fakeSession, nowMs } from '../helpers/fake-session.js';
import { keys, renderUi, type Rendered } from '../helpers/render.js';

const alerts = [
  testAlert({ alertname: 'HaproxyServerConnectionErrors', server: 'web1', severity: 'critical' }),
];
const end = nowMs / 1000;
const window = { start: end - 7 * 86_400, end, stepSeconds: 70 };
// Two episodes: one four days ago for 10 minutes, one now.
const points = (from: number, count: number) =>
  Array.from({ length: count }, (_, i) => ({ timestamp: from + i * 70, value: 1 }));
const history = analyseHistory(
  [
    {
      metric: { alertname: 'HaproxyServerConnectionErrors', server: 'web1' },
      points: [...points(end - 4 * 86_400, 9), ...points(end - 700, 11)],
    },
  ],
  window,
);
const past: AlertPast = {
  history: 'Fired 2 times in the last 7 days, 21 min in all.',
  report: {
    selector: 'ALERTS{}',
    history,
    requestedSeconds: 7 * 86_400,
    retentionSeconds: undefined,
    alertsSeriesFound: true,
  },
  lastTime: 'Last time, 2026-11-20, 40 min: M1 done, note: "restarted app on web1"',
};

let ui: Rendered | undefined;
afterEach(() => ui?.unmount());

/** Two earlier incidents: one for web1 (same labels), an older one for web2. */
const incidents: PastIncident[] = [
  {
    id: '2026-11-20-HaproxyServerConnectionErrors-aaaa',
    status: 'closed',
    startedAt: '2026-11-20T03:00:00.000Z',
    durationSeconds: 2400,
    sameLabels: true,
    runbookTitle: 'HaproxyServerConnectionErrors',
    mitigationsDone: [
      { id: 'mitigation-1', text: 'Take the server out of rotation.', at: '2026-11-20T03:20:00.000Z' },
    ],
    notes: [{ at: '2026-11-20T03:25:00.000Z', text: 'restarted app on web1' }],
  },
  {
    id: '2026-11-02-HaproxyServerConnectionErrors-bbbb',
    status: 'closed',
    startedAt: '2026-11-02T10:00:00.000Z',
    durationSeconds: 600,
    sameLabels: false,
    runbookTitle: undefined,
    mitigationsDone: [],
    notes: [{ at: '2026-11-02T10:05:00.000Z', text: 'web2 \u001b]0;pwned\u0007flapped' }],
  },
];

/** The app whose session answers alertPast() when the test says. */
function start() {
  const { services } = fakeServices(fakeFeed(alerts));
  // One answer, whenever it is asked for: the screen asks once its first frame of the incident is drawn.
  let answer: (past: AlertPast) => void = () => undefined;
  const answered = new Promise<AlertPast>((resolve) => (answer = resolve));
  services.openIncident = (chosen) => {
    const session = fakeSession(chosen);
    session.alertPast = () => answered;
    session.pastIncidentRows = (id) =>
      Promise.resolve(
        id === incidents[1]?.id
          ? [
              { at: '2026-11-02T10:00:00.000Z', text: 'Incident opened' },
              { at: '2026-11-02T10:05:00.000Z', text: 'Note: web2 \u001b[2Jflapped' },
            ]
          : [],
      );
    return Promise.resolve(session);
  };
  ui = renderUi(<App services={services} />);
  return { ui, answer: (p: AlertPast) => answer(p) };
}

describe('the alert’s past in the workspace', () => {
  it('opens without waiting for it, then shows the strip and the history; the checklist stays whole at 80×24', async () => {
    const { ui, answer } = start();
    await ui.waitForText('HaproxyServerConnectionErrors');
    ui.press(keys.enter);
    let frame = await ui.waitForText('loading history…');
    expect(frame).toContain('D1 Check which servers refuse connections.');
    answer(past);
    frame = await ui.waitForText('Fired 2 times in the last 7 days');
    // 20 cells of 8.4 h at 80 columns: the old episode in the middle, the current one at the right.
    expect(frame).toMatch(/·+█·+█ Fired 2 times/);
    expect(frame).not.toContain('loading history…');
    for (const row of ['Alert expression', 'D1 ', 'D2 ', 'M1 ']) expect(frame).toContain(row);
    expect(frame.split('\n').length).toBeLessThanOrEqual(24);
    // On a short terminal "Last time" shows with the context opened.
    expect(frame).not.toContain('Last time');
    ui.press('m');
    frame = await ui.waitForText('Last time, 2026-11-20, 40 min: M1 done, note: "restarted app on web1"');
    expect(frame).toContain('M1 ');
  });

  // Seen in the README's capture: with the past shown, the silence dialog pushed the header off.
  it.each([
    ['the silence dialog', ['S', keys.enter, 'draining web1', keys.enter], 'Create this silence?'],
    ['the skip reason', ['s'], 'Why skip this step?'],
    ['the export formats', ['e'], 'Export the postmortem notes as'],
  ])('keeps the header on screen with %s open at 24 rows', async (_name, presses, dialog) => {
    const { ui, answer } = start();
    await ui.waitForText('HaproxyServerConnectionErrors');
    ui.press(keys.enter);
    await ui.waitForText('loading history…');
    answer(past);
    await ui.waitForText('Fired 2 times in the last 7 days');
    ui.press('j', ...presses);
    const frame = await ui.waitForText(dialog);
    expect(frame.split('\n').length).toBeLessThanOrEqual(24);
    expect(frame.split('\n')[0]).toMatch(/^sitrep · /);
  });

  it('says why when the history is unknown', async () => {
    const { ui, answer } = start();
    await ui.waitForText('HaproxyServerConnectionErrors');
    ui.press(keys.enter);
    await ui.waitForText('loading history…');
    answer({
      history: 'History unknown: Prometheus did not answer (timeout).',
      report: undefined,
      lastTime: undefined,
    });
    const frame = await ui.waitForText('History unknown: Prometheus did not answer');
    expect(frame).toMatch(/^History unknown: Prometheus/m);
  });

  it('p lists the past incidents, same labels first; ⏎ shows one’s timeline read-only; esc goes back', async () => {
    const { ui, answer } = start();
    await ui.waitForText('HaproxyServerConnectionErrors');
    ui.press(keys.enter);
    await ui.waitForText('loading history…');
    ui.press('p');
    await ui.waitForText('still loading');
    answer({ ...past, incidents });
    await ui.waitForText('Fired 2 times');
    ui.press('p');
    let frame = await ui.waitForText('Past incidents of HaproxyServerConnectionErrors');
    expect(frame).toMatch(
      /› 2026-11-20, 40 min: M1 done, note: "restarted app on web1"\n\s+2026-11-02, 10 min: no mitigation step done, note: "web2 flapped" \(other labels\)/,
    );
    expect(frame).toContain('done M1: Take the server out of rotation.');
    ui.press('j', keys.enter);
    frame = await ui.waitForText('Note: web2 flapped');
    expect(frame).toContain('2026-11-02-HaproxyServerConnectionErrors-bbbb · read-only · timeline, UTC');
    expect(frame).toContain('2026-11-02 10:00:00 Incident opened');
    expect(frame).not.toContain('pwned');
    ui.press(keys.escape);
    frame = await ui.waitForFrame((f) => f.includes('› 2026-11-02, 10 min'));
    ui.press(keys.escape);
    frame = await ui.waitForText('D1 Check which servers refuse connections.');
    expect(frame).not.toContain('Past incidents of');
  });
});

describe('the export dialog', () => {
  it('offers HTML, written to a .html file', async () => {
    const { services, opened } = fakeServices(fakeFeed(alerts));
    ui = renderUi(<App services={services} />);
    await ui.waitForText('HaproxyServerConnectionErrors');
    ui.press(keys.enter);
    await ui.waitForText('D1 Check which servers refuse connections.');
    ui.press('e');
    await ui.waitForText('HTML (one file, charts inline)');
    ui.press(keys.down, keys.down, keys.enter);
    const id = opened[0]?.id ?? '';
    await ui.waitForText(`/work/out/${id}.html`);
    ui.press(keys.enter);
    await ui.waitForText('Postmortem notes written to');
    expect(opened[0]?.exports).toEqual([{ format: 'html', path: `/work/out/${id}.html` }]);
  });
});
