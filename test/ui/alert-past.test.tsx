import { describe, expect, it } from 'vitest';
import type { AlertPast } from '../../src/app/alert-past.js';
import { analyseHistory } from '../../src/core/history/alert-history.js';
import { historyStrip } from '../../src/core/history/strip.js';
import { AlertPastLines } from '../../src/ui/components/alert-past.js';
import { renderUi } from '../helpers/render.js';

const window = { start: 0, end: 2800, stepSeconds: 10 };
const history = analyseHistory(
  [
    {
      metric: { alertname: 'A', server: 'web1' },
      points: [0, 10, 20, 2700, 2710, 2720].map((timestamp) => ({ timestamp, value: 1 })),
    },
  ],
  window,
);

describe('the alert’s past in the workspace', () => {
  it('a strip of the window: firing cells where the episodes were, oldest left', () => {
    expect(historyStrip(history, 28)).toBe(`█${'·'.repeat(26)}█`);
    expect(historyStrip(analyseHistory([], window), 4)).toBe('····');
  });

  it('shows the strip, the history line and the last incident, with terminal escapes removed', async () => {
    const past: AlertPast = {
      history: 'Fired 2 times in the last 47 minutes, 40s in all.',
      report: {
        selector: 'ALERTS{}',
        history,
        requestedSeconds: 2800,
        retentionSeconds: undefined,
        alertsSeriesFound: true,
      },
      lastTime: 'Last time, 2026-11-20, 40 min: M1 done, note: "restarted \u001b[31mweb1"',
    };
    const ui = renderUi(<AlertPastLines past={past} />);
    const frame = await ui.waitForText('Last time');
    expect(frame).toContain(`█${'·'.repeat(26)}█ Fired 2 times in the last 47 minutes`);
    expect(frame).toContain('M1 done, note: "restarted web1"');
    ui.unmount();
  });

  it('without history: only the words saying why', async () => {
    const ui = renderUi(
      <AlertPastLines
        past={{
          history: 'History unknown: no Prometheus configured.',
          report: undefined,
          lastTime: undefined,
        }}
      />,
    );
    const frame = await ui.waitForText('History unknown');
    expect(frame.trim()).toBe('History unknown: no Prometheus configured.');
    ui.unmount();
  });

  it('a backend without ALERTS gets no strip: an empty one would read as "did not fire"', async () => {
    const ui = renderUi(
      <AlertPastLines
        past={{
          history: 'No history: Prometheus has no ALERTS series in the last 7 days.',
          report: {
            selector: 'ALERTS{}',
            history: analyseHistory([], window),
            requestedSeconds: 2800,
            retentionSeconds: undefined,
            alertsSeriesFound: false,
          },
          lastTime: undefined,
        }}
      />,
    );
    const frame = await ui.waitForText('No history');
    expect(frame.trim()).toBe('No history: Prometheus has no ALERTS series in the last 7 days.');
    ui.unmount();
  });
});
