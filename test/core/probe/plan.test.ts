import { describe, expect, it } from 'vitest';
import type { RenderProbeQuery } from '../../../src/core/probe/plan.js';
import { chooseAlertRule, planProbeSteps, planStep, stepTitle } from '../../../src/core/probe/plan.js';
import type { ProbeSpec } from '../../../src/core/probe/probe-spec.js';
import type { Runbook, Step } from '../../../src/core/runbook/runbook.js';

// Stands in for the runbook module's templating: fills {{ $labels.x }} or names the missing label.
const render: RenderProbeQuery = (template, labels) => {
  let missing: string | undefined;
  const query = template.replace(/\{\{\s*\$labels\.(\w+)\s*\}\}/g, (_m, name: string) => {
    const value = labels[name];
    if (value === undefined) missing ??= name;
    return value ?? '';
  });
  return missing === undefined
    ? { ok: true, query }
    : { ok: false, message: `the alert has no label "${missing}"` };
};

const spec = (query: string, extra: Partial<ProbeSpec> = {}): ProbeSpec => ({
  title: 'probe',
  query,
  warn: undefined,
  crit: { op: '>', value: 100 },
  rangeSeconds: 1800,
  unit: 'req/s',
  position: undefined,
  ...extra,
});

const step = (id: string, text: string, probes: ProbeSpec[]): Step => ({
  id,
  section: id.startsWith('diagnosis') ? 'diagnosis' : 'mitigation',
  group: undefined,
  text,
  probes,
  position: { line: 1, column: 1 },
});

const runbook: Runbook = {
  title: 'R',
  alerts: ['A'],
  matchers: {},
  severity: undefined,
  owner: undefined,
  tags: [],
  meaning: undefined,
  impact: undefined,
  steps: [
    step('diagnosis-1', 'Find the backend.\nMore words.', [spec('x{server="{{ $labels.server }}"}')]),
    step('diagnosis-2', 'Read the logs.', []),
    step('diagnosis-3', 'Check pods.', [spec('y{pod="{{ $labels.pod }}"}'), spec('z')]),
    step('mitigation-1', 'Drain it.', [spec('w')]),
  ],
  ruleExpr: 'sum by (server) (rate(x[1m])) > 100',
  problems: [],
};
const alert = { labels: { alertname: 'A', server: 'web1' }, startsAtMs: 0, nowMs: 60_000 };

describe('planProbeSteps', () => {
  it('puts the alert expression first, then each diagnosis step with probes, templated for the alert', () => {
    const steps = planProbeSteps(runbook, chooseAlertRule(undefined, runbook), alert, render);
    expect(steps.map((s) => s.id)).toEqual(['alert-expression', 'diagnosis-1', 'diagnosis-3']);
    expect(steps[0]?.probes[0]).toMatchObject({
      query: 'sum by (server) (rate(x[1m]))',
      role: 'alert-rule',
      narrowTo: { labels: alert.labels, ignore: [] },
    });
    expect(steps[1]?.probes[0]).toMatchObject({
      id: 'diagnosis-1#1',
      query: 'x{server="web1"}',
      unrunnable: undefined,
    });
    expect(steps[2]?.probes.map((p) => p.unrunnable)).toEqual(['the alert has no label "pod"', undefined]);
    expect(steps[2]?.probes[0]?.query).toBe('y{pod="{{ $labels.pod }}"}');
  });

  it('still has the alert expression without a runbook, and nothing without a rule', () => {
    const rule = { expr: 'up == 0', labels: {}, origin: 'prometheus' } as const;
    expect(planProbeSteps(undefined, rule, alert, render).map((s) => s.id)).toEqual(['alert-expression']);
    expect(planProbeSteps(undefined, undefined, alert, render)).toEqual([]);
  });
});

describe('chooseAlertRule', () => {
  it("prefers Prometheus's rule over the one pasted in the runbook", () => {
    const fromPrometheus = { expr: 'a > 1', labels: { severity: 'page' }, origin: 'prometheus' } as const;
    expect(chooseAlertRule(fromPrometheus, runbook)).toBe(fromPrometheus);
    expect(chooseAlertRule(undefined, runbook)).toEqual({
      expr: runbook.ruleExpr,
      labels: {},
      origin: 'runbook',
    });
    expect(chooseAlertRule(undefined, { ...runbook, ruleExpr: undefined })).toBeUndefined();
  });
});

describe('planStep and stepTitle', () => {
  it('plans a mitigation step on request and titles steps by number and first line', () => {
    const mitigation = runbook.steps[3]!;
    expect(planStep(mitigation, alert.labels, render).probes[0]?.id).toBe('mitigation-1#1');
    expect(stepTitle(runbook.steps[0]!)).toBe('Diagnosis 1: Find the backend.');
    expect(stepTitle(step('diagnosis-12', 'x'.repeat(100), []))).toBe(`Diagnosis 12: ${'x'.repeat(79)}…`);
  });
});
