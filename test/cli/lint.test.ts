// `sitrep lint` in-process: the bundled set is clean; a seeded mistake is reported at its line.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempConfigHome } from '../helpers/run-cli.js';
import { repoRoot } from '../helpers/stack.js';

function env(): Record<string, string> {
  const home = tempConfigHome();
  return { HOME: home, XDG_CONFIG_HOME: home, XDG_CACHE_HOME: home };
}

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
          description: "Server {{ $labels.server }} fails more than 100 connections per second."
      - alert: NobodyWroteARunbook
        expr: up == 0
`;

function project(): string {
  const dir = tempConfigHome();
  fs.mkdirSync(path.join(dir, 'runbooks'));
  fs.writeFileSync(path.join(dir, 'runbooks', 'rules.yml'), seedRules);
  fs.copyFileSync(
    path.join(repoRoot, 'test', 'fixtures', 'runbooks', 'seed-HaproxyServerConnectionErrors.md'),
    path.join(dir, 'runbooks', 'HaproxyServerConnectionErrors.md'),
  );
  return dir;
}

describe('sitrep lint', () => {
  it('finds nothing wrong with the bundled runbooks and rule files', async () => {
    const result = await runCli(['lint', path.join(repoRoot, 'runbooks')], env());
    expect(result.stdout).toBe('');
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/^sitrep lint: \d+ files, 0 errors, 0 warnings\n$/);
  });

  it("reports the summary's $labels.instance under sum by (server) as file:line:col, and exits 1", async () => {
    const dir = project();
    const result = await runCli(['lint'], env(), { cwd: dir });
    expect(result.code).toBe(1);
    const lines = seedRules.split('\n');
    const line = lines.findIndex((l) => l.includes('$labels.instance')) + 1;
    const column = (lines[line - 1] ?? '').indexOf('$labels.instance') + 1;
    expect(result.stdout).toContain(
      `runbooks/rules.yml:${line}:${column}: error: alert HaproxyServerConnectionErrors: annotation summary uses $labels.instance, which is always empty: the expression keeps only server\n`,
    );
    expect(result.stdout).toContain(
      'runbooks/rules.yml:12:9: error: alert NobodyWroteARunbook has no runbook',
    );
    // The runbook pasted the same mistake into its rule; the runbook itself opens fine.
    expect(result.stdout).not.toMatch(/HaproxyServerConnectionErrors\.md:\d+:\d+: error/);
  });

  it('--json lists the findings with their positions', async () => {
    const result = await runCli(['lint', '--json', 'runbooks'], env(), { cwd: project() });
    const doc = JSON.parse(result.stdout) as {
      version: number;
      errors: number;
      findings: { file: string; line: number; column: number; severity: string; message: string }[];
    };
    expect(doc.version).toBe(1);
    expect(doc.errors).toBe(2);
    const lineOf = (needle: string) => seedRules.split('\n').findIndex((l) => l.includes(needle)) + 1;
    expect(doc.findings.filter((f) => f.severity === 'error').map((f) => [f.file, f.line])).toEqual([
      ['runbooks/rules.yml', lineOf('$labels.instance')],
      ['runbooks/rules.yml', lineOf('NobodyWroteARunbook')],
    ]);
  });

  it('reports a probe that does not parse, and a probe label the alert never has', async () => {
    const dir = project();
    fs.writeFileSync(
      path.join(dir, 'runbooks', 'HaproxyServerConnectionErrors.md'),
      '---\nalert: HaproxyServerConnectionErrors\n---\n## Diagnosis\n\n1. Look\n   ```promql\n   rate(x{instance="{{ $labels.instance }}"}[5m]\n   ```\n',
    );
    const result = await runCli(['lint', 'runbooks/HaproxyServerConnectionErrors.md'], env(), { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(
      /^runbooks\/HaproxyServerConnectionErrors\.md:8:\d+: error: probe query does not parse/m,
    );
    expect(result.stdout).toContain('uses {{ $labels.instance }}, but the alert never has that label');
  });

  it('a path that does not exist is bad usage', async () => {
    const result = await runCli(['lint', '/nonexistent/runbooks'], env());
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('lint: /nonexistent/runbooks does not exist');
  });

  it('fails on a warning too, unless --errors-only', async () => {
    const dir = tempConfigHome();
    // A valid runbook whose only finding is a warning: it has no Impact section.
    const runbook = [
      '---',
      'alert: OnlyWarned',
      '---',
      '# OnlyWarned',
      '## Meaning',
      'Something.',
      '## Diagnosis',
      '1. Look at it.',
      '## Mitigation',
      '1. Fix it.',
      '',
    ].join('\n');
    fs.writeFileSync(path.join(dir, 'OnlyWarned.md'), runbook);
    const strict = await runCli(['lint', '--json', dir], env());
    const report = JSON.parse(strict.stdout) as { errors: number; warnings: number };
    expect(report.errors).toBe(0);
    expect(report.warnings).toBeGreaterThan(0);
    expect(strict.code).toBe(1);
    expect((await runCli(['lint', '--errors-only', dir], env())).code).toBe(0);
  });

  describe('per rule file', () => {
    const bundled = path.join(repoRoot, 'runbooks', 'haproxy');
    const fence = '```';
    const serverDown = (probes: string) => `# HaproxyServerDown

## Meaning

A server is down.

## Impact

Less capacity.

## Diagnosis

1. Look at the server.

${probes}

## Mitigation

1. Fix it.
`;
    const builtinOnly = `${fence}promql title="State"
max by (state) (haproxy_server_status{proxy="{{ $labels.proxy }}", server="{{ $labels.server }}"})
${fence}`;
    const inVariants = `${fence}promql title="State" variant="builtin"
max by (state) (haproxy_server_status{proxy="{{ $labels.proxy }}", server="{{ $labels.server }}"})
${fence}

${fence}promql variant="haproxy_exporter"
max(haproxy_server_up{backend="{{ $labels.backend }}", server="{{ $labels.server }}"})
${fence}`;
    const folder = (runbook: string, ruleFiles: string[]) => {
      const dir = tempConfigHome();
      fs.mkdirSync(path.join(dir, 'haproxy'));
      fs.writeFileSync(path.join(dir, 'haproxy', 'HaproxyServerDown.md'), runbook);
      for (const name of ruleFiles)
        fs.copyFileSync(path.join(bundled, name), path.join(dir, 'haproxy', name));
      return dir;
    };

    it('reports a label that only the other rule file keeps, naming the rule file', async () => {
      // Before: lint accepted `proxy` because rules.yml keeps it, though the exporter's alert never has it.
      const dir = folder(serverDown(builtinOnly), ['rules.yml', 'rules-haproxy-exporter.yml']);
      const result = await runCli(['lint', 'haproxy/HaproxyServerDown.md'], env(), { cwd: dir });
      expect(result.code).toBe(1);
      expect(result.stdout).toBe(
        'haproxy/HaproxyServerDown.md:15:1: error: probe "State" uses {{ $labels.proxy }}, but the alert never has that label: its expression (haproxy/rules-haproxy-exporter.yml) keeps only backend, server\n',
      );
      const builtin = folder(serverDown(builtinOnly), ['rules.yml']);
      expect((await runCli(['lint', 'haproxy/HaproxyServerDown.md'], env(), { cwd: builtin })).code).toBe(0);
    });

    it('accepts a probe in variants when one variant fits each rule file, and says which fits none', async () => {
      const dir = folder(serverDown(inVariants), ['rules.yml', 'rules-haproxy-exporter.yml']);
      const clean = await runCli(['lint', 'haproxy/HaproxyServerDown.md'], env(), { cwd: dir });
      expect([clean.stdout, clean.code]).toEqual(['', 0]);
      const broken = inVariants.replace('{{ $labels.backend }}', '{{ $labels.instance }}');
      const bad = folder(serverDown(broken), ['rules-haproxy-exporter.yml']);
      const result = await runCli(['lint', 'haproxy/HaproxyServerDown.md'], env(), { cwd: bad });
      expect(result.stdout).toContain(
        'error: probe "State": no variant fits the alert (builtin uses {{ $labels.proxy }}; haproxy_exporter uses {{ $labels.instance }}): its expression (haproxy/rules-haproxy-exporter.yml) keeps only backend, server',
      );
    });

    it.each(['rules.yml', 'rules-haproxy-exporter.yml'])(
      'finds nothing wrong with the bundled runbooks beside %s alone',
      async (ruleFile) => {
        const dir = tempConfigHome();
        fs.mkdirSync(path.join(dir, 'haproxy'));
        for (const name of fs.readdirSync(bundled).filter((n) => n.endsWith('.md') || n === ruleFile))
          fs.copyFileSync(path.join(bundled, name), path.join(dir, 'haproxy', name));
        fs.writeFileSync(path.join(dir, 'haproxy', '_index.md'), '---\ntitle: HAProxy\n---\n');
        const result = await runCli(['lint', 'haproxy'], env(), { cwd: dir });
        expect(result.stdout).toBe('');
        expect(result.stderr).toBe('sitrep lint: 17 files, 0 errors, 0 warnings\n');
      },
    );
  });
});
