// The alert feed when it runs in a worker thread (alert-feed-worker.ts): the same
// AlertFeed store, its snapshot rebuilt from the worker's deltas, so the screen's thread never
// parses, merges or sorts ten thousand alerts. When the worker cannot start or dies, the feed
// carries on in this thread (createAlertFeed) without a word on the terminal: nothing a worker
// prints reaches the screen.
import { existsSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import type { Config } from '../core/config/config.js';
import { createAlertFeed, feedSources, type AlertFeed, type FeedSeed } from './alert-feed.js';
import { listMirror, type FeedUpdate } from './alert-feed-delta.js';
import { emptySnapshot, snapshotStore } from './alert-feed-store.js';
import { configuredSources } from './alert-sources.js';
import { initialStatus } from './feed-state.js';

/** What the worker is started with (structured-cloned: plain data only). */
export interface FeedWorkerData {
  readonly config: Config;
  readonly intervalMs: number | undefined;
  /** Where the screen's thread left off (createHybridAlertFeed); undefined: start afresh. */
  readonly seed: FeedSeed | undefined;
}

/** The screen's thread to the worker. */
export type FeedWorkerRequest =
  { readonly type: 'start' } | { readonly type: 'stop' } | { readonly type: 'refresh'; readonly id: number };

/** The worker to the screen's thread. */
export type FeedWorkerReply = FeedUpdate | { readonly type: 'refreshed'; readonly id: number };

/**
 * The worker's young generation is capped at 8 MiB (V8's default lets it grow to 48 MiB per
 * thread): each refresh makes tens of MiB of short-lived garbage (the response text and its parsed
 * JSON), and at 10,000 alerts the default took the screen's peak RSS from ~150 MiB to ~235 MiB.
 */
const resourceLimits = { maxYoungGenerationSizeMb: 8 };

/**
 * The built worker next to the bundle (dist/alert-feed-worker.js, from dist/ or dist/chunks/), or
 * undefined when there is none: run from the TypeScript sources (tests), the feed polls in-thread.
 */
export function feedWorkerUrl(): URL | undefined {
  for (const candidate of ['./alert-feed-worker.js', '../alert-feed-worker.js']) {
    const url = new URL(candidate, import.meta.url);
    if (existsSync(url)) return url;
  }
  return undefined;
}

/** Where a feed polls: in a worker thread or in the screen's own. */
export type FeedThread = 'worker' | 'this thread';

const threads = new WeakMap<AlertFeed, () => FeedThread>();

/** Where a feed from openAlertFeed polls right now (a worker that died leaves 'this thread'). */
export function feedThread(feed: AlertFeed): FeedThread {
  return threads.get(feed)?.() ?? 'this thread';
}

/** Tells feedThread where `feed` polls (`where` is asked each time). */
export function trackFeedThread(feed: AlertFeed, where: () => FeedThread): void {
  threads.set(feed, where);
}

/**
 * A feed whose polling runs in a worker thread started from `workerUrl` (on start or refresh).
 * With a `seed`, its first worker (or, when none starts, this thread) carries on from there.
 */
export function createWorkerAlertFeed(
  config: Config,
  workerUrl: URL,
  intervalMs?: number,
  seed?: FeedSeed,
): AlertFeed {
  const store = snapshotStore(seed?.snapshot ?? emptySnapshot(configuredSources(config).map(initialStatus)));
  const refreshes = new Map<number, () => void>();
  let worker: Worker | undefined;
  let inThread: AlertFeed | undefined;
  let running = false;
  let nextId = 1;
  let alerts = listMirror();
  let staleAlerts = listMirror();
  // Kept until a worker answers, so this thread carries on from it when that worker dies first.
  let pendingSeed = seed;

  const settleRefreshes = () => {
    for (const resolve of refreshes.values()) resolve();
    refreshes.clear();
  };
  // The worker keeps the process alive only while someone awaits a refresh from it.
  const holdProcess = () => (refreshes.size > 0 ? worker?.ref() : worker?.unref());

  const onReply = (reply: FeedWorkerReply) => {
    pendingSeed = undefined;
    if (reply.type === 'refreshed') {
      refreshes.get(reply.id)?.();
      refreshes.delete(reply.id);
      holdProcess();
      return;
    }
    store.publish({
      alerts: alerts(reply.alerts),
      staleAlerts: staleAlerts(reply.staleAlerts),
      sources: reply.sources,
      refreshing: reply.refreshing,
      updatedAt: reply.updatedAt,
    });
  };

  // The worker could not start or died: poll in this thread from now on, where it left off.
  const pollInThread = () => {
    const own = createAlertFeed({ sources: feedSources(config), intervalMs, seed: pendingSeed });
    pendingSeed = undefined;
    inThread = own;
    own.subscribe(() => store.publish(own.getSnapshot()));
    if (running) own.start();
    if (refreshes.size > 0) void own.refresh().then(settleRefreshes);
  };
  const fallBack = (dead: Worker) => {
    if (worker !== dead) return;
    worker = undefined;
    void dead.terminate();
    pollInThread();
  };

  const spawn = (): Worker | undefined => {
    if (inThread) return undefined;
    if (worker) return worker;
    let started: Worker;
    try {
      const workerData: FeedWorkerData = { config, intervalMs, seed: pendingSeed };
      started = new Worker(workerUrl, { workerData, stdout: true, stderr: true, resourceLimits });
    } catch {
      pollInThread();
      return undefined;
    }
    worker = started;
    // A fresh worker sends every alert again, but for those its seed holds.
    alerts = listMirror(pendingSeed?.snapshot.alerts);
    staleAlerts = listMirror(pendingSeed?.snapshot.staleAlerts);
    started.stdout.resume();
    started.stderr.resume();
    started.on('message', onReply);
    started.on('error', () => fallBack(started));
    started.on('exit', () => fallBack(started));
    holdProcess();
    return started;
  };

  const send = (request: FeedWorkerRequest) => spawn()?.postMessage(request);

  const feed: AlertFeed = {
    subscribe: store.subscribe,
    getSnapshot: store.getSnapshot,
    start: () => {
      if (running) return;
      running = true;
      send({ type: 'start' });
      inThread?.start();
    },
    refresh: () => {
      if (spawn() === undefined) return inThread?.refresh() ?? Promise.resolve();
      const id = nextId++;
      const done = new Promise<void>((resolve) => refreshes.set(id, resolve));
      holdProcess();
      send({ type: 'refresh', id });
      return done;
    },
    stop: () => {
      running = false;
      inThread?.stop();
      const stopping = worker;
      worker = undefined;
      if (stopping) void stopping.terminate();
      settleRefreshes();
      if (store.getSnapshot().refreshing) store.publish({ refreshing: false });
    },
  };
  trackFeedThread(feed, () => (worker ? 'worker' : 'this thread'));
  return feed;
}
