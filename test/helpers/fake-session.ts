// In-memory incident sessions for UI tests: events go through the real fold, probes answer with
// values the test chooses, silences and exports are recorded so tests can assert what was asked.
import type { Alert } from '../../src/core/alerts/alert.js';
import type { Probe, ProbeStep } from '../../src/core/probe/probe.js';
import { buildProbeResult, type ProbeResult } from '../../src/core/probe/result.js';
import { rangeWindow } from '../../src/core/probe/range-window.js';
import { incidentOpenedEvent } from '../../src/core/timeline/event-builders.js';
import type { TimelineEvent } from '../../src/core/timeline/events.js';
import { fold } from '../../src/core/timeline/fold.js';
import { lastProbeRun, probeRunChanged } from '../../src/core/timeline/probe-change.js';
import { probeRunEvent } from '../../src/core/probe/timeline-record.js';
import type {
  OpenIncidentSummary,
  SilenceRequest,
  UiServices,
  WorkspaceSession,
} from '../../src/app/services.js';
import type { FakeFeed } from './fake-feed.js';

export const nowMs = Date.parse('2026-11-26T03:10:00Z');

/** The alert expression probe with a value the test sets. */
export function alertProbe(value: number): { step: ProbeStep; results: ProbeResult[] } {
  const probe: Probe = {
    id: 'alert-expression',
    stepId: 'alert-expression',
    title: 'Alert expression',
    query: 'sum by (server) (rate(haproxy_server_connection_errors_total[1m]))',
    unrunnable: undefined,
    judgement: { kind: 'thresholds', warn: undefined, crit: { op: '>', value: 100 } },
    rangeSeconds: 600,
    unit: 'req/s',
    narrowTo: undefined,
    role: 'alert-rule',
    note: undefined,
  };
  const window = rangeWindow(nowMs / 1000, 600);
  // A ramp from 0 up to the value over the window, one point per step.
  const count = Math.floor((window.end - window.start) / window.step) + 1;
  const points = Array.from({ length: count }, (_, i) => ({
    timestamp: window.start + i * window.step,
    value: (value * i) / (count - 1),
  }));
  const result = buildProbeResult(probe, {
    instant: { ok: true, data: [{ metric: { server: 'web1' }, timestamp: nowMs / 1000, value }] },
    range: { ok: true, data: [{ metric: { server: 'web1' }, points }] },
    evaluatedAt: nowMs / 1000,
    window,
    timings: { startedAt: nowMs, instantMs: 1, rangeMs: 1, totalMs: 2 },
  });
  return { step: { id: 'alert-expression', title: 'Alert expression', probes: [probe] }, results: [result] };
}

export interface FakeSession extends WorkspaceSession {
  readonly events: TimelineEvent[];
  /** The value the next probe run returns; a test changes it to play Prometheus. */
  probeValue: number;
  probeRunCount: number;
  closed: boolean;
  readonly silences: SilenceRequest[];
  readonly exports: { format: string; path: string }[];
  readonly expired: string[];
}

/** A session over an in-memory journal with a two-step runbook and the alert expression probe. */
export function fakeSession(alerts: readonly Alert[], probeValue = 152): FakeSession {
  const listeners = new Set<() => void>();
  const opened = incidentOpenedEvent({ alerts, at: '2026-11-26T03:05:00.000Z', entropy: 'abcd' });
  const events: TimelineEvent[] = [
    opened,
    {
      type: 'runbook-opened',
      at: '2026-11-26T03:05:00.000Z',
      source: { kind: 'file', path: 'runbooks/haproxy/HaproxyServerConnectionErrors.md' },
      textHash: 'sha256:00',
      title: 'HaproxyServerConnectionErrors',
      steps: [
        { id: 'diagnosis-1', section: 'diagnosis', text: 'Check which servers refuse connections.' },
        { id: 'diagnosis-2', section: 'diagnosis', text: 'Look at the HAProxy logs.' },
        {
          id: 'mitigation-1',
          section: 'mitigation',
          group: 'Immediate',
          text: 'Take the server out of rotation.',
        },
      ],
    },
  ];
  const probe = alertProbe(probeValue);
  const probeFor = (value: number) => (value === probeValue ? probe : alertProbe(value));
  const notify = () => listeners.forEach((l) => l());
  const session: FakeSession = {
    id: opened.id,
    events,
    probeValue,
    probeRunCount: 0,
    closed: false,
    silences: [],
    exports: [],
    expired: [],
    runbook: {
      title: 'HaproxyServerConnectionErrors',
      sourceLabel: 'runbooks/haproxy/HaproxyServerConnectionErrors.md',
      meaning: 'HAProxy cannot connect to a backend server.',
      impact: 'Requests routed to the server fail.',
      problems: [],
      links: ['http://prometheus.example/graph'],
    },
    probeSteps: [probe.step],
    probeAlert: alerts[0] as Alert,
    volatileLabels: [],
    incident: () => {
      const incident = fold(events);
      if (!incident) throw new Error('no incident');
      return incident;
    },
    recording: () => ({ ok: true, pending: 0, error: undefined }),
    journalEvents: () => [...events],
    // The probe's value, as if Prometheus had it when the first alert fired.
    alertFacts: () =>
      Promise.resolve({
        valueAtFiring: Object.fromEntries(
          alerts.map((a, index) => [
            a.fingerprint,
            index === 0
              ? { known: true as const, value: probeValue, unit: undefined, at: a.startsAt }
              : { known: false as const, reason: 'no sample of it at that time' },
          ]),
        ),
        silences: {},
      }),
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    record: (event) => {
      events.push(event);
      notify();
      return Promise.resolve();
    },
    runProbes: (stepId, onResult) => {
      session.probeRunCount += 1;
      const results = probeFor(session.probeValue).results;
      for (const result of results) onResult(result);
      // Journaled as the real session does: only when a value or verdict changed.
      const event = { ...probeRunEvent(stepId, results, nowMs), alert: alerts[0]?.fingerprint ?? '' };
      if (probeRunChanged(lastProbeRun(session.incident(), event.stepId), event)) void session.record(event);
      return Promise.resolve(results);
    },
    cancelProbes: () => undefined,
    silence: (request) => {
      session.silences.push(request);
      events.push({
        type: 'silence-created',
        at: '2026-11-26T03:15:00.000Z',
        silenceId: 'silence-123',
        matchers: request.matchers.map((m) => ({
          name: m.name,
          value: m.value,
          isRegex: false,
          isEqual: true,
        })),
        comment: request.comment,
        author: 'tester',
        endsAt: '2026-11-26T03:45:00.000Z',
      });
      notify();
      return Promise.resolve({ id: 'silence-123', alertmanager: 'am' });
    },
    exportNotes: (format, path) => {
      session.exports.push({ format, path });
      return Promise.resolve(`/abs/${path.split('/').pop() ?? path}`);
    },
    closeIncident: (expireSilences) => {
      if (expireSilences) {
        for (const silence of session.incident().silences) {
          if (silence.expiredAt === undefined) {
            session.expired.push(silence.id);
            events.push({ type: 'silence-expired', at: '2026-11-26T03:20:00.000Z', silenceId: silence.id });
          }
        }
      }
      events.push({ type: 'incident-closed', at: '2026-11-26T03:20:00.000Z' });
      notify();
      return Promise.resolve();
    },
    close: () => {
      session.closed = true;
      return Promise.resolve();
    },
  };
  return session;
}

/** Knobs for fakeServices. */
export interface FakeServiceOptions {
  readonly probeIntervalMs?: number;
  /** Opening waits for this promise (to test going back while an incident opens). */
  readonly openDelay?: Promise<void>;
  /** What store.list() would report about unreadable journals. */
  readonly journalProblems?: readonly string[];
}

/** UI services over a fake feed that open fake sessions; `opened` lists what was opened. */
export function fakeServices(feed: FakeFeed, probeValue = 152, options: FakeServiceOptions = {}) {
  const opened: FakeSession[] = [];
  const services: UiServices = {
    feed,
    now: () => nowMs,
    author: 'tester',
    cwd: '/work/out',
    probeIntervalMs: options.probeIntervalMs ?? 15_000,
    openIncident: (alerts) => {
      const session = fakeSession(alerts, probeValue);
      opened.push(session);
      return options.openDelay ? options.openDelay.then(() => session) : Promise.resolve(session);
    },
    addToIncident: (id, alerts) => {
      const session = opened.find((s) => s.id === id);
      if (!session) return Promise.reject(new Error(`no incident ${id}`));
      for (const alert of alerts) {
        const record = { fingerprint: alert.fingerprint, labels: alert.labels, startsAt: alert.startsAt };
        void session.record({
          type: 'alert-firing',
          at: '2026-11-26T03:12:00.000Z',
          alert: record,
          addedBy: 'tester',
        });
      }
      return Promise.resolve(session);
    },
    resumeIncident: (id) => {
      const session = opened.find((s) => s.id === id);
      return session ? Promise.resolve(session) : Promise.reject(new Error(`no incident ${id}`));
    },
    openIncidents: () =>
      Promise.resolve({
        incidents: opened
          .filter((s) => s.incident().status === 'open')
          .map((s): OpenIncidentSummary => ({
            id: s.id,
            title: s.runbook.title,
            alertname: s.incident().alertname,
            fingerprints: s.incident().alerts.map((a) => a.fingerprint),
            openedAt: '2026-11-26T03:05:00.000Z',
            done: s.incident().steps.filter((step) => step.status !== 'todo').length,
            total: s.incident().steps.length,
          })),
        problems: options.journalProblems ?? [],
      }),
  };
  return { services, opened };
}
