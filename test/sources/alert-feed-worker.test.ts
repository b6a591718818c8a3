// The screen's feed in a worker thread, in this thread, and starting in this thread before handing
// over to a worker (the screen's default): the same alerts from the same server, the same changes
// followed, no source asked twice at the hand-over, and a worker that cannot load falls back
// without a word on stderr.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Config } from '../../src/core/config/config.js';
import type { AlertFeed, AlertFeedSnapshot } from '../../src/sources/alert-feed.js';
import { feedThread } from '../../src/sources/alert-feed-mirror.js';
import { openAlertFeed } from '../../src/sources/alert-feed-screen.js';
import { amAlert, haproxyLabels } from '../helpers/api-fixtures.js';
import { buildFeedWorker } from '../helpers/feed-worker-build.js';
import { startFaultServer, type FaultServer } from '../helpers/fault-server.js';
import { pollFor } from '../helpers/poll.js';
import { plainSource } from '../helpers/source-config.js';

let worker: Awaited<ReturnType<typeof buildFeedWorker>>;
beforeAll(async () => {
  worker = await buildFeedWorker();
});
afterAll(() => worker.remove());

const configFor = (server: FaultServer): Config => ({
  alertmanagers: [plainSource('alertmanager', 'am', server.url, 5_000)],
  prometheus: undefined,
  output: 'simple',
});

/** Resolves with the first snapshot that passes `test`. */
function waitForSnapshot(
  feed: AlertFeed,
  test: (s: AlertFeedSnapshot) => boolean,
): Promise<AlertFeedSnapshot> {
  return new Promise((resolve, reject) => {
    const timeout = setTimeout(() => reject(new Error('the feed never showed it')), 20_000);
    const check = () => {
      const snapshot = feed.getSnapshot();
      if (!test(snapshot)) return;
      clearTimeout(timeout);
      unsubscribe();
      resolve(snapshot);
    };
    const unsubscribe = feed.subscribe(check);
    check();
  });
}

const shown = (s: AlertFeedSnapshot) => s.alerts.map((a) => `${a.labels['server']}:${a.state}`);

/**
 * What a feed shows of a server that lists web1 and web2, then silences web1, drops web2 and adds
 * web3; where it polled at the first and the second list; and every list length it published.
 */
async function followChanges(workerUrl: URL | null, firstPoll?: 'worker') {
  const server = await startFaultServer({
    '/api/v2/alerts': {
      kind: 'json',
      body: [amAlert(haproxyLabels('web1')), amAlert(haproxyLabels('web2'))],
    },
  });
  const feed = openAlertFeed(configFor(server), {
    workerUrl,
    intervalMs: 100,
    ...(firstPoll ? { firstPoll } : {}),
  });
  const lengths: number[] = [];
  const unsubscribe = feed.subscribe(() => {
    if (lengths.at(-1) !== feed.getSnapshot().alerts.length) lengths.push(feed.getSnapshot().alerts.length);
  });
  try {
    feed.start();
    const first = await waitForSnapshot(feed, (s) => s.alerts.length === 2);
    const thread = [feedThread(feed)];
    server.route('/api/v2/alerts', {
      kind: 'json',
      body: [
        amAlert(haproxyLabels('web1'), { state: 'suppressed', silencedBy: ['s1'] }),
        amAlert(haproxyLabels('web3')),
      ],
    });
    const second = await waitForSnapshot(feed, (s) => s.alerts.some((a) => a.labels['server'] === 'web3'));
    thread.push(feedThread(feed));
    server.route('/api/v2/alerts', { kind: 'json', body: [amAlert(haproxyLabels('web1'))] });
    await feed.refresh();
    const refreshed = feed.getSnapshot();
    return {
      thread,
      first: shown(first),
      second: shown(second),
      refreshed: shown(refreshed),
      sources: refreshed.sources.map((s) => `${s.name} ${s.health} ${s.alertCount}`),
      lengths,
    };
  } finally {
    unsubscribe();
    feed.stop();
    await server.close();
  }
}

describe('openAlertFeed', () => {
  it('shows the same alerts and follows the same changes in a worker thread, in this thread, and handing over', async () => {
    const handingOver = await followChanges(worker.url);
    const inWorker = await followChanges(worker.url, 'worker');
    const inThread = await followChanges(null);
    expect(handingOver.thread).toEqual(['this thread', 'worker']);
    expect(inWorker.thread).toEqual(['worker', 'worker']);
    expect(inThread.thread).toEqual(['this thread', 'this thread']);
    // Never an empty list between two full ones: the hand-over shows no flash of "no alerts".
    const expected = {
      first: ['web1:active', 'web2:active'],
      second: ['web1:silenced', 'web3:active'],
      refreshed: ['web1:active'],
      sources: ['am ok 1'],
      lengths: [0, 2, 1],
      thread: undefined,
    };
    for (const result of [handingOver, inWorker, inThread])
      expect({ ...result, thread: undefined }).toEqual(expected);
  });

  it('hands over to the worker without asking the server again', async () => {
    const server = await startFaultServer({
      '/api/v2/alerts': { kind: 'json', body: [amAlert(haproxyLabels('web1'))] },
    });
    const feed = openAlertFeed(configFor(server), { workerUrl: worker.url, intervalMs: 60_000 });
    try {
      feed.start();
      await waitForSnapshot(feed, (s) => s.alerts.length === 1);
      await pollFor(
        () => feedThread(feed),
        (thread) => thread === 'worker',
        { timeoutMs: 20_000, intervalMs: 10, describe: (thread) => `the feed still polls in ${thread}` },
      );
      expect(server.requestsTo('/api/v2/alerts')).toHaveLength(1);
      server.route('/api/v2/alerts', { kind: 'json', body: [amAlert(haproxyLabels('web2'))] });
      await feed.refresh();
      expect(shown(feed.getSnapshot())).toEqual(['web2:active']);
      expect(server.requestsTo('/api/v2/alerts')).toHaveLength(2);
      expect(feedThread(feed)).toBe('worker');
    } finally {
      feed.stop();
      await server.close();
    }
  });

  it.each([
    ['first in this thread', undefined],
    ['first in the worker', 'worker' as const],
  ])('polls in this thread, printing nothing, when the worker fails to load (%s)', async (_, firstPoll) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sitrep-broken-worker-'));
    const broken = path.join(dir, 'broken.mjs');
    fs.writeFileSync(broken, "process.stderr.write('worker noise\\n');\nthrow new Error('cannot load');\n");
    const server = await startFaultServer({
      '/api/v2/alerts': { kind: 'json', body: [amAlert(haproxyLabels('web1'))] },
    });
    const stderr = vi.spyOn(process.stderr, 'write');
    const feed = openAlertFeed(configFor(server), {
      workerUrl: pathToFileURL(broken),
      intervalMs: 60_000,
      ...(firstPoll ? { firstPoll } : {}),
    });
    try {
      feed.start();
      const snapshot = await waitForSnapshot(feed, (s) => s.alerts.length === 1);
      expect(shown(snapshot)).toEqual(['web1:active']);
      await feed.refresh(); // the first one, done once its answer is in
      server.route('/api/v2/alerts', { kind: 'json', body: [amAlert(haproxyLabels('web2'))] });
      await feed.refresh();
      expect(shown(feed.getSnapshot())).toEqual(['web2:active']);
      expect(feedThread(feed)).toBe('this thread');
      expect(stderr).not.toHaveBeenCalled();
    } finally {
      stderr.mockRestore();
      feed.stop();
      await server.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
