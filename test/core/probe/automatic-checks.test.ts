import { describe, expect, it } from 'vitest';
import {
  automaticCheckProbes,
  automaticChecksStepId,
  planAutomaticChecks,
} from '../../../src/core/probe/automatic-checks.js';
import { findSyntaxError } from '../../../src/core/promql/parse.js';
import { bundledRules, derivationTable } from './automatic-checks-table.js';

const rule = (expr: string, labels: Record<string, string> = {}) =>
  ({ expr, labels, origin: 'prometheus' }) as const;

describe('automatic checks derived from the alert expression', () => {
  it.each(derivationTable)('$name', (entry) => {
    const probes = automaticCheckProbes(rule(entry.expr, entry.ruleLabels), entry.alertLabels, 1800);
    expect(probes.map((p) => p.query)).toEqual(entry.queries);
    for (const probe of probes) {
      expect(findSyntaxError(probe.query), probe.query).toBeUndefined();
      expect(probe.role).toBe('derived');
      expect(probe.title).toMatch(/^Derived: /);
      expect(probe.note).toMatch(/^derived from the alert expression/);
      expect(probe.stepId).toBe(automaticChecksStepId);
    }
    expect(new Set(probes.map((p) => p.id)).size).toBe(probes.length);
  });

  it('every bundled HAProxy rule yields checks, each of which parses', () => {
    const rules = bundledRules();
    expect(rules.length).toBe(32);
    for (const entry of rules) {
      const probes = automaticCheckProbes(rule(entry.expr, entry.ruleLabels), entry.alertLabels, 1800);
      expect(probes.length, entry.name).toBeGreaterThanOrEqual(2);
      for (const probe of probes)
        expect(findSyntaxError(probe.query), `${entry.name}: ${probe.query}`).toBeUndefined();
    }
  });

  it('judges a breakdown against the threshold only where an input alone can cross it', () => {
    const judged = (expr: string) => automaticCheckProbes(rule(expr), { job: 'a' }, 1800)[0]?.judgement;
    expect(judged('max by (job) (x) > 5')).toEqual({
      kind: 'thresholds',
      warn: undefined,
      crit: { op: '>', value: 5 },
    });
    expect(judged('min by (job) (x) < 1')).toMatchObject({ crit: { op: '<', value: 1 } });
    // The culprits of a low minimum are the lowest inputs.
    expect(automaticCheckProbes(rule('min by (job) (x) == 0'), { job: 'a' }, 1800)[0]?.query).toBe(
      'bottomk(10, x{job="a"})',
    );
    // A sum spreads its value: no single input is held against the sum's threshold.
    expect(judged('sum by (job) (x) > 5')).toEqual({ kind: 'thresholds', warn: undefined, crit: undefined });
    expect(judged('max by (job) (x) < 5')).toMatchObject({ crit: undefined });
  });

  it('the comparisons with the past are ratios, and data health has its own thresholds', () => {
    const probes = automaticCheckProbes(
      rule('sum by (server) (rate(x_total[1m])) > 100'),
      { server: 'web1' },
      600,
    );
    const byTitle = Object.fromEntries(probes.map((p) => [p.title, p]));
    expect(byTitle['Derived: now as a share of 1 day ago']?.unit).toBe('ratio');
    expect(byTitle['Derived: now as a share of 7 days ago']?.rangeSeconds).toBe(600);
    expect(byTitle['Derived: scrape targets feeding x_total (up)']?.judgement).toMatchObject({
      crit: { op: '<', value: 1 },
    });
    expect(byTitle['Derived: age of the newest x_total samples']).toMatchObject({
      unit: 'seconds',
      judgement: { warn: { op: '>', value: 120 } },
    });
    expect(byTitle['Derived: the series behind sum by (server)']?.query).toBe(
      'topk(10, rate(x_total{server="web1"}[1m]))',
    );
  });

  it('labels that would break a query are escaped or left out; two sums are numbered', () => {
    const probes = automaticCheckProbes(
      rule('sum by (a, b) (x) / sum by (a, b) (y) > 1'),
      { a: 'line\nbreak \\ "q"', b: '`tick`', 'bad-name': 'v' },
      1800,
    );
    for (const probe of probes) expect(findSyntaxError(probe.query), probe.query).toBeUndefined();
    expect(probes[0]?.query).toBe('topk(10, x{a="line\\nbreak \\\\ \\"q\\"", b="`tick`"})');
    expect(probes[0]?.title).toBe('Derived: the series behind sum by (a, b) (1 of 2)');
    expect(probes[1]?.title).toBe('Derived: the series behind sum by (a, b) (2 of 2)');
  });

  it('planAutomaticChecks: a step titled "Automatic checks", or none without a rule', () => {
    const alert = { labels: { server: 'web1' }, startsAtMs: undefined, nowMs: 0 };
    const step = planAutomaticChecks(rule('sum by (server) (rate(x_total[1m])) > 100'), alert);
    expect(step?.id).toBe('automatic-checks');
    expect(step?.title).toBe('Automatic checks');
    expect(step?.probes.length).toBe(5);
    expect(planAutomaticChecks(undefined, alert)).toBeUndefined();
    expect(planAutomaticChecks(rule('vector(1)'), alert)).toBeUndefined();
  });
});
