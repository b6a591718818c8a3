import { describe, expect, it } from 'vitest';
import type { Probe, ProbeStep } from '../../src/core/probe/probe.js';
import type { InstantSample } from '../../src/core/alerts/prometheus-query.js';
import type { ProbeFailure } from '../../src/core/probe/result.js';
import { createLimiter } from '../../src/sources/limiter.js';
import type { ProbeQueryClient } from '../../src/sources/probe-runner.js';
import { runProbeStep } from '../../src/sources/probe-runner.js';
import { createProbeSession } from '../../src/sources/probe-session.js';

function probe(index: number, query = `q${index}`): Probe {
  return {
    id: `diagnosis-1#${index}`,
    stepId: 'diagnosis-1',
    title: `probe ${index}`,
    query,
    unrunnable: undefined,
    judgement: { kind: 'thresholds', warn: undefined, crit: { op: '>', value: 100 } },
    rangeSeconds: 1800,
    unit: undefined,
    narrowTo: undefined,
    role: 'runbook',
    note: undefined,
  };
}

function step(count: number): ProbeStep {
  return { id: 'diagnosis-1', title: 'step', probes: Array.from({ length: count }, (_, i) => probe(i + 1)) };
}

/** A client whose answers the test releases by hand, counting what is in flight and what was aborted. */
function heldClient() {
  const state = { inFlight: 0, maxInFlight: 0, sent: 0, aborted: 0 };
  const pending: (() => void)[] = [];
  const hold = <T>(value: T, signal: AbortSignal) =>
    new Promise<T>((resolve, reject) => {
      state.inFlight += 1;
      state.sent += 1;
      state.maxInFlight = Math.max(state.maxInFlight, state.inFlight);
      const done = () => {
        state.inFlight -= 1;
        signal.removeEventListener('abort', onAbort);
      };
      const onAbort = () => {
        done();
        state.aborted += 1;
        reject(new Error('aborted'));
      };
      signal.addEventListener('abort', onAbort, { once: true });
      pending.push(() => {
        done();
        resolve(value);
      });
    });
  const client: ProbeQueryClient = {
    instant: (query, _time, signal) =>
      hold<InstantSample[]>([{ metric: { q: query }, timestamp: 0, value: 150 }], signal),
    range: (query, window, signal) =>
      hold([{ metric: { q: query }, points: [{ timestamp: window.end, value: 150 }] }], signal),
    failureOf: (error): ProbeFailure => ({
      kind: 'transport',
      message: String(error),
      errorType: undefined,
    }),
  };
  const releaseAll = () => pending.splice(0).forEach((release) => release());
  return { client, state, pending, releaseAll };
}

async function until(condition: () => boolean) {
  for (let i = 0; i < 2000 && !condition(); i += 1) await new Promise((resolve) => setTimeout(resolve, 5));
  expect(condition()).toBe(true);
}

describe('runProbeStep', () => {
  it('never has more than the limit in flight, and finishes every probe', async () => {
    const { client, state, pending, releaseAll } = heldClient();
    const run = runProbeStep(step(20), { client, concurrency: 3 });
    // Release answers one wave at a time until every probe has both its queries answered.
    while (state.sent < 40 || state.inFlight > 0) {
      await until(() => pending.length > 0);
      expect(state.inFlight).toBeLessThanOrEqual(3);
      releaseAll();
      await new Promise((resolve) => setTimeout(resolve, 1));
    }
    const result = await run;
    expect(state.maxInFlight).toBe(3);
    expect(result?.results).toHaveLength(20);
    expect(result?.results.every((r) => r.verdict === 'critical' && r.series[0]?.points.length === 1)).toBe(
      true,
    );
  });

  it('uses 8 requests at a time by default', async () => {
    const { client, state, releaseAll } = heldClient();
    const run = runProbeStep(step(10), { client });
    await until(() => state.inFlight === 8);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(state.inFlight).toBe(8);
    while (state.sent < 20 || state.inFlight > 0) {
      releaseAll();
      await new Promise((resolve) => setTimeout(resolve, 1));
    }
    expect((await run)?.results).toHaveLength(10);
  });

  it('cancelling aborts what is in flight, never sends the rest, and drops the results', async () => {
    const { client, state } = heldClient();
    const controller = new AbortController();
    const seen: string[] = [];
    const run = runProbeStep(
      step(10),
      { client, concurrency: 4 },
      { signal: controller.signal, onResult: (r) => seen.push(r.probe.id) },
    );
    await until(() => state.inFlight === 4);
    controller.abort();
    expect(await run).toBeUndefined();
    expect(state.aborted).toBe(4);
    expect(state.sent).toBe(4);
    expect(state.inFlight).toBe(0);
    expect(seen).toEqual([]);
  });

  it('times each query out on its own, naming the time, while the others complete', async () => {
    const failure = (): ProbeFailure => ({ kind: 'transport', message: 'x', errorType: undefined });
    const client: ProbeQueryClient = {
      instant: (query, _t, signal) =>
        query === 'slow'
          ? new Promise((_resolve, reject) =>
              signal.addEventListener('abort', () => reject(new Error('aborted'))),
            )
          : Promise.resolve([{ metric: {}, timestamp: 0, value: 1 }]),
      range: () => Promise.resolve([]),
      failureOf: failure,
    };
    const steps: ProbeStep = { id: 's', title: 's', probes: [probe(1), probe(2, 'slow'), probe(3)] };
    const result = await runProbeStep(steps, { client, timeoutMs: 200 });
    expect(result?.results.map((r) => r.verdict)).toEqual(['ok', 'error', 'ok']);
    expect(result?.results[1]?.error).toEqual({
      kind: 'timeout',
      message: 'no answer within 200 ms',
      errorType: undefined,
    });
  });

  it('does not send an unrunnable probe and says why', async () => {
    const { client, state, releaseAll } = heldClient();
    const steps: ProbeStep = {
      id: 's',
      title: 's',
      probes: [{ ...probe(1), unrunnable: 'the alert has no label "pod"' }, probe(2)],
    };
    const run = runProbeStep(steps, { client });
    await until(() => state.sent === 2);
    releaseAll();
    const result = await run;
    expect(state.sent).toBe(2);
    expect(result?.results[0]?.error?.message).toBe('the alert has no label "pod"');
    expect(result?.results[1]?.verdict).toBe('critical');
  });

  it('evaluates at a given time, with the range ending then', async () => {
    const times: number[] = [];
    const client: ProbeQueryClient = {
      instant: (_q, time) => {
        times.push(time);
        return Promise.resolve([]);
      },
      range: (_q, window) => {
        times.push(window.end);
        return Promise.resolve([]);
      },
      failureOf: () => ({ kind: 'transport', message: '', errorType: undefined }),
    };
    const result = await runProbeStep(step(1), { client }, { at: 1_700_000_015 });
    expect(times).toEqual([1_700_000_015, 1_700_000_010]);
    expect(result?.results[0]?.verdict).toBe('no-data');
  });
});

describe('createProbeSession', () => {
  it('moving to another step cancels the previous run and drops its results', async () => {
    const { client, state, releaseAll } = heldClient();
    const session = createProbeSession({ client, concurrency: 8 });
    const firstSeen: string[] = [];
    const first = session.run(step(3), (r) => firstSeen.push(r.probe.id));
    await until(() => state.inFlight === 6);
    const second = session.run({ id: 'diagnosis-2', title: 'two', probes: [probe(9)] });
    expect(await first).toBeUndefined();
    expect(state.aborted).toBe(6);
    await until(() => state.inFlight === 2);
    releaseAll();
    const done = await second;
    expect(done?.step.id).toBe('diagnosis-2');
    expect(done?.results.map((r) => r.probe.id)).toEqual(['diagnosis-1#9']);
    expect(firstSeen).toEqual([]);
    session.cancel();
  });
});

describe('createLimiter', () => {
  it('hands a freed slot to the next waiter even when a new task arrives at the same moment', async () => {
    const limiter = createLimiter(1);
    let running = 0;
    let most = 0;
    const task = async () => {
      running += 1;
      most = Math.max(most, running);
      await new Promise((resolve) => setTimeout(resolve, 2));
      running -= 1;
    };
    let finishFirst = () => {};
    const first = limiter.run(() => new Promise<void>((resolve) => (finishFirst = resolve)));
    const second = limiter.run(task);
    // The third task arrives in the microtask right after the first one's slot is freed.
    let third: Promise<void> | undefined;
    finishFirst();
    queueMicrotask(() => {
      third = limiter.run(task);
    });
    await first;
    await Promise.all([second, third]);
    expect(most).toBe(1);
  });

  it('lets a waiting task leave the queue when its signal aborts', async () => {
    const limiter = createLimiter(1);
    let finishFirst = () => {};
    const first = limiter.run(() => new Promise<void>((resolve) => (finishFirst = resolve)));
    const controller = new AbortController();
    let started = false;
    const waiting = limiter.run(() => {
      started = true;
      return Promise.resolve();
    }, controller.signal);
    controller.abort(new Error('gone'));
    await expect(waiting).rejects.toThrow('gone');
    finishFirst();
    await first;
    expect(started).toBe(false);
  });
});
