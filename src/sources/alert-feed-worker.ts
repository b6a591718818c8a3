// The worker thread behind openAlertFeed: it runs the in-thread feed (fetch, parse, validate,
// merge, sort) away from the screen's thread and posts, after each of the feed's publishes, only
// what changed (alert-feed-delta.ts). Built to dist/alert-feed-worker.js (scripts/build.mjs).
//
// Messages in: { type: 'start' | 'stop' } and { type: 'refresh', id }; out: FeedUpdate after every
// publish, and { type: 'refreshed', id } once that refresh has settled (after its updates).
//
// Memory (feed-heap.ts): it sets the process's heap flags as it starts, and once no request is out
// it collects its heap in full, so each refresh's response text (8 MB at 10,000 alerts) and what
// was parsed of it go at once instead of piling up until V8's next full collection. Only the
// alerts whose text changed are parsed (alert-feed-slices.ts); with SITREP_TRACE_FILE set, its heap
// goes to the screen's trace (traceWorkerHeap).
import { parentPort, workerData } from 'node:worker_threads';
import { createAlertFeed, feedSources } from './alert-feed.js';
import { listTracker, type FeedUpdate } from './alert-feed-delta.js';
import type { FeedWorkerData, FeedWorkerRequest } from './alert-feed-mirror.js';
import { fullCollection, tightenHeap, traceWorkerHeap } from './feed-heap.js';

const port = parentPort;
if (port === null) throw new Error('alert-feed-worker runs in a worker thread only');
const { config, intervalMs, seed } = workerData as FeedWorkerData;
tightenHeap();
traceWorkerHeap(process.env);
const collect = fullCollection();
const feed = createAlertFeed({ sources: feedSources(config), intervalMs, seed });
const alerts = listTracker(seed?.snapshot.alerts);
const staleAlerts = listTracker(seed?.snapshot.staleAlerts);

feed.subscribe(() => {
  const snapshot = feed.getSnapshot();
  const update: FeedUpdate = {
    type: 'update',
    alerts: alerts(snapshot.alerts),
    staleAlerts: staleAlerts(snapshot.staleAlerts),
    sources: snapshot.sources,
    refreshing: snapshot.refreshing,
    updatedAt: snapshot.updatedAt,
  };
  port.postMessage(update);
  // After the update is sent: the answers it came from are garbage now.
  if (!snapshot.refreshing) setImmediate(collect);
});

port.on('message', (request: FeedWorkerRequest) => {
  switch (request.type) {
    case 'start':
      feed.start();
      return;
    case 'stop':
      feed.stop();
      return;
    case 'refresh':
      void feed.refresh().then(() => port.postMessage({ type: 'refreshed', id: request.id }));
      return;
    default: {
      const unreachable: never = request;
      return unreachable;
    }
  }
});
