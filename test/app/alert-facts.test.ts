// valueAtFiring's answers when the value cannot be known, with a query client the test scripts
// (the runner's interface, as the probe-runner tests use it): every path says why, none guesses.
import { describe, expect, it } from 'vitest';
import { lookUpAlertFacts, valueAtFiring } from '../../src/app/alert-facts.js';
import type { InstantSample } from '../../src/core/alerts/prometheus-query.js';
import type { ProbeQueryClient } from '../../src/sources/probe-runner.js';
import { testAlert } from '../helpers/alerts.js';

const seed = testAlert(
  { alertname: 'HaproxyServerConnectionErrors', server: 'web1', severity: 'critical' },
  { startsAt: '2026-11-29T04:18:20.000Z' },
);
const rule = {
  expr: 'sum by (server) (rate(haproxy_server_connection_errors_total[1m])) > 100',
  labels: { severity: 'critical' },
  origin: 'prometheus' as const,
};

function client(answer: () => readonly InstantSample[]): ProbeQueryClient & { asked: [string, number][] } {
  const asked: [string, number][] = [];
  return {
    asked,
    instant: (query, time) => {
      asked.push([query, time]);
      try {
        return Promise.resolve(answer());
      } catch (error) {
        return Promise.reject(error instanceof Error ? error : new Error(String(error)));
      }
    },
    range: () => Promise.reject(new Error('not used')),
    failureOf: (error) => ({ kind: 'transport', message: String(error), errorType: undefined }),
  };
}

const sample = (server: string, value: number): InstantSample => ({
  metric: { server },
  value,
  timestamp: 0,
});

describe('valueAtFiring', () => {
  it("evaluates the alert's expression at its start and keeps only its own series", async () => {
    const prometheus = client(() => [sample('web1', 142.5), sample('web2', 3)]);
    const fact = await valueAtFiring(seed, rule, prometheus);
    expect(fact).toEqual({ known: true, value: 142.5, unit: undefined, at: seed.startsAt });
    expect(prometheus.asked).toEqual([
      [
        'sum by (server) (rate(haproxy_server_connection_errors_total[1m]))',
        Date.parse(seed.startsAt) / 1000,
      ],
    ]);
  });

  it('says unknown, and why, instead of guessing', async () => {
    const reasons = async (...args: Parameters<typeof valueAtFiring>) => {
      const fact = await valueAtFiring(...args);
      return fact.known ? `known ${fact.value}` : fact.reason;
    };
    const none = () => client(() => []);
    expect(await reasons(seed, rule, undefined)).toBe('no Prometheus configured');
    expect(await reasons(seed, undefined, none())).toMatch(/rule was not found/);
    expect(await reasons(seed, rule, none())).toMatch(/no sample of it at that time/);
    expect(
      await reasons(
        seed,
        rule,
        client(() => [sample('web2', 3)]),
      ),
    ).toMatch(/no sample/);
    const failing = client(() => {
      throw new Error('connection refused');
    });
    expect(await reasons(seed, rule, failing)).toMatch(/did not answer: .*connection refused/);
    const noStart = { ...seed, startsAt: 'not a time' };
    expect(await reasons(noStart, rule, none())).toBe('the alert has no start time');
    // Without the label the rule keeps (server), both series are this alert's: no guess.
    const unnarrowed = testAlert({ alertname: 'HaproxyServerConnectionErrors' }, { startsAt: seed.startsAt });
    const both = client(() => [sample('web1', 1), sample('web2', 2)]);
    expect(await reasons(unnarrowed, rule, both)).toBe("2 series match the alert's labels at that time");
  });

  it('passes on why the expression cannot run', async () => {
    const broken = { ...rule, expr: 'sum(rate(' };
    const fact = await valueAtFiring(
      seed,
      broken,
      client(() => []),
    );
    expect(fact.known).toBe(false);
    expect(fact.known === false && fact.reason).toMatch(/not valid PromQL/);
  });
});

describe('lookUpAlertFacts', () => {
  it('says why when the rule lookup failed, and asks only for silences the journal does not know', async () => {
    const muted = { ...seed, silencedBy: ['ours', 'theirs'] };
    const facts = await lookUpAlertFacts([muted], new Set(['ours']), {
      findRule: () => Promise.reject(new Error('HTTP 503 from prometheus')),
      prometheus: client(() => []),
      alertmanagers: [],
    });
    expect(facts.valueAtFiring[seed.fingerprint]).toEqual({
      known: false,
      reason: 'its rule could not be looked up: HTTP 503 from prometheus',
    });
    expect(Object.keys(facts.silences)).toEqual(['theirs']);
    expect(facts.silences['theirs']).toMatchObject({
      known: false,
      reason: expect.stringMatching(/no Alertmanager configured/) as string,
    });
  });
});
