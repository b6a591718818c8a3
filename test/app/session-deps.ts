// A real WorkspaceSession's dependencies for tests: a real incident store in a temp folder, the
// seed runbook from the fixtures, a Prometheus stand-in whose value the test sets, and a feed whose
// answers the test hands in.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SessionDeps } from '../../src/app/workspace-session-deps.js';
import type { Alert } from '../../src/core/alerts/alert.js';
import type { LocalZone } from '../../src/core/export/format.js';
import type { ProbeFailure } from '../../src/core/probe/result.js';
import { fillProbeQuery } from '../../src/core/promql/fill.js';
import { parseRunbook } from '../../src/core/runbook/parse-runbook.js';
import type { AlertFeedSnapshot } from '../../src/sources/alert-feed.js';
import { IncidentStore } from '../../src/store/incident-store.js';

const utcZone: LocalZone = { name: 'UTC', offsetMinutes: 0 };
const here = path.dirname(fileURLToPath(import.meta.url));
const seedRunbook = path.join(here, '..', 'fixtures', 'runbooks', 'seed-HaproxyServerConnectionErrors.md');

/**
 * A feed the test drives: `answer(alerts)` is one successful refresh of one Alertmanager. With
 * `loading`, that Alertmanager starts as asked but not answered yet (as the real feed starts).
 */
export function scriptedFeed(startMs: number, loading = false) {
  const listeners = new Set<() => void>();
  let clock = startMs;
  const status = (health: 'ok' | 'stale' | 'loading', count: number) => ({
    name: 'am',
    kind: 'alertmanager' as const,
    health,
    lastSuccessAt: health === 'loading' ? undefined : clock,
    error: health === 'stale' ? 'refused' : undefined,
    consecutiveFailures: health === 'stale' ? 1 : 0,
    alertCount: count,
    problems: [],
    nextRefreshAt: undefined,
  });
  let snapshot: AlertFeedSnapshot = {
    alerts: [],
    staleAlerts: [],
    sources: loading ? [status('loading', 0)] : [],
    refreshing: false,
    updatedAt: undefined,
  };
  return {
    subscribe: (listener: () => void) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    getSnapshot: () => snapshot,
    /** One refresh, 10 s after the last; `failed` marks the source stale (its alerts kept). */
    answer(alerts: readonly Alert[], failed = false) {
      clock += 10_000;
      snapshot = {
        alerts,
        staleAlerts: [],
        sources: [status(failed ? 'stale' : 'ok', alerts.length)],
        refreshing: false,
        updatedAt: clock,
      };
      listeners.forEach((l) => l());
      return new Date(clock).toISOString();
    },
    listenerCount: () => listeners.size,
  };
}

/** Session deps over a store in `dir`; `value.current` is what Prometheus answers. */
export function sessionDeps(
  dir: string,
  options: { ruleFails?: Error; nowMs?: number; runbookFile?: string; feedLoading?: boolean } = {},
) {
  const runbookPath = options.runbookFile ?? seedRunbook;
  const value = { current: 152, queries: 0 };
  const nowMs = options.nowMs ?? Date.parse('2026-11-26T03:10:00Z');
  const text = fs.readFileSync(runbookPath, 'utf8');
  const feed = scriptedFeed(nowMs, options.feedLoading);
  const deps: SessionDeps = {
    store: new IncidentStore(dir),
    findRunbook: () =>
      Promise.resolve({
        runbook: parseRunbook(text, { fileName: runbookPath }),
        source: { kind: 'file', path: runbookPath },
        text,
      }),
    findRule: () =>
      options.ruleFails
        ? Promise.reject(options.ruleFails)
        : Promise.resolve({
            expr: 'sum by (server) (rate(haproxy_server_connection_errors_total[1m])) > 100',
            labels: { severity: 'critical' },
            origin: 'prometheus' as const,
          }),
    renderProbeQuery: fillProbeQuery,
    probes: {
      client: {
        instant: (_query, time) => {
          value.queries += 1;
          return Promise.resolve([{ metric: { server: 'web1' }, timestamp: time, value: value.current }]);
        },
        range: () => Promise.resolve([]),
        failureOf: (error: unknown): ProbeFailure => ({
          kind: 'transport',
          message: String(error),
          errorType: undefined,
        }),
      },
      now: () => nowMs,
    },
    alertmanager: undefined,
    zone: () => utcZone,
    now: () => nowMs,
    feed,
  };
  return { deps, value, feed };
}
