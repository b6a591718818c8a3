// The feed as the screen's thread runs it (src/sources/alert-feed-screen.ts, openAlertFeed):
// Alertmanager answers read by the reusing reader in slices, an unchanged answer reusing the last
// merged list, a re-sent one reusing the last order, and a pause between merging and publishing.
// On the same answers from fault servers it shows what the plain feed (every answer read whole,
// merged and sorted afresh) shows: changed, added, removed and reordered alerts, a source going
// stale, errors. And a big answer is read over several turns of the event loop.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Alert } from '../../src/core/alerts/alert.js';
import { sortAlerts } from '../../src/core/alerts/order.js';
import {
  createAlertFeed,
  type AlertFeedSnapshot,
  type FeedClock,
  type FeedSource,
} from '../../src/sources/alert-feed.js';
import { nextTurn, readReusing, readReusingInSlices } from '../../src/sources/alert-feed-slices.js';
import { reusingAlertmanagerFetch } from '../../src/sources/alert-feed-slices.js';
import { fetchSourceAlerts } from '../../src/sources/alert-sources.js';
import { amAlert, haproxyLabels } from '../helpers/api-fixtures.js';
import { startFaultServer, type FaultServer } from '../helpers/fault-server.js';
import { plainSource } from '../helpers/source-config.js';

let first: FaultServer;
let second: FaultServer;
beforeAll(async () => {
  first = await startFaultServer({ '/api/v2/alerts': { kind: 'json', body: [] } });
  second = await startFaultServer({ '/api/v2/alerts': { kind: 'json', body: [] } });
});
afterAll(async () => {
  await first.close();
  await second.close();
});

const web = (n: number, options: Parameters<typeof amAlert>[1] = {}) =>
  amAlert({ ...haproxyLabels(`web${n}`), severity: n % 2 === 0 ? 'warning' : 'critical' }, options);

// A clock the test moves; the feeds are driven by refresh() alone (their timers never fire).
function testClock(): FeedClock & { at: number } {
  const clock = { at: 1_000_000, now: () => clock.at, setTimeout: () => 0, clearTimeout: () => undefined };
  return clock;
}

const intervalMs = 10_000;
const configs = () => [
  plainSource('alertmanager', 'am1', first.url),
  plainSource('alertmanager', 'am2', second.url),
];
const oneThread = (clock: FeedClock) =>
  createAlertFeed({
    sources: configs().map((source): FeedSource => ({
      name: source.name,
      kind: source.kind,
      ...reusingAlertmanagerFetch(source),
    })),
    intervalMs,
    clock,
    pause: nextTurn,
  });
const plain = (clock: FeedClock) =>
  createAlertFeed({
    sources: configs().map((source): FeedSource => ({
      name: source.name,
      kind: source.kind,
      fetch: (signal) => fetchSourceAlerts(source, [], signal),
    })),
    intervalMs,
    clock,
  });

// What the screen shows of a snapshot: the lists and each source's status.
const shown = (snapshot: AlertFeedSnapshot) => ({
  alerts: snapshot.alerts,
  staleAlerts: snapshot.staleAlerts,
  sources: snapshot.sources,
  updatedAt: snapshot.updatedAt,
});
const servers = (list: readonly Alert[]) => list.map((alert) => alert.labels['server']);

describe('the one-thread feed', () => {
  it('shows what the plain feed shows for the same answers, reusing the list when nothing changed', async () => {
    const clock = testClock();
    const ours = oneThread(clock);
    const theirs = plain(clock);
    const steps: { am1: unknown; am2: unknown; expect?: (s: AlertFeedSnapshot) => void }[] = [
      { am1: [web(1), web(2), web(3)], am2: [web(3), web(4)] },
      // The same answers again.
      { am1: [web(1), web(2), web(3)], am2: [web(3), web(4)] },
      // Every alert re-sent with a new update time (Prometheus does so each minute).
      {
        am1: [1, 2, 3].map((n) => web(n, { updatedAt: '2024-05-01T10:01:00.000Z' })),
        am2: [3, 4].map((n) => web(n, { updatedAt: '2024-05-01T10:01:00.000Z' })),
      },
      // The same alerts but web4, which started earlier: it moves ahead of web2.
      {
        am1: [web(1), web(2), web(3)],
        am2: [web(3), web(4, { startsAt: '2024-04-01T10:00:00.000Z' })],
        expect: (s) => expect(servers(s.alerts)).toEqual(['web1', 'web3', 'web4', 'web2']),
      },
      // Reordered, one silenced, one gone, one new, one starting later (moves in the order).
      {
        am1: [web(3), web(5), web(1, { state: 'suppressed', silencedBy: ['s1'] })],
        am2: [web(4, { startsAt: '2024-05-01T11:00:00.000Z' }), web(3)],
      },
      // am2 fails: its last answer stays (stale health) while younger than one interval.
      { am1: [web(3), web(5)], am2: { kind: 'text', status: 500, body: 'boom' } },
    ];
    let previous: AlertFeedSnapshot | undefined;
    for (const [index, step] of steps.entries()) {
      const route = (server: FaultServer, body: unknown) =>
        server.route('/api/v2/alerts', Array.isArray(body) ? { kind: 'json', body } : (body as never));
      route(first, step.am1);
      route(second, step.am2);
      clock.at += 1_000;
      await Promise.all([ours.refresh(), theirs.refresh()]);
      expect(shown(ours.getSnapshot()), `step ${index}`).toEqual(shown(theirs.getSnapshot()));
      expect(ours.getSnapshot().alerts).toEqual(sortAlerts(ours.getSnapshot().alerts));
      if (index === 1) expect(ours.getSnapshot().alerts).toBe(previous?.alerts);
      step.expect?.(ours.getSnapshot());
      previous = ours.getSnapshot();
    }
    expect(servers(ours.getSnapshot().alerts)).toEqual(['web3', 'web5', 'web4']);
    expect(ours.getSnapshot().sources.map((s) => s.health)).toEqual(['ok', 'stale']);
    expect(ours.getSnapshot().sources[1]?.error).toMatch(/am2/);

    // Older than one interval, am2's alerts move to the stale list, for both feeds alike.
    clock.at += intervalMs + 1;
    await Promise.all([ours.refresh(), theirs.refresh()]);
    expect(shown(ours.getSnapshot())).toEqual(shown(theirs.getSnapshot()));
    expect(servers(ours.getSnapshot().alerts)).toEqual(['web3', 'web5']);
    expect(servers(ours.getSnapshot().staleAlerts)).toEqual(['web4']);

    // An answer that is not a list of alerts: the same error for both.
    first.route('/api/v2/alerts', { kind: 'text', body: '<html>proxy error</html>' });
    clock.at += 1_000;
    await Promise.all([ours.refresh(), theirs.refresh()]);
    expect(shown(ours.getSnapshot())).toEqual(shown(theirs.getSnapshot()));
    expect(ours.getSnapshot().sources[0]?.health).toBe('stale');
    ours.stop();
    theirs.stop();
  });
});

describe('readReusingInSlices', () => {
  it('reads a big changed answer over several turns of the event loop, to the same alerts', async () => {
    const origin = { kind: 'alertmanager', source: 'am' } as const;
    const body = (updatedAt: string) =>
      JSON.stringify(Array.from({ length: 10_000 }, (_, n) => web(n, { updatedAt })));
    const known = readReusing(body('2024-05-01T10:00:01.000Z'), origin, new Map())?.known;
    expect(known?.size).toBe(10_000);
    const changed = body('2024-05-01T10:01:00.000Z');
    let timerFired = false;
    let readDone = false;
    setTimeout(() => {
      timerFired = true;
      expect(readDone).toBe(false);
    }, 0);
    const read = await readReusingInSlices(changed, origin, known ?? new Map());
    readDone = true;
    expect(timerFired).toBe(true);
    expect(read?.alerts).toEqual(readReusing(changed, origin, new Map())?.alerts);
    expect(read?.alerts.every((alert) => alert.updatedAt === '2024-05-01T10:01:00.000Z')).toBe(true);
  });
});
