// sitrep against a real Alertmanager cluster of three (Debian's Alertmanager gossiping on loopback)
// fed by a real Prometheus that sends to every peer; the seed alert fires for web1 and web2. Peers
// are SIGKILLed and respawned with `stack kill/respawn` (the recorded pid and command line).
// Issue #11 defects these tests reproduced are fixed; each test names its defect.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AlertsJson } from '../../../src/core/alerts/alert-json.js';
import { realServices } from '../../../src/app/real-services.js';
import { loadSourceConfig } from '../../helpers/source-config.js';
import { createAlertFeed, feedSources, type AlertFeedSnapshot } from '../../../src/sources/alert-feed.js';
import { createSilence, expireSilence, getSilence } from '../../../src/sources/alertmanager.js';
import { pollFor } from '../../helpers/poll.js';
import { runCli, tempConfigHome } from '../../helpers/run-cli.js';
import { repoRoot } from '../../helpers/stack.js';
import { startTmux, type TmuxSession } from '../../helpers/tmux.js';
import { clusterEnv, noStack, topologyStack, topologyUrls } from './topology-stack.js';

const env = clusterEnv();
const alertname = 'HaproxyServerConnectionErrors';
let urls: Record<string, string> = {};
let peers: string[] = [];
const home = tempConfigHome();

/** Flags for all three peers (first listed first) and the stack's Prometheus. */
const sourceArgs = () => [
  ...peers.flatMap((u) => ['--alertmanager.url', u]),
  '--prometheus.url',
  urls['prometheus'] ?? '',
];
const cliEnv = () => ({ XDG_CONFIG_HOME: home, XDG_DATA_HOME: path.join(home, 'data'), HOME: home });
const config = () =>
  loadSourceConfig([...sourceArgs(), '--prometheus.url', ''], {
    stdout: { write: () => true },
    stderr: { write: () => true },
    stdinIsTTY: false,
    env: cliEnv(),
    cwd: home,
  }).config;

async function alertsJson(): Promise<{ code: number; doc: AlertsJson; stderr: string }> {
  const result = await runCli(['alerts', '--json', ...sourceArgs()], cliEnv());
  return { code: result.code, doc: JSON.parse(result.stdout) as AlertsJson, stderr: result.stderr };
}

const seed = (doc: AlertsJson, server: string) =>
  doc.alerts.filter((a) => a.name === alertname && a.labels['server'] === server);

/** Waits until every peer has both seed alerts (a respawned peer gets them at Prometheus's next send). */
async function waitForSeedEverywhere() {
  for (const url of peers) {
    await waitUntil(async () => {
      const res = await fetch(
        `${url}/api/v2/alerts?filter=${encodeURIComponent(`alertname="${alertname}"`)}`,
      );
      const alerts = (await res.json()) as { labels: Record<string, string>; status: { state: string } }[];
      return ['web1', 'web2'].every((s) => alerts.some((a) => a.labels['server'] === s));
    }, `${alertname} in ${url}`);
  }
}

async function waitUntil(check: () => Promise<boolean>, what: string, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      if (await check()) return;
    } catch {
      // not yet: a peer still starting refuses connections
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

function waitForFeed(
  feed: ReturnType<typeof createAlertFeed>,
  predicate: (s: AlertFeedSnapshot) => boolean,
  timeoutMs = 30_000,
): Promise<AlertFeedSnapshot> {
  return pollFor(feed.getSnapshot, predicate, {
    timeoutMs,
    intervalMs: 50,
    describe: (s) =>
      `feed never got there; sources: ${JSON.stringify(s.sources.map((x) => [x.name, x.health, x.error]))}`,
  });
}

describe.skipIf(noStack)('an Alertmanager cluster of three', () => {
  beforeAll(async () => {
    await topologyStack(env, 'up');
    await topologyStack(env, 'fire', '600');
    urls = await topologyUrls(env);
    peers = [urls['alertmanager'], urls['alertmanager-2'], urls['alertmanager-3']] as string[];
    await waitForSeedEverywhere();
  }, 240_000);
  afterAll(async () => {
    await topologyStack(env, 'down');
  }, 120_000);

  it('lists each alert once, from every peer and Prometheus', async () => {
    const { code, doc } = await alertsJson();
    expect(code).toBe(0);
    for (const server of ['web1', 'web2']) {
      const rows = seed(doc, server);
      expect(rows).toHaveLength(1);
      expect(rows[0]?.origins.map((o) => o.kind).sort()).toEqual([
        'alertmanager',
        'alertmanager',
        'alertmanager',
        'prometheus',
      ]);
    }
    expect(doc.sources.every((s) => s.ok)).toBe(true);
  });

  it('with the first peer SIGKILLed, names it failing in words and still lists every alert', async () => {
    await topologyStack(env, 'kill', 'alertmanager');
    try {
      const { code, doc, stderr } = await alertsJson();
      expect(code).toBe(1);
      const dead = doc.sources.find((s) => s.url === peers[0]);
      expect(dead?.ok).toBe(false);
      expect(dead?.error).toMatch(/connection refused/);
      expect(stderr).toContain(new URL(peers[0] ?? '').host);
      for (const server of ['web1', 'web2']) {
        expect(seed(doc, server)).toHaveLength(1);
        expect(seed(doc, server)[0]?.state).toBe('active');
      }
    } finally {
      await topologyStack(env, 'respawn', 'alertmanager');
      await waitForSeedEverywhere();
    }
  });

  describe('in the terminal', () => {
    let session: TmuxSession | undefined;
    afterAll(() => session?.kill());

    it('shows a killed peer STALE with its alerts still listed, and clean again after `r`', async () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sitrep-cluster-'));
      session = startTmux([path.join(repoRoot, 'bin', 'sitrep'), ...sourceArgs()], {
        cwd: dir,
        width: 120,
        height: 24,
        env: { XDG_CONFIG_HOME: path.join(dir, 'c'), XDG_DATA_HOME: path.join(dir, 'd') },
      });
      const second = new URL(peers[1] ?? '').host;
      await session.waitFor((s) => (s.match(/: ok, /g) ?? []).length === 4 && s.includes(alertname));
      await topologyStack(env, 'kill', 'alertmanager-2');
      try {
        session.send(['r']);
        const screen = await session.waitFor((s) => s.includes(`${second}: STALE`));
        expect(screen).toMatch(new RegExp(`${second}: STALE .*connection refused`));
        expect(screen).toContain(alertname);
        expect(screen).toMatch(/2 alerts/);
      } finally {
        await topologyStack(env, 'respawn', 'alertmanager-2');
      }
      await waitUntil(async () => (await fetch(`${peers[1]}/-/ready`)).ok, 'alertmanager-2 ready');
      session.send(['r']);
      const clean = await session.waitFor((s) => (s.match(/: ok, /g) ?? []).length === 4);
      expect(clean).not.toContain('STALE');
      expect(clean).toContain(alertname);
      session.send(['q']);
      await session.waitFor(() => session?.exited() === true);
    });
  });

  it('a peer frozen mid-refresh (SIGSTOP): keys answered, named with its timeout, clean once resumed', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sitrep-cluster-'));
    const screen = startTmux([path.join(repoRoot, 'bin', 'sitrep'), ...sourceArgs(), '--timeout', '2s'], {
      cwd: dir,
      width: 120,
      height: 24,
      env: { XDG_CONFIG_HOME: path.join(dir, 'c'), XDG_DATA_HOME: path.join(dir, 'd') },
    });
    const third = new URL(peers[2] ?? '').host;
    try {
      await screen.waitFor((s) => (s.match(/: ok, /g) ?? []).length === 4 && s.includes(alertname));
      await topologyStack(env, 'pause', 'alertmanager-3');
      try {
        screen.send(['r']);
        screen.send(['?']);
        await screen.waitForText('this help');
        screen.send(['Escape']);
        const named = await screen.waitFor((s) => s.includes(`${third}: STALE`));
        expect(named).toMatch(new RegExp(`${third}: STALE .*no answer within 2 s`));
        expect(named).toContain(alertname);
      } finally {
        await topologyStack(env, 'resume', 'alertmanager-3');
      }
      screen.send(['r']);
      const clean = await screen.waitFor((s) => (s.match(/: ok, /g) ?? []).length === 4);
      expect(clean).not.toContain('STALE');
    } finally {
      screen.kill();
    }
  });

  // Defect 1: a failing peer's old answer stays in the merge, first peer first, with no age limit.
  it('a dead first peer that still held a silence the live peers expired hides nothing (defect 1)', async () => {
    const matchers = [
      { name: 'alertname', op: '=' as const, value: alertname },
      { name: 'server', op: '=' as const, value: 'web1' },
    ];
    const now = Date.now();
    const first = { name: 'am-1', url: peers[0] ?? '' };
    const second = { name: 'am-2', url: peers[1] ?? '' };
    const id = await createSilence(first, {
      matchers,
      startsAt: new Date(now).toISOString(),
      endsAt: new Date(now + 10 * 60_000).toISOString(),
      createdBy: 'topology test',
      comment: 'defect 1',
    });
    const feed = createAlertFeed({ sources: feedSources(config()), intervalMs: 1000 });
    const web1 = (s: AlertFeedSnapshot) =>
      s.alerts.find((a) => a.name === alertname && a.labels['server'] === 'web1');
    feed.start();
    try {
      await waitForFeed(feed, (s) => web1(s)?.state === 'silenced');
      await topologyStack(env, 'kill', 'alertmanager');
      await waitUntil(async () => {
        // The silence has gossiped to peer 2; expire it there (it gossips on to peer 3).
        const silence = await getSilence(second, id).catch(() => undefined);
        return silence !== undefined;
      }, 'the silence on peer 2');
      await expireSilence(second, id);
      await waitForFeed(feed, (s) => s.sources[0]?.health !== 'ok');
      // Both live peers call web1 active within a gossip round; the view must say so too.
      const shown = await waitForFeed(feed, (s) => web1(s)?.state === 'active', 20_000);
      expect(shown.sources[0]?.health).toMatch(/stale|failing/);
    } finally {
      feed.stop();
      await topologyStack(env, 'respawn', 'alertmanager');
      await expireSilence(second, id).catch(() => undefined);
      await waitForSeedEverywhere();
    }
  });

  // Defect 2: silences go only to the first Alertmanager listed.
  it('creates and expires a silence through the first peer that answers when the first is dead (defect 2)', async () => {
    const services = realServices(config(), { env: cliEnv(), cwd: home });
    const snapshot = await services.feed.refresh().then(() => services.feed.getSnapshot());
    const alerts = snapshot.alerts.filter((a) => a.name === alertname && a.labels['server'] === 'web2');
    expect(alerts).toHaveLength(1);
    const session = await services.openIncident(alerts);
    await topologyStack(env, 'kill', 'alertmanager');
    try {
      const { id } = await session.silence(
        {
          matchers: [{ name: 'server', op: '=', value: 'web2' }],
          durationMs: 120_000,
          comment: 'defect 2',
        },
        'topology test',
      );
      const live = { name: 'am-3', url: peers[2] ?? '' };
      await waitUntil(
        async () => (await getSilence(live, id).catch(() => undefined))?.state === 'active',
        'the silence on peer 3',
      );
      await session.closeIncident(true);
      await waitUntil(
        async () => (await getSilence(live, id).catch(() => undefined))?.state === 'expired',
        'the silence expired',
      );
    } finally {
      await session.close();
      await topologyStack(env, 'respawn', 'alertmanager');
      await waitForSeedEverywhere();
    }
  });

  // Defect 5: a failing source backs off up to 5 min, so a restarted peer stays stale for minutes.
  it('a restarted peer is clean again within a few refresh intervals (defect 5)', async () => {
    const intervalMs = 1000;
    const feed = createAlertFeed({ sources: feedSources(config()), intervalMs });
    feed.start();
    try {
      await waitForFeed(feed, (s) => s.sources.every((x) => x.health === 'ok'));
      await topologyStack(env, 'kill', 'alertmanager-3');
      // Three failures in a row: the doubling backoff has reached 8 intervals by now.
      await waitForFeed(feed, (s) => (s.sources[2]?.consecutiveFailures ?? 0) >= 3);
      await topologyStack(env, 'respawn', 'alertmanager-3');
      // Back within one refresh after its backoff: the retry the feed has scheduled, plus one interval.
      const retryAt = feed.getSnapshot().sources[2]?.nextRefreshAt ?? Date.now();
      const backoffLeft = Math.max(0, retryAt - Date.now());
      expect(backoffLeft).toBeLessThanOrEqual(60_000);
      await waitForFeed(feed, (s) => s.sources[2]?.health === 'ok', backoffLeft + intervalMs * 3);
      // `r` does not wait for the backoff: kill it again, bring it back, refresh at once.
      await topologyStack(env, 'kill', 'alertmanager-3');
      await waitForFeed(feed, (s) => (s.sources[2]?.consecutiveFailures ?? 0) >= 3);
      await topologyStack(env, 'respawn', 'alertmanager-3');
      await waitUntil(
        async () => (await fetch(`${peers[2] ?? ''}/-/ready`).catch(() => undefined))?.ok === true,
        'peer 3 ready',
      );
      await feed.refresh();
      await waitForFeed(feed, (s) => s.sources[2]?.health === 'ok', intervalMs * 3);
    } finally {
      feed.stop();
      await topologyStack(env, 'respawn', 'alertmanager-3').catch(() => undefined);
    }
  });
});
