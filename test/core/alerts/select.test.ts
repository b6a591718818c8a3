import { describe, expect, it } from 'vitest';
import type { Alert } from '../../../src/core/alerts/alert.js';
import { alertsJson, stringifyForTerminal } from '../../../src/core/alerts/alert-json.js';
import { alertTable, keyLabels } from '../../../src/core/alerts/alert-table.js';
import { makeAlert } from '../../../src/core/alerts/make-alert.js';
import { parseMatchers } from '../../../src/core/alerts/matchers.js';
import { formatElapsed, selectAlerts } from '../../../src/core/alerts/select.js';
import { formatStartAge } from '../../../src/core/format/start-time.js';
import { severityRank } from '../../../src/core/alerts/order.js';

const now = Date.parse('2024-05-01T12:00:00Z');

function alert(
  name: string,
  severity: string | undefined,
  startsAt: string,
  state: Alert['state'] = 'active',
  extra: Record<string, string> = {},
): Alert {
  const labels = { alertname: name, ...(severity ? { severity } : {}), ...extra };
  return makeAlert({
    fingerprint: name,
    labels,
    annotations: {},
    state,
    startsAt,
    origin: { kind: 'alertmanager', source: 'am' },
  });
}

const alerts = [
  alert('Info', 'info', '2024-05-01T11:59:00Z'),
  alert('OldCrit', 'critical', '2024-05-01T08:00:00Z'),
  alert('NewCrit', 'critical', '2024-05-01T11:58:00Z'),
  alert('Warn', 'warning', '2024-05-01T11:00:00Z'),
  alert('NoSeverity', undefined, '2024-05-01T11:59:30Z'),
  alert('Custom', 'p2', '2024-05-01T11:59:30Z'),
  alert('Muted', 'critical', '2024-05-01T11:00:00Z', 'silenced'),
  alert('Inhibited', 'critical', '2024-05-01T11:00:00Z', 'inhibited'),
  alert('Soon', 'warning', '2024-05-01T11:59:50Z', 'pending'),
];

describe('selectAlerts', () => {
  const none = { matchers: [], silenced: false, inhibited: false };

  it('sorts by severity, then oldest first; unknown severities after info and none last', () => {
    expect(selectAlerts(alerts, none).map((a) => a.name)).toEqual([
      'OldCrit',
      'NewCrit',
      'Warn',
      'Soon',
      'Info',
      'Custom',
      'NoSeverity',
    ]);
    expect(severityRank('critical')).toBeLessThan(severityRank('warning'));
  });

  it('adds silenced and inhibited alerts only when asked', () => {
    expect(selectAlerts(alerts, { ...none, silenced: true }).map((a) => a.name)).toContain('Muted');
    expect(selectAlerts(alerts, { ...none, silenced: true }).map((a) => a.name)).not.toContain('Inhibited');
    expect(selectAlerts(alerts, { ...none, inhibited: true }).map((a) => a.name)).toContain('Inhibited');
  });

  it('applies matchers', () => {
    const selection = { ...none, matchers: parseMatchers('severity=~"crit.*"') };
    expect(selectAlerts(alerts, selection).map((a) => a.name)).toEqual(['OldCrit', 'NewCrit']);
  });
});

describe('formatStartAge', () => {
  it('shows at most two units', () => {
    expect(formatStartAge('2024-05-01T11:59:15Z', now)).toBe('45 s');
    expect(formatStartAge('2024-05-01T11:56:40Z', now)).toBe('3 min 20 s');
    expect(formatStartAge('2024-05-01T09:55:00Z', now)).toBe('2 h 5 min');
    expect(formatStartAge('2024-04-28T08:00:00Z', now)).toBe('3 d 4 h');
    expect(formatStartAge('not a time', now)).toBe('?');
  });

  it("says a start in the future is in the future, never '0 s' (Alertmanager's clock for an alert posted with only endsAt)", () => {
    expect(formatStartAge('2024-05-01T13:00:00Z', now)).toBe('in 1 h');
  });
});

describe('formatElapsed', () => {
  it("reads a time of sitrep's own just after the screen's clock as 0 s, never 'in 412 ms' before 'ago'", () => {
    expect(formatElapsed('2024-05-01T11:56:40Z', now)).toBe('3 min 20 s');
    expect(formatElapsed(new Date(now + 412).toISOString(), now)).toBe('0 s');
    expect(formatElapsed('not a time', now)).toBe('?');
  });
});

describe('alertTable', () => {
  it('prints severity, name, key labels, age, state and source in aligned columns', () => {
    const rows = [
      alert('HaproxyServerConnectionErrors', 'critical', '2024-05-01T11:55:00Z', 'active', {
        server: 'web1',
      }),
    ];
    expect(alertTable(rows, { nowMs: now, extended: false }).split('\n')).toEqual([
      'SEVERITY  ALERTNAME                      LABELS       AGE    STATE   SOURCE',
      'critical  HaproxyServerConnectionErrors  server=web1  5 min  active  am',
    ]);
  });

  it('removes escape sequences and control characters from server text', () => {
    const evil = alert('Evil\u001b]0;pwned\u0007', 'critical', '2024-05-01T11:55:00Z', 'active', {
      x: 'a\u001b[2Jb\nc',
    });
    const table = alertTable([evil], { nowMs: now, extended: false });
    // eslint-disable-next-line no-control-regex
    expect(table).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
    expect(table).toContain('x=ab c');
    expect(keyLabels(evil)).toBe('x=a\u001b[2Jb\nc'); // raw until printed
  });

  it('shortens the labels column to fit a narrow terminal', () => {
    const wide = alert('A', 'critical', '2024-05-01T11:55:00Z', 'active', { instance: 'x'.repeat(100) });
    const lines = alertTable([wide], { nowMs: now, extended: false, width: 80 }).split('\n');
    expect(Math.max(...lines.map((l) => l.length))).toBeLessThanOrEqual(80);
    expect(lines[1]).toContain('…');
  });
});

describe('alertsJson', () => {
  it('has the documented fields, nulls for missing links, and escapes C1 controls for terminals', () => {
    const doc = alertsJson(
      [alert('A\u009b31m', 'critical', '2024-05-01T11:59:00Z')],
      [{ name: 'am', kind: 'alertmanager', url: 'http://am', error: undefined, alerts: 1, problems: [] }],
      now,
    );
    expect(doc.alerts[0]).toMatchObject({
      ageSeconds: 60,
      runbookUrl: null,
      generatorURL: null,
      state: 'active',
    });
    expect(doc.sources[0]).toMatchObject({ ok: true, error: null });
    const text = stringifyForTerminal(doc);
    // eslint-disable-next-line no-control-regex
    expect(text).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
    expect((JSON.parse(text) as typeof doc).alerts[0]?.name).toBe('A\u009b31m');
  });

  it('escapes bidi controls and marks and zero-width characters, which stay the same data', () => {
    const name = 'a\u202eb\u200fc\u061cd\u200be\u2060f\ufeffg';
    const text = stringifyForTerminal({ name });
    expect(text).not.toMatch(/[\u202a-\u202e\u200b-\u200f\u061c\u2060\ufeff]/);
    expect((JSON.parse(text) as { name: string }).name).toBe(name);
  });
});
