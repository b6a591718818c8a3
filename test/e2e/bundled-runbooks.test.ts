// The bundled HAProxy runbooks as sitrep really reads them (runbook library, parser, lookup, label
// filling), checked for what the runbook issue asks of them, and every probe of theirs run against
// the real Prometheus of the shared stack with label values the stack really has.
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { fillProbeQuery } from '../../src/core/promql/fill.js';
import { chooseRunbook } from '../../src/core/runbook/match.js';
import { parseRuleFile } from '../../src/core/runbook/rule-file.js';
import { bundledRunbooksDir, loadLibrary } from '../../src/store/runbook-library.js';
import { querySharedPrometheus as query } from '../helpers/prometheus-query.js';

const folder = bundledRunbooksDir() ?? '';
const library = loadLibrary([{ path: folder, tier: 'bundled' }]);
const rules = parseRuleFile(fs.readFileSync(path.join(folder, 'haproxy', 'rules.yml'), 'utf8')).rules;

describe('the bundled runbooks', () => {
  it('open without a problem, with Meaning, Impact, 4+ diagnosis steps each with a probe, and mitigation', () => {
    expect(library.warnings).toEqual([]);
    expect(library.entries.length).toBeGreaterThanOrEqual(16);
    for (const { relativePath, runbook } of library.entries) {
      expect(runbook.problems, relativePath).toEqual([]);
      expect(runbook.meaning?.trim(), `${relativePath}: Meaning`).toBeTruthy();
      expect(runbook.impact?.trim(), `${relativePath}: Impact`).toBeTruthy();
      const diagnosis = runbook.steps.filter((step) => step.section === 'diagnosis');
      expect(diagnosis.length, `${relativePath}: diagnosis steps`).toBeGreaterThanOrEqual(4);
      const withoutProbe = diagnosis.filter((step) => step.probes.length === 0);
      expect(
        withoutProbe.map((step) => `line ${step.position.line}`),
        `${relativePath}: diagnosis steps without a probe`,
      ).toEqual([]);
      expect(
        runbook.steps.filter((step) => step.section === 'mitigation').length,
        `${relativePath}: mitigation steps`,
      ).toBeGreaterThan(0);
    }
  });

  it('serve every alert of the bundled rule file, found by the real lookup', () => {
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

  describe.skipIf(process.env.SITREP_TEST_NO_STACK === '1')('probes against the shared stack', () => {
    let serverLabels: Record<string, string> = {};
    let frontend = '';
    beforeAll(async () => {
      // Label values the stack really has: a backend server's, and a frontend's name.
      const server = (await query('haproxy_server_status')).data?.result[0]?.metric;
      const front = (await query('haproxy_frontend_status{proxy!="metrics"}')).data?.result[0]?.metric;
      if (!server || !front?.['proxy']) throw new Error('the shared stack has no HAProxy series');
      const { __name__: _metric, ...labels } = server;
      serverLabels = { ...labels, severity: 'critical' };
      frontend = front['proxy'];
    });

    it.each(library.entries.map((entry) => [entry.relativePath, entry] as const))(
      '%s: every probe fills in and gets status success',
      async (_name, entry) => {
        // An alert about frontends carries the frontend's name in `proxy`.
        const frontendAlert = rules
          .find((rule) => entry.runbook.alerts.includes(rule.alert))
          ?.expr.value.includes('haproxy_frontend_');
        const alertLabels = {
          ...serverLabels,
          alertname: entry.runbook.alerts[0] ?? '',
          ...(frontendAlert ? { proxy: frontend } : {}),
        };
        const probes = entry.runbook.steps.flatMap((step) => step.probes);
        expect(probes.length).toBeGreaterThan(0);
        const failures: string[] = [];
        for (const probe of probes) {
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
