// The feed's Alertmanager reader that reuses unchanged alerts (src/sources/alert-feed-slices.ts)
// against the usual one (fetchSourceAlerts), on the same answers from a fault server: the same
// alerts (changed, added and removed ones included), the same skipped items and the same errors.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Alert } from '../../src/core/alerts/alert.js';
import { jsonArrayItems, nextTurn, reusingAlertmanagerFetch } from '../../src/sources/alert-feed-slices.js';
import { fetchSourceAlerts } from '../../src/sources/alert-sources.js';
import { amAlert, haproxyLabels } from '../helpers/api-fixtures.js';
import { startFaultServer, type FaultServer } from '../helpers/fault-server.js';
import { plainSource } from '../helpers/source-config.js';

let server: FaultServer;
beforeAll(async () => {
  server = await startFaultServer({ '/api/v2/alerts': { kind: 'json', body: [] } });
});
afterAll(async () => {
  await server.close();
});

const answer = (body: unknown) => server.route('/api/v2/alerts', { kind: 'json', body });
const signal = () => new AbortController().signal;

describe('jsonArrayItems', () => {
  it('cuts an array of objects into their texts, brackets and quotes inside strings included', () => {
    const items = ['{"a":"[{\\"x\\"}]","b":{"c":[1,{"d":"\\\\"}]}}', '{}', '{"e":"}\\\\\\""}'];
    expect(jsonArrayItems(`[${items.join(',')}]`)).toEqual(items);
    expect(jsonArrayItems(` \n[ ${items.join(' ,\r\n\t')} ] \n`)).toEqual(items);
    for (const item of items) expect(JSON.parse(item)).toBeTypeOf('object');
    expect(jsonArrayItems('[]')).toEqual([]);
    expect(jsonArrayItems(' [ ] ')).toEqual([]);
  });

  it('gives up on anything else', () => {
    for (const text of [
      '',
      '{}',
      '[1]',
      '[{},1]',
      '[{},]',
      '[{}',
      '[{}] x',
      '[{"a":"}]',
      '[{"a":1}}]',
      '[{}{}]',
      '\uFEFF[{}]',
      '[{"a":"\\"}]',
    ])
      expect(jsonArrayItems(text), text).toBeUndefined();
  });
});

describe('reusingAlertmanagerFetch', () => {
  it('reads every answer as fetchSourceAlerts does, reusing only the alerts whose text is the same', async () => {
    const source = plainSource('alertmanager', 'am', server.url);
    const { fetch } = reusingAlertmanagerFetch(source);
    const web = (n: number, options: Parameters<typeof amAlert>[1] = {}) =>
      amAlert(haproxyLabels(`web${n}`), options);
    // Each answer, and which of its alerts are the same objects as in the answer before.
    const answers: [unknown[], string[]][] = [
      [[web(1), web(2), web(3)], []],
      // web1 silenced, web2 gone, web4 new; web3 as it was.
      [[web(1, { state: 'suppressed', silencedBy: ['s1'] }), web(3), web(4)], ['web3']],
      // The same again, in another order.
      [
        [web(4), web(3), web(1, { state: 'suppressed', silencedBy: ['s1'] })],
        ['web4', 'web3', 'web1'],
      ],
      // An item the quick reader doubts: all read whole, and the item skipped as the usual reader
      // skips it; nothing is reused from it.
      [[web(4), { ...web(3), fingerprint: 7 }], []],
      [[web(4), web(3)], []],
      [
        [web(4), web(3)],
        ['web4', 'web3'],
      ],
      [[], []],
    ];
    let before = new Map<string, Alert>();
    for (const [body, reused] of answers) {
      answer(body);
      const ours = await fetch(signal());
      const theirs = await fetchSourceAlerts(source, [], signal());
      expect(ours).toEqual(theirs);
      const same = ours.alerts.filter((alert) => before.get(alert.fingerprint) === alert);
      expect(same.map((alert) => alert.labels['server'])).toEqual(reused);
      before = new Map(ours.alerts.map((alert) => [alert.fingerprint, alert]));
    }
    expect(answers.some(([, reused]) => reused.length > 0)).toBe(true);
  });

  it('fails as fetchSourceAlerts fails (or skips what it skips) on an answer that is not JSON or not a list of alerts', async () => {
    const source = plainSource('alertmanager', 'am', server.url);
    const { fetch } = reusingAlertmanagerFetch(source);
    for (const behavior of [
      { kind: 'text', body: '[{"fingerprint":' },
      { kind: 'text', body: '<html><body>proxy error</body></html>' },
      { kind: 'json', body: { alerts: [] } },
      { kind: 'json', body: [1, 2] },
    ] as const) {
      server.route('/api/v2/alerts', behavior);
      const ours = await fetch(signal()).catch((error: unknown) => error);
      const theirs = await fetchSourceAlerts(source, [], signal()).catch((error: unknown) => error);
      if (theirs instanceof Error) {
        expect(ours).toBeInstanceOf(Error);
        expect(String(ours)).toBe(String(theirs));
        expect((ours as { kind?: string }).kind).toBe((theirs as { kind?: string }).kind);
      } else expect(ours).toEqual(theirs);
    }
  });

  describe('stop()', () => {
    // Only the timeouts are fake: the server, the sockets and the reader's pauses run as usual.
    afterEach(() => {
      vi.useRealTimers();
    });
    const alerts = [1, 2, 3].map((n) => amAlert(haproxyLabels(`web${n}`)));

    it('without it, the digests of an answer read whole are worked out a second later, for the next answer to reuse', async () => {
      vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
      answer(alerts);
      const reader = reusingAlertmanagerFetch(plainSource('alertmanager', 'am', server.url));
      const first = await reader.fetch(signal());
      expect(vi.getTimerCount()).toBe(1);
      await vi.advanceTimersByTimeAsync(1_000);
      expect(vi.getTimerCount()).toBe(0);
      const second = await reader.fetch(signal());
      expect(second.alerts.every((alert, i) => alert === first.alerts[i])).toBe(true);
    });

    it('leaves no timer behind and works out no digest after it; the next answer reads the same', async () => {
      vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
      answer(alerts);
      const source = plainSource('alertmanager', 'am', server.url);
      const reader = reusingAlertmanagerFetch(source);
      const first = await reader.fetch(signal());
      expect(vi.getTimerCount()).toBe(1);
      reader.stop();
      expect(vi.getTimerCount()).toBe(0);
      await vi.advanceTimersByTimeAsync(1_000);
      // Nothing was learned from the first answer: the next is read whole, as the first was.
      const second = await reader.fetch(signal());
      expect(second).toEqual(await fetchSourceAlerts(source, [], signal()));
      expect(second.alerts.some((alert, i) => alert === first.alerts[i])).toBe(false);
      // That answer is learned from as usual: the one after it reuses its alerts.
      expect(vi.getTimerCount()).toBe(1);
      await vi.advanceTimersByTimeAsync(1_000);
      const third = await reader.fetch(signal());
      expect(third.alerts.every((alert, i) => alert === second.alerts[i])).toBe(true);
    });

    it('ends the digests being worked out when it comes between two of their slices', async () => {
      // Big enough to be worked out in several slices, as the screen's feed reads 10,000 alerts.
      answer(Array.from({ length: 10_000 }, (_, n) => amAlert(haproxyLabels(`web${n}`))));
      const source = plainSource('alertmanager', 'am', server.url);
      let pauses = 0;
      const reader = reusingAlertmanagerFetch(source, [], () => {
        pauses += 1;
        reader.stop();
        return nextTurn();
      });
      const first = await reader.fetch(signal());
      // The next fetch works the first answer's digests out before it reads: stop() cuts them short.
      const second = await reader.fetch(signal());
      reader.stop();
      expect(pauses).toBeGreaterThan(0);
      expect(second.alerts).toHaveLength(10_000);
      expect(second.alerts.some((alert, i) => alert === first.alerts[i])).toBe(false);
    });
  });
});
