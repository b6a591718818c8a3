// A probe run asked for and then cancelled before it could start (the plan or the runner's code
// still loading) never sends a query: leaving a step, or closing the session, stops it.
import { describe, expect, it } from 'vitest';
import { probeRuns } from '../../src/app/workspace-session-probes.js';
import type { SessionProbePlan } from '../../src/app/workspace-session-plan.js';
import type { ProbeQueryClient } from '../../src/sources/probe-runner.js';
import type { Journal } from '../../src/store/journal.js';
import { testAlert } from '../helpers/alerts.js';
import { alertProbe } from '../helpers/fake-session.js';

// The alert-expression step with one probe, as the screens' tests use it.
const { step } = alertProbe(152);

function setUp() {
  const queries: string[] = [];
  const client: ProbeQueryClient = {
    instant: (query) => (
      queries.push(query),
      Promise.resolve([{ metric: {}, timestamp: 1_795_000_000, value: 1 }])
    ),
    range: (query) => (queries.push(query), Promise.resolve([])),
    failureOf: () => ({ kind: 'error', message: 'failed' }) as never,
  };
  let resolvePlan: (plan: SessionProbePlan) => void = () => undefined;
  const plan = new Promise<SessionProbePlan>((resolve) => (resolvePlan = resolve));
  let closed = false;
  const runs = probeRuns(
    plan,
    testAlert({ alertname: 'HaproxyServerConnectionErrors', server: 'web1' }),
    { probes: { client }, now: () => Date.parse('2026-11-26T03:05:00Z') },
    {
      journal: { incident: () => undefined } as unknown as Journal,
      closed: () => closed,
      append: () => Promise.resolve(),
    },
  );
  const answer = () =>
    resolvePlan({ rule: undefined, probeSteps: [step], volatileLabels: [], problem: undefined });
  return { runs, queries, answer, close: () => (closed = true) };
}

describe('probe runs cancelled before they start', () => {
  it('a run cancelled while the plan is pending sends no query and shows nothing', async () => {
    const { runs, queries, answer } = setUp();
    const shown: unknown[] = [];
    const running = runs.runProbes(step.id, (result) => shown.push(result));
    runs.cancelProbes();
    answer();
    expect(await running).toEqual([]);
    expect(queries).toEqual([]);
    expect(shown).toEqual([]);
  });

  it('a run whose session closed meanwhile sends no query; a run asked for after a cancel does', async () => {
    const { runs, queries, answer, close } = setUp();
    const running = runs.runProbes(step.id, () => undefined);
    answer();
    close();
    expect(await running).toEqual([]);
    expect(queries).toEqual([]);

    const again = setUp();
    again.runs.cancelProbes();
    again.answer();
    const results = await again.runs.runProbes(step.id, () => undefined);
    expect(results?.length).toBe(1);
    expect(again.queries.length).toBeGreaterThan(0);
  });
});
