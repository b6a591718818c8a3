// Every PromQL probe of the bundled HAProxy runbooks runs without a Prometheus error against the real
// shared stack, with its {{ $labels.x }} placeholders filled from label values the stack really has.
// The probes are found with a deliberately simple scan for ```promql fences; this will switch to the
// real parser once src/core/runbook lands, so that the test sees exactly what sitrep runs.
import fs from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { repoRoot, sharedStackUrls } from '../helpers/stack.js';

const folder = path.join(repoRoot, 'runbooks', 'haproxy');

interface Probe {
  readonly line: number;
  readonly title: string;
  readonly query: string;
}

interface BundledRunbook {
  readonly file: string;
  readonly alert: string;
  readonly probes: readonly Probe[];
}

interface QueryResponse {
  status: string;
  error?: string;
  data?: { result: { metric: Record<string, string> }[] };
}

/** The probes of one runbook: each ```promql fence, its indentation removed, with its title. */
function scanProbes(text: string): Probe[] {
  const lines = text.split('\n');
  const probes: Probe[] = [];
  for (let i = 0; i < lines.length; i += 1) {
    const open = /^(\s*)```promql\b(.*)$/.exec(lines[i] ?? '');
    if (!open) continue;
    const indent = open[1]?.length ?? 0;
    const body: string[] = [];
    let j = i + 1;
    for (; j < lines.length && !/^\s*```\s*$/.test(lines[j] ?? ''); j += 1)
      body.push((lines[j] ?? '').slice(indent));
    const title = /title="([^"]*)"/.exec(open[2] ?? '')?.[1] ?? '';
    probes.push({ line: i + 1, title, query: body.join('\n') });
    i = j;
  }
  return probes;
}

function loadRunbooks(): BundledRunbook[] {
  return fs
    .readdirSync(folder)
    .filter((name) => name.endsWith('.md'))
    .sort()
    .map((file) => {
      const text = fs.readFileSync(path.join(folder, file), 'utf8');
      const alert = /^---\n[\s\S]*?^alert:\s*(\S+)\s*$/m.exec(text)?.[1] ?? '';
      return { file, alert, probes: scanProbes(text) };
    });
}

/** Alert name → expression, from the bundled rule file the local stack loads. */
function loadRuleExprs(): Map<string, string> {
  const doc = parseYaml(fs.readFileSync(path.join(folder, 'rules.yml'), 'utf8')) as {
    groups: { rules: { alert?: string; expr: string }[] }[];
  };
  const exprs = new Map<string, string>();
  for (const group of doc.groups)
    for (const rule of group.rules) if (rule.alert) exprs.set(rule.alert, rule.expr);
  return exprs;
}

async function query(promql: string): Promise<QueryResponse> {
  const res = await fetch(`${sharedStackUrls.prometheus}/api/v1/query`, {
    method: 'POST',
    body: new URLSearchParams({ query: promql }),
    signal: AbortSignal.timeout(10_000),
  });
  return (await res.json()) as QueryResponse;
}

/** The first series' labels for a selector on the live stack, so values are real, not hard-coded. */
async function liveLabels(selector: string): Promise<Record<string, string>> {
  const response = await query(selector);
  const first = response.data?.result[0]?.metric;
  if (!first) throw new Error(`the shared stack has no series for ${selector}`);
  return first;
}

/** Fills `{{ $labels.x }}`; returns the query or the names of labels it has no value for. */
function fill(template: string, labels: Record<string, string>): { query: string; missing: string[] } {
  const missing: string[] = [];
  const filled = template.replace(/\{\{\s*\$labels\.([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g, (_, name: string) => {
    const value = labels[name];
    if (value === undefined) missing.push(name);
    return value ?? '';
  });
  return { query: filled, missing };
}

const runbooks = loadRunbooks();
const ruleExprs = loadRuleExprs();

describe.skipIf(process.env.SITREP_TEST_NO_STACK === '1')('bundled HAProxy runbook probes', () => {
  let backendLabels: Record<string, string> = {};
  let frontendName = '';

  beforeAll(async () => {
    const server = await liveLabels('haproxy_server_status');
    const frontend = await liveLabels('haproxy_frontend_status{proxy!="metrics"}');
    backendLabels = {
      proxy: server.proxy ?? '',
      server: server.server ?? '',
      job: server.job ?? '',
      instance: server.instance ?? '',
    };
    frontendName = frontend.proxy ?? '';
  });

  it('has a runbook with at least four probes for every alert of the bundled rule file', () => {
    expect(ruleExprs.size).toBeGreaterThanOrEqual(16);
    for (const alert of ruleExprs.keys()) {
      const runbook = runbooks.find((r) => r.alert === alert);
      expect(runbook?.file, `runbook for ${alert}`).toBe(`${alert}.md`);
      expect(runbook?.probes.length ?? 0, `probes in ${alert}.md`).toBeGreaterThanOrEqual(4);
    }
  });

  it.each(runbooks.map((r) => [r.file, r] as const))('%s: every probe runs', async (_file, runbook) => {
    const expr = ruleExprs.get(runbook.alert) ?? '';
    // An alert about frontends carries the frontend's name in `proxy`.
    const proxy = expr.includes('haproxy_frontend_') ? frontendName : backendLabels.proxy;
    const labels: Record<string, string> = { ...backendLabels, proxy: proxy ?? '', severity: 'critical' };
    const failures: string[] = [];
    for (const probe of runbook.probes) {
      const where = `${runbook.file}:${probe.line} "${probe.title}"`;
      const { query: promql, missing } = fill(probe.query, labels);
      if (missing.length > 0) {
        failures.push(`${where}: no value for $labels.${missing.join(', $labels.')}`);
        continue;
      }
      const response = await query(promql);
      if (response.status !== 'success') failures.push(`${where}: ${response.error ?? response.status}`);
    }
    expect(runbook.probes.length).toBeGreaterThan(0);
    expect(failures).toEqual([]);
  });
});
