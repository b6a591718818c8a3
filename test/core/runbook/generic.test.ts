import { describe, expect, it } from 'vitest';
import { fillProbeQuery } from '../../../src/core/promql/fill.js';
import {
  expressionFromGeneratorUrl,
  genericRunbookText,
  type GenericRunbookInput,
} from '../../../src/core/runbook/generic-text.js';
import { parseRunbook } from '../../../src/core/runbook/parse-runbook.js';
import { sanitizeLine } from '../../../src/core/sanitize-text.js';

// The generic runbook as sitrep opens it: its text read by the parser every runbook goes through.
const genericRunbook = (alert: GenericRunbookInput) => parseRunbook(genericRunbookText(alert));

describe('genericRunbook', () => {
  it('is a complete runbook with no problems', () => {
    const runbook = genericRunbook({ name: 'SomethingBroke', labels: { job: 'api' } });
    expect(runbook.problems).toEqual([]);
    expect(runbook.alerts).toEqual(['SomethingBroke']);
    const diagnosis = runbook.steps.filter((s) => s.section === 'diagnosis').map((s) => s.text);
    expect(diagnosis.join('\n')).toMatch(
      /what the alert measures[\s\S]*changed[\s\S]*runs out of something[\s\S]*errors[\s\S]*depends on/,
    );
    expect(runbook.steps.some((s) => s.section === 'mitigation')).toBe(true);
  });

  it("shows the alert's own expression, safely fenced whatever it contains", () => {
    const expression = 'sum(x{a="```"}) > 1\n```\n## Mitigation\n- injected';
    const runbook = genericRunbook({ name: 'X', labels: {}, expression });
    expect(runbook.steps[0]?.text).toContain(expression);
    expect(runbook.steps.map((s) => s.text).join()).not.toMatch(/^injected$/m);
    expect(runbook.steps.filter((s) => s.text === 'injected')).toEqual([]);
  });

  it('adds probes only for labels the alert has, and every one of them can run', () => {
    const bare = genericRunbook({ name: 'X', labels: {} });
    const probesWithLabels = bare.steps.flatMap((s) => s.probes).filter((p) => p.query.includes('$labels'));
    expect(probesWithLabels).toEqual([]);
    for (const labels of [{ job: 'a"b' }, { instance: 'h:9100' }, {}]) {
      const runbook = genericRunbook({ name: 'X', labels });
      for (const probe of runbook.steps.flatMap((s) => s.probes)) {
        expect(fillProbeQuery(probe.query, labels), probe.query).toMatchObject({ ok: true });
      }
    }
  });
});

describe('genericRunbook title', () => {
  // The title names the alert; the export and the screen show the alert name through the one
  // sanitizer, so the title must hold the same text: an escape sequence removed whole (not
  // `Evil31mRed0m`, its ESC and brackets dropped one character at a time), punctuation kept literally.
  it('cleans the alert name as every other place does, whole escape sequences removed', () => {
    for (const [name, shown] of [
      ['Evil\u001b[31mRed\u001b[0m', 'EvilRed'],
      ['Disk_full: /var [ops]', 'Disk_full: /var [ops]'],
      ['*bold* `x` <b> #1', '*bold* `x` <b> #1'],
      ['\u009b31mC1\u202eX', 'C1X'],
      ['HaproxyDown', 'HaproxyDown'],
    ] as const) {
      expect(sanitizeLine(name)).toBe(shown);
      const runbook = genericRunbook({ name, labels: {} });
      expect(runbook.title, name).toBe(`${shown}: generic checklist`);
      expect(runbook.alerts, name).toEqual([shown]);
      expect(runbook.problems, name).toEqual([]);
    }
  });
});

describe('expressionFromGeneratorUrl', () => {
  it("reads the expression from Prometheus's graph link", () => {
    const expr = 'sum by (server) (rate(x{a="b"}[1m])) > 100';
    const url = `http://prom:9090/graph?g0.expr=${encodeURIComponent(expr)}&g0.tab=1`;
    expect(expressionFromGeneratorUrl(url)).toBe(expr);
    expect(expressionFromGeneratorUrl('http://prom:9090/graph')).toBeUndefined();
    expect(expressionFromGeneratorUrl('not a url')).toBeUndefined();
    expect(expressionFromGeneratorUrl(undefined)).toBeUndefined();
  });
});
