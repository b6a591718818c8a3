// The alert feed with a fake clock and sources whose answers the test releases one by one.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseAlertmanagerAlerts } from '../../src/core/alerts/alertmanager-api.js';
import {
  createAlertFeed,
  defaultMaxBackoffMs,
  feedSources,
  type FeedClock,
  type FeedSource,
} from '../../src/sources/alert-feed.js';
import type { SourceAlerts } from '../../src/sources/alert-sources.js';
import { SourceError } from '../../src/sources/http-error.js';
import { amAlert, haproxyLabels } from '../helpers/api-fixtures.js';
import { startFaultServer } from '../helpers/fault-server.js';
import { plainSource } from '../helpers/source-config.js';

/** A clock whose time moves only when the test says so. */
function fakeClock(start = 1_000_000) {
  let time = start;
  let nextId = 1;
  const timers = new Map<number, { at: number; callback: () => void }>();
  const clock: FeedClock = {
    now: () => time,
    setTimeout: (callback, ms) => {
      timers.set(nextId, { at: time + ms, callback });
      return nextId++;
    },
    clearTimeout: (handle) => timers.delete(handle as number),
  };
  return {
    clock,
    pending: () => [...timers.values()].map((t) => t.at - time),
    /** Moves time on, firing timers that fall due on the way. */
    advance: (ms: number) => {
      const target = time + ms;
      for (;;) {
        const due = [...timers.entries()]
          .filter(([, t]) => t.at <= target)
          .sort((a, b) => a[1].at - b[1].at)[0];
        if (!due) break;
        timers.delete(due[0]);
        time = due[1].at;
        due[1].callback();
      }
      time = target;
    },
  };
}

/** A source whose every fetch waits for the test to answer it. */
function controlledSource(name: string) {
  const calls: { signal: AbortSignal; resolve: (v: SourceAlerts) => void; reject: (e: unknown) => void }[] =
    [];
  const source: FeedSource = {
    name,
    kind: 'alertmanager',
    fetch: (signal) => new Promise((resolve, reject) => calls.push({ signal, resolve, reject })),
  };
  const alerts = (...servers: string[]): SourceAlerts => ({
    kind: 'alertmanager',
    alerts: parseAlertmanagerAlerts(
      servers.map((s) => amAlert(haproxyLabels(s))),
      { kind: 'alertmanager', source: name },
    ).alerts,
    problems: [],
  });
  return {
    source,
    calls,
    succeed: async (...servers: string[]) => {
      calls.at(-1)?.resolve(alerts(...servers));
      await flush();
    },
    fail: async (message = 'connection refused') => {
      calls
        .at(-1)
        ?.reject(
          new SourceError({ kind: 'alertmanager', name }, `http://${name}`, 'connection-refused', message),
        );
      await flush();
    },
  };
}

const flush = () => new Promise((resolve) => setImmediate(resolve));

let stopFeed: (() => void) | undefined;
afterEach(() => stopFeed?.());

describe('createAlertFeed', () => {
  it('loads on start, publishes merged alerts and schedules the next refresh', async () => {
    const { clock, pending } = fakeClock();
    const a = controlledSource('am-1');
    const feed = createAlertFeed({ sources: [a.source], clock, intervalMs: 10_000 });
    stopFeed = feed.stop;
    let notified = 0;
    feed.subscribe(() => (notified += 1));
    expect(feed.getSnapshot().sources[0]?.health).toBe('loading');
    feed.start();
    expect(feed.getSnapshot().refreshing).toBe(true);
    await a.succeed('web1', 'web2');
    const snapshot = feed.getSnapshot();
    expect(snapshot.alerts.map((x) => x.labels['server'])).toEqual(['web1', 'web2']);
    expect(snapshot).toMatchObject({ refreshing: false, updatedAt: 1_000_000 });
    expect(snapshot.sources[0]).toMatchObject({
      health: 'ok',
      lastSuccessAt: 1_000_000,
      alertCount: 2,
      nextRefreshAt: 1_010_000,
    });
    expect(feed.getSnapshot()).toBe(snapshot); // stable between changes, as useSyncExternalStore needs
    expect(notified).toBe(2);
    expect(pending()).toEqual([10_000]);
  });

  it('never runs two refreshes at once', async () => {
    const { clock } = fakeClock();
    const a = controlledSource('am-1');
    const feed = createAlertFeed({ sources: [a.source], clock });
    stopFeed = feed.stop;
    feed.start();
    const first = feed.refresh();
    const second = feed.refresh();
    expect(first).toBe(second);
    expect(a.calls).toHaveLength(1);
    await a.succeed('web1');
    await first;
    void feed.refresh();
    expect(a.calls).toHaveLength(2);
  });

  it('backs off a failing source while the healthy one keeps its pace, keeping its last good alerts', async () => {
    const { clock, advance } = fakeClock();
    const a = controlledSource('am-1');
    const b = controlledSource('am-2');
    const feed = createAlertFeed({
      sources: [a.source, b.source],
      clock,
      intervalMs: 10_000,
      maxBackoffMs: 25_000,
    });
    stopFeed = feed.stop;
    feed.start();
    a.calls[0]?.resolve({ kind: 'alertmanager', alerts: [], problems: [] });
    await b.succeed('web2');
    // Second round: am-1 now fails, am-2 answers.
    advance(10_000);
    expect([a.calls.length, b.calls.length]).toEqual([2, 2]);
    await a.fail();
    await b.succeed('web2');
    expect(feed.getSnapshot().sources.map((s) => [s.name, s.health, s.consecutiveFailures])).toEqual([
      ['am-1', 'stale', 1],
      ['am-2', 'ok', 0],
    ]);
    // The words the CLI prints: the message, then the hint.
    expect(feed.getSnapshot().sources[0]?.error).toMatch(
      /^alertmanager am-1: connection refused \(http:\/\/am-1\)\. Is Alertmanager running at http:\/\/am-1\?/,
    );
    expect(feed.getSnapshot().sources[0]?.lastSuccessAt).toBe(1_000_000);
    expect(feed.getSnapshot().alerts.map((x) => x.labels['server'])).toEqual(['web2']);
    // am-2 is polled every 10 s; am-1 waits 20 s after its first failure.
    advance(10_000);
    expect([a.calls.length, b.calls.length]).toEqual([2, 3]);
    await b.succeed('web2');
    advance(10_000);
    expect(a.calls.length).toBe(3);
    await a.fail();
    await b.succeed('web2');
    // Second failure: 40 s, capped at 25 s.
    expect(feed.getSnapshot().sources[0]?.nextRefreshAt).toBe(clock.now() + 25_000);
  });

  it('marks a source that never answered as failing, and recovers when it does', async () => {
    const { clock } = fakeClock();
    const a = controlledSource('am-1');
    const feed = createAlertFeed({ sources: [a.source], clock });
    stopFeed = feed.stop;
    feed.start();
    await a.fail('connection refused');
    expect(feed.getSnapshot().sources[0]).toMatchObject({ health: 'failing', consecutiveFailures: 1 });
    expect(feed.getSnapshot().updatedAt).toBeUndefined();
    void feed.refresh();
    await a.succeed('web1');
    expect(feed.getSnapshot().sources[0]).toMatchObject({
      health: 'ok',
      consecutiveFailures: 0,
      error: undefined,
    });
  });

  it('keeps the alerts of a source that failed earlier when another later answers', async () => {
    const { clock } = fakeClock();
    const a = controlledSource('am-1');
    const feed = createAlertFeed({ sources: [a.source], clock });
    stopFeed = feed.stop;
    feed.start();
    await a.succeed('web1');
    void feed.refresh();
    await a.fail();
    expect(feed.getSnapshot().alerts.map((x) => x.labels['server'])).toEqual(['web1']);
    expect(feed.getSnapshot().sources[0]?.health).toBe('stale');
  });

  it('stops: cancels the refresh in flight, drops its result and leaves no timer', async () => {
    const { clock, pending } = fakeClock();
    const a = controlledSource('am-1');
    const feed = createAlertFeed({ sources: [a.source], clock });
    feed.start();
    const before = feed.getSnapshot().sources;
    feed.stop();
    expect(a.calls[0]?.signal.aborted).toBe(true);
    await a.succeed('web1');
    expect(feed.getSnapshot().alerts).toEqual([]);
    expect(feed.getSnapshot().sources).toEqual(before);
    expect(feed.getSnapshot().refreshing).toBe(false);
    expect(pending()).toEqual([]);
  });

  it('reports a bug in a source as that source failing instead of crashing', async () => {
    const { clock } = fakeClock();
    const broken: FeedSource = {
      name: 'x',
      kind: 'prometheus',
      fetch: () => Promise.reject(new TypeError('boom')),
    };
    const feed = createAlertFeed({ sources: [broken], clock });
    stopFeed = feed.stop;
    await feed.refresh();
    expect(feed.getSnapshot().sources[0]).toMatchObject({
      health: 'failing',
      error: 'prometheus x: internal error: TypeError: boom',
    });
  });
});

describe('createAlertFeed when a source is half down (issue #11)', () => {
  it('shows each answer as it lands while another source hangs', async () => {
    const { clock } = fakeClock();
    const hung = controlledSource('am-hung');
    const fast = controlledSource('am-fast');
    const feed = createAlertFeed({ sources: [hung.source, fast.source], clock, intervalMs: 10_000 });
    stopFeed = feed.stop;
    feed.start();
    await fast.succeed('web1');
    const snapshot = feed.getSnapshot();
    expect(snapshot.alerts.map((x) => x.labels['server'])).toEqual(['web1']);
    expect(snapshot.sources.map((s) => s.health)).toEqual(['loading', 'ok']);
    expect(snapshot.refreshing).toBe(true); // am-hung is still being asked
    expect(snapshot.updatedAt).toBe(1_000_000);
  });

  it('keeps polling the healthy source on its interval while another request hangs', async () => {
    const { clock, advance } = fakeClock();
    const hung = controlledSource('am-hung');
    const fast = controlledSource('am-fast');
    const feed = createAlertFeed({ sources: [hung.source, fast.source], clock, intervalMs: 10_000 });
    stopFeed = feed.stop;
    feed.start();
    await fast.succeed('web1');
    advance(10_000);
    await fast.succeed('web1', 'web2');
    advance(10_000);
    expect([hung.calls.length, fast.calls.length]).toEqual([1, 3]); // never two requests to am-hung
    expect(feed.getSnapshot().alerts).toHaveLength(2);
  });

  it('drops the data of a failing peer older than one interval, so its silence cannot hide a live alert', async () => {
    const { clock, advance } = fakeClock();
    const dead = controlledSource('am-1');
    const live = controlledSource('am-2');
    const feed = createAlertFeed({ sources: [dead.source, live.source], clock, intervalMs: 10_000 });
    stopFeed = feed.stop;
    feed.start();
    const web = (name: string, extra: Parameters<typeof amAlert>[1]) =>
      parseAlertmanagerAlerts([amAlert(haproxyLabels('web1'), extra), amAlert(haproxyLabels('web9'))], {
        kind: 'alertmanager',
        source: name,
      }).alerts;
    dead.calls[0]?.resolve({
      kind: 'alertmanager',
      alerts: web('am-1', { state: 'suppressed', silencedBy: ['s1'], updatedAt: '2024-05-01T10:00:09Z' }),
      problems: [],
    });
    live.calls[0]?.resolve({
      kind: 'alertmanager',
      alerts: web('am-2', { updatedAt: '2024-05-01T10:00:01Z' }).slice(0, 1),
      problems: [],
    });
    await flush();
    // Both answer: am-1's newer silence wins, web9 is known to am-1 only.
    expect(feed.getSnapshot().alerts.map((a) => [a.labels['server'], a.state])).toEqual([
      ['web1', 'silenced'],
      ['web9', 'active'],
    ]);
    advance(10_000);
    await dead.fail();
    live.calls[1]?.resolve({
      kind: 'alertmanager',
      alerts: web('am-2', { updatedAt: '2024-05-01T10:00:11Z' }).slice(0, 1),
      problems: [],
    });
    await flush();
    advance(10_000); // am-2's next poll; am-1's last answer is now more than one interval old
    await live.succeed('web1');
    const snapshot = feed.getSnapshot();
    expect(snapshot.alerts.map((a) => [a.labels['server'], a.state, a.origins.map((o) => o.source)])).toEqual(
      [['web1', 'active', ['am-2']]],
    );
    expect(snapshot.staleAlerts.map((a) => a.labels['server'])).toEqual(['web9']);
    expect(snapshot.sources.map((s) => s.health)).toEqual(['stale', 'ok']);
  });

  it('leaves out a peer whose request hangs once its last answer is two intervals old', async () => {
    const { clock, advance } = fakeClock();
    const hung = controlledSource('am-hung');
    const live = controlledSource('am-live');
    const feed = createAlertFeed({ sources: [hung.source, live.source], clock, intervalMs: 10_000 });
    stopFeed = feed.stop;
    feed.start();
    await hung.succeed('web9');
    await live.succeed('web1');
    const servers = () => feed.getSnapshot().alerts.map((a) => a.labels['server']);
    expect(servers()).toEqual(['web1', 'web9']);
    advance(10_000); // both asked again; am-hung never answers from now on
    await live.succeed('web1');
    advance(10_000);
    await live.succeed('web1');
    expect(servers()).toEqual(['web1', 'web9']); // 20 s old: not yet
    advance(10_000);
    await live.succeed('web1');
    expect(servers()).toEqual(['web1']);
    expect(feed.getSnapshot().staleAlerts.map((a) => a.labels['server'])).toEqual(['web9']);
    expect(hung.calls).toHaveLength(2);
  });

  it('caps the backoff near a few intervals by default, and r retries a failing source at once', async () => {
    const { clock } = fakeClock();
    const a = controlledSource('am-1');
    const feed = createAlertFeed({ sources: [a.source], clock, intervalMs: 15_000 });
    stopFeed = feed.stop;
    feed.start();
    for (let i = 0; i < 6; i += 1) {
      await a.fail();
      void feed.refresh();
    }
    expect(a.calls).toHaveLength(7); // each refresh asked the failing source now, backoff or not
    await a.fail();
    expect(feed.getSnapshot().sources[0]?.consecutiveFailures).toBe(7);
    expect(feed.getSnapshot().sources[0]?.nextRefreshAt).toBe(clock.now() + 45_000);
    void feed.refresh();
    await a.succeed('web1');
    expect(feed.getSnapshot().sources[0]).toMatchObject({ health: 'ok', consecutiveFailures: 0 });
    expect(defaultMaxBackoffMs(15_000)).toBe(45_000);
    expect(defaultMaxBackoffMs(5_000)).toBe(30_000);
    expect(defaultMaxBackoffMs(60_000)).toBe(60_000);
    expect(defaultMaxBackoffMs(120_000)).toBe(120_000);
  });
});

describe('feedSources', () => {
  it('polls real servers through the clients', async () => {
    const server = await startFaultServer({
      '/api/v2/alerts': { kind: 'json', body: [amAlert(haproxyLabels('web1'))] },
    });
    try {
      const source = plainSource('alertmanager', 'am', server.url);
      const feed = createAlertFeed({
        sources: feedSources({ alertmanagers: [source], prometheus: undefined, output: 'simple' }),
      });
      await feed.refresh();
      feed.stop();
      expect(feed.getSnapshot().alerts.map((a) => a.fingerprint)).toEqual(['07cf7160d83f8e59']);
    } finally {
      await server.close();
    }
  });

  it('leaves no timer behind after stop(), its sources’ included', async () => {
    const server = await startFaultServer({
      '/api/v2/alerts': { kind: 'json', body: [amAlert(haproxyLabels('web1'))] },
    });
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      const source = plainSource('alertmanager', 'am', server.url);
      const feed = createAlertFeed({
        sources: feedSources({ alertmanagers: [source], prometheus: undefined, output: 'simple' }),
      });
      feed.start();
      await feed.refresh();
      // The next poll, and the Alertmanager reader's digests of its first answer (alert-feed-slices.ts).
      expect(vi.getTimerCount()).toBe(2);
      feed.stop();
      expect(vi.getTimerCount()).toBe(0);
      expect(feed.getSnapshot().alerts).toHaveLength(1);
    } finally {
      vi.useRealTimers();
      await server.close();
    }
  });

  it('shows two live peers at once while the first-listed one hangs (issue #11, defect 4)', async () => {
    const hung = await startFaultServer({ '/api/v2/alerts': { kind: 'hang' } });
    const live = await Promise.all(
      [1, 2].map(() =>
        startFaultServer({ '/api/v2/alerts': { kind: 'json', body: [amAlert(haproxyLabels('web1'))] } }),
      ),
    );
    const source = (name: string, url: string) => plainSource('alertmanager', name, url, 20_000);
    const feed = createAlertFeed({
      sources: feedSources({
        alertmanagers: [source('am-1', hung.url), source('am-2', live[0]!.url), source('am-3', live[1]!.url)],
        prometheus: undefined,
        output: 'simple',
      }),
    });
    try {
      feed.start();
      const snapshot = await new Promise<ReturnType<typeof feed.getSnapshot>>((resolve) => {
        const check = () => {
          const now = feed.getSnapshot();
          if (now.sources.filter((s) => s.health === 'ok').length === 2) resolve(now);
        };
        feed.subscribe(check);
        check();
      });
      expect(snapshot.sources.map((s) => s.health)).toEqual(['loading', 'ok', 'ok']);
      expect(snapshot.alerts.map((a) => a.origins.map((o) => o.source))).toEqual([['am-2', 'am-3']]);
      expect(hung.requests).toHaveLength(1);
    } finally {
      feed.stop();
      await Promise.all([hung, ...live].map((s) => s.close()));
    }
  });
});
