// What the feed's worker sends and how the screen's thread rebuilds the lists from it.
import { describe, expect, it } from 'vitest';
import { parseAlertmanagerAlerts } from '../../src/core/alerts/alertmanager-api.js';
import type { Alert } from '../../src/core/alerts/alert.js';
import { listMirror, listTracker, sameAlert } from '../../src/sources/alert-feed-delta.js';
import { amAlert, haproxyLabels } from '../helpers/api-fixtures.js';

const origin = { kind: 'alertmanager', source: 'am' } as const;
/** Freshly parsed alerts, as each refresh makes them: equal content, new objects. */
const parsed = (...servers: string[]): readonly Alert[] =>
  parseAlertmanagerAlerts(
    servers.map((s) => amAlert(haproxyLabels(s))),
    origin,
  ).alerts;

describe('listTracker and listMirror', () => {
  it('send every alert once, then nothing while nothing changes; the mirrored list stays the same array', () => {
    const track = listTracker();
    const mirror = listMirror();
    const first = track(parsed('web1', 'web2'));
    expect(first?.set).toHaveLength(2);
    const list = mirror(first);
    expect(list.map((a) => a.labels['server'])).toEqual(['web1', 'web2']);

    const again = track(parsed('web1', 'web2'));
    expect(again).toBeUndefined();
    expect(mirror(again)).toBe(list);
  });

  it('send only what changed, what went and, when it moved, the order', () => {
    const track = listTracker();
    const mirror = listMirror();
    mirror(track(parsed('web1', 'web2', 'web3')));

    const changed = parseAlertmanagerAlerts(
      [
        amAlert(haproxyLabels('web1')),
        amAlert(haproxyLabels('web2'), { state: 'suppressed', silencedBy: ['s1'] }),
      ],
      origin,
    ).alerts;
    const delta = track(changed);
    expect(delta?.set.map((a) => a.labels['server'])).toEqual(['web2']);
    expect(delta?.removed).toHaveLength(1);
    const list = mirror(delta);
    expect(list.map((a) => [a.labels['server'], a.state])).toEqual([
      ['web1', 'active'],
      ['web2', 'silenced'],
    ]);

    const reversed = track([...changed].reverse());
    expect(reversed?.set).toEqual([]);
    expect(mirror(reversed).map((a) => a.labels['server'])).toEqual(['web2', 'web1']);
  });

  it('tell copies apart by any field, and not by label order', () => {
    const [a] = parsed('web1') as [Alert];
    expect(sameAlert(a, { ...a, labels: Object.fromEntries(Object.entries(a.labels).reverse()) })).toBe(true);
    expect(sameAlert(a, { ...a, annotations: { ...a.annotations, summary: 'other' } })).toBe(false);
    expect(sameAlert(a, { ...a, origins: [...a.origins, { kind: 'prometheus', source: 'p' }] })).toBe(false);
    expect(sameAlert(a, { ...a, silencedBy: ['x'] })).toBe(false);
  });
});
