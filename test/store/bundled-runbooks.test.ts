// The bundled HAProxy runbooks as sitrep really reads them (runbook library, parser, lookup, label
// filling), and every probe of theirs run against the real Prometheus of the shared stack.
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { fillProbeQuery } from '../../src/core/promql/fill.js';
import { chooseRunbook } from '../../src/core/runbook/match.js';
import { parseRuleFile } from '../../src/core/runbook/rule-file.js';
import { bundledRunbooksDir, loadLibrary } from '../../src/store/runbook-library.js';
import { sharedStackUrls } from '../helpers/stack.js';

const folder = bundledRunbooksDir() ?? '';
const library = loadLibrary([{ path: folder, tier: 'bundled' }]);
const rules = parseRuleFile(fs.readFileSync(path.join(folder, 'haproxy', 'rules.yml'), 'utf8')).rules;

interface QueryResponse {
  status: string;
  error?: string;
  data?: { result: { metric: Record<string, string> }[] };
}

async function query(promql: string): Promise<QueryResponse> {
  const response = await fetch(`${sharedStackUrls.prometheus}/api/v1/query`, {
    method: 'POST',
    body: new URLSearchParams({ query: promql }),
    signal: AbortSignal.timeout(10_000),
  });
  return (await response.json()) as QueryResponse;
}

describe('the bundled runbooks', () => {
  it('open without a single problem, each with diagnosis steps that carry probes', () => {
    expect(library.warnings).toEqual([]);
    expect(library.entries.length).toBeGreaterThanOrEqual(16);
    for (const { relativePath, runbook } of library.entries) {
      expect(runbook.problems, relativePath).toEqual([]);
      const diagnosis = runbook.steps.filter((step) => step.section === 'diagnosis');
      expect(diagnosis.length, relativePath).toBeGreaterThanOrEqual(4);
      expect(diagnosis.filter((step) => step.probes.length > 0).length, relativePath).toBeGreaterThanOrEqual(
        4,
      );
      expect(
        runbook.steps.some((step) => step.section === 'mitigation'),
        relativePath,
      ).toBe(true);
    }
  });

  it('are found by front matter for every alert of the bundled rule file', () => {
    expect(rules.length).toBeGreaterThanOrEqual(16);
    for (const rule of rules) {
      const choice = chooseRunbook(
        { name: rule.alert, labels: { ...rule.labels }, runbookUrl: undefined },
        library.entries,
      );
      expect(choice.kind === 'file' && choice.entry.relativePath, rule.alert).toBe(
        `haproxy/${rule.alert}.md`,
      );
    }
  });

  describe('probes against the shared stack', () => {
    let labels: Record<string, string> = {};
    let frontend = '';
    beforeAll(async () => {
      const server = (await query('haproxy_server_status')).data?.result[0]?.metric ?? {};
      frontend =
        (await query('haproxy_frontend_status{proxy!="metrics"}')).data?.result[0]?.metric['proxy'] ?? '';
      labels = { ...server, alertname: 'x', severity: 'critical' };
    });

    it.each(library.entries.map((entry) => [entry.relativePath, entry] as const))(
      '%s: every probe fills in and runs without a Prometheus error',
      async (_name, entry) => {
        const frontendAlert = rules
          .find((rule) => entry.runbook.alerts.includes(rule.alert))
          ?.expr.value.includes('haproxy_frontend_');
        const alertLabels = frontendAlert ? { ...labels, proxy: frontend } : labels;
        const failures: string[] = [];
        for (const probe of entry.runbook.steps.flatMap((step) => step.probes)) {
          const filled = fillProbeQuery(probe.query, alertLabels);
          const where = `line ${probe.position?.line ?? '?'} "${probe.title}"`;
          if (!filled.ok) {
            failures.push(`${where}: ${filled.message}`);
            continue;
          }
          const answer = await query(filled.query);
          if (answer.status !== 'success') failures.push(`${where}: ${answer.error ?? answer.status}`);
        }
        expect(failures).toEqual([]);
      },
    );
  });
});
