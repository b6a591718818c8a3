import { describe, expect, it } from 'vitest';
import { lintRules, lintRunbook, templateLabels } from '../../../src/core/runbook/lint.js';
import { parseRunbook } from '../../../src/core/runbook/parse-runbook.js';
import { parseRuleFile } from '../../../src/core/runbook/rule-file.js';

const seedRules = `groups:
  - name: haproxy
    rules:
      - alert: HaproxyServerConnectionErrors
        expr: sum by (server) (rate(haproxy_server_connection_errors_total[1m])) > 100
        for: 0m
        labels:
          severity: critical
        annotations:
          summary: HAProxy server connection errors (instance {{ $labels.instance }})
          description: "Too many connection errors to {{ $labels.server }} server (> 100 req/s)\\n  VALUE = {{ $value }}\\n  LABELS = {{ $labels }}"
`;

const lineColumnOf = (text: string, needle: string) => {
  const lines = text.split('\n');
  const line = lines.findIndex((l) => l.includes(needle));
  return { line: line + 1, column: (lines[line] ?? '').indexOf(needle) + 1 };
};

describe('lintRules', () => {
  it("reports the seed rule's summary, which uses $labels.instance after sum by (server), at its line and column", () => {
    const { rules, problems } = parseRuleFile(seedRules);
    expect(problems).toEqual([]);
    const findings = lintRules('rules.yml', rules, () => true);
    expect(findings).toEqual([
      {
        file: 'rules.yml',
        position: lineColumnOf(seedRules, '$labels.instance'),
        severity: 'error',
        message:
          'alert HaproxyServerConnectionErrors: annotation summary uses $labels.instance, which is always empty: the expression keeps only server',
      },
    ]);
  });

  it('accepts labels the expression keeps', () => {
    const fixed = seedRules.replace('instance {{ $labels.instance }}', 'server {{ $labels.server }}');
    expect(lintRules('rules.yml', parseRuleFile(fixed).rules, () => true)).toEqual([]);
  });

  it('locates a broken expression inside a block scalar', () => {
    const text =
      'groups:\n  - name: g\n    rules:\n      - alert: A\n        expr: |\n          sum(rate(x[5m]))\n            / on(a b)\n';
    const [finding] = lintRules('r.yml', parseRuleFile(text).rules, () => true);
    expect(finding?.message).toMatch(/^alert A: expr does not parse/);
    expect(finding?.position.line).toBe(lineColumnOf(text, 'on(a b)').line);
  });

  it('reports an alert without a runbook at the rule', () => {
    const findings = lintRules(
      'rules.yml',
      parseRuleFile(seedRules.replace('{{ $labels.instance }}', '')).rules,
      () => false,
    );
    expect(findings.map((f) => [f.position, f.message])).toEqual([
      [
        lineColumnOf(seedRules, 'alert: HaproxyServerConnectionErrors'),
        'alert HaproxyServerConnectionErrors has no runbook: add HaproxyServerConnectionErrors.md to a runbook folder, or a runbook annotation',
      ],
    ]);
  });
});

describe('lintRunbook', () => {
  const runbookText = [
    '---',
    'alert: HaproxyServerConnectionErrors',
    '---',
    '## Diagnosis',
    '1. Errors per server',
    '   ```promql title="By server"',
    '   rate(haproxy_server_connection_errors_total{server="{{ $labels.server }}"}[1m])',
    '   ```',
    '2. The instance',
    '   ```promql title="By instance"',
    '   up{instance="{{ $labels.instance }}", severity="{{ $labels.severity }}", a="{{ $labels.alertname }}"}',
    '   ```',
  ].join('\n');

  it("reports a probe placeholder the alert's expression does not keep, and accepts rule labels and alertname", () => {
    const runbook = parseRunbook(runbookText);
    const rules = parseRuleFile(seedRules).rules.map((rule) => ({ file: 'rules.yml', rule }));
    const errors = lintRunbook('X.md', runbook, rules).filter((f) => f.severity === 'error');
    expect(errors).toEqual([
      {
        file: 'X.md',
        position: lineColumnOf(runbookText, '```promql title="By instance"'),
        severity: 'error',
        message:
          'probe "By instance" uses {{ $labels.instance }}, but the alert never has that label: its expression (rules.yml) keeps only server',
      },
    ]);
  });

  it('falls back to the rule pasted into the runbook', () => {
    const pasted = `${runbookText}\n\n\`\`\`yaml\nalert: HaproxyServerConnectionErrors\nexpr: sum by (server) (x) > 1\n\`\`\`\n`;
    const errors = lintRunbook('X.md', parseRunbook(pasted), []).filter((f) => f.message.includes('$labels'));
    expect(errors.map((f) => f.message)).toEqual([
      'probe "By instance" uses {{ $labels.instance }}, but the alert never has that label: its expression (the pasted rule) keeps only server',
      'probe "By instance" uses {{ $labels.severity }}, but the alert never has that label: its expression (the pasted rule) keeps only server',
    ]);
  });
});

describe('templateLabels', () => {
  it('finds the labels a Go template reads', () => {
    expect(
      templateLabels('{{ $labels.a }} {{.Labels.b}} {{ index $labels "c" }} {{ $labels }} $labels.d').map(
        (l) => l.name,
      ),
    ).toEqual(['a', 'b', 'c']);
  });
});
