// The bundled HAProxy runbooks as sitrep really reads them (runbook library, parser, lookup), checked
// for what the runbook issue asks of them. Their probes run against both HAProxy metric sources in
// bundled-runbooks-sources.test.ts.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { chooseRunbook } from '../../src/core/runbook/match.js';
import { parseRuleFile } from '../../src/core/runbook/rule-file.js';
import { bundledRunbooksDir } from '../../src/store/runbook-files.js';
import { loadLibrary } from '../../src/store/runbook-library.js';

const folder = bundledRunbooksDir() ?? '';
const library = loadLibrary([{ path: folder, tier: 'bundled' }]);
const ruleFiles = ['rules.yml', 'rules-haproxy-exporter.yml'].map((name) => ({
  name,
  rules: parseRuleFile(fs.readFileSync(path.join(folder, 'haproxy', name), 'utf8')).rules,
}));

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

  it.each(ruleFiles.map((file) => [file.name, file.rules] as const))(
    'serve every alert of %s, found by the real lookup',
    (_name, rules) => {
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
    },
  );
});
