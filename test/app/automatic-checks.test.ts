import { describe, expect, it } from 'vitest';
import { planProbeStepsWithChecks } from '../../src/app/automatic-checks.js';
import { fillProbeQuery } from '../../src/core/promql/fill.js';
import { parseRunbook } from '../../src/core/runbook/parse-runbook.js';

const rule = {
  expr: 'sum by (server) (rate(x_total[1m])) > 100',
  labels: { severity: 'critical' },
  origin: 'prometheus',
} as const;
const alert = { labels: { server: 'web1', severity: 'critical' }, startsAtMs: undefined, nowMs: 0 };
const runbook = parseRunbook(
  ['# X', '## Diagnosis', '1. Look', '   ```promql', '   x_total', '   ```', ''].join('\n'),
  { fileName: 'X.md' },
);

describe('planProbeStepsWithChecks', () => {
  it('puts the automatic checks after the alert expression, before the runbook steps', () => {
    const steps = planProbeStepsWithChecks(runbook, rule, alert, fillProbeQuery);
    expect(steps.map((s) => s.id)).toEqual(['alert-expression', 'automatic-checks', 'diagnosis-1']);
  });

  it('alone with the alert expression when there is no runbook; nothing without a rule', () => {
    expect(planProbeStepsWithChecks(undefined, rule, alert, fillProbeQuery).map((s) => s.id)).toEqual([
      'alert-expression',
      'automatic-checks',
    ]);
    expect(planProbeStepsWithChecks(runbook, undefined, alert, fillProbeQuery).map((s) => s.id)).toEqual([
      'diagnosis-1',
    ]);
  });
});
