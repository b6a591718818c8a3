// How `sitrep runbook` shows what a runbook holds besides its steps: remarks under a section, the
// lead line of a list, and reference links, in the text for people and in --json.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runbookJson, runbookText, type RunbookView } from '../../src/cli/commands/runbook-view.js';
import { parseRunbook } from '../../src/core/runbook/parse-runbook.js';
import { repoRoot } from '../helpers/stack.js';

const collection = path.join(repoRoot, 'test', 'fixtures', 'runbooks', 'collection');
const view = (name: string): RunbookView => ({
  alert: { name: name.replace(/\.md$/, ''), labels: { job: 'api' } },
  runbook: parseRunbook(fs.readFileSync(path.join(collection, name), 'utf8'), { fileName: name }),
  source: { kind: 'file', path: `collection/${name}` },
  matchedBy: 'file-flag',
  notes: [],
});

describe('sitrep runbook on the shapes of public collections', () => {
  it('prints a remark with its section and keeps the instruction after a list as a step', () => {
    const text = runbookText(view('DiskReadErrors.md'));
    expect(text).toContain('  3. Verify that the reading is accurate');
    expect(text).toContain(
      'Diagnosis notes\n  These errors are rare on cloud volumes and common on old spinning disks.',
    );
    expect(runbookJson(view('DiskReadErrors.md')).sectionNotes).toEqual([
      {
        section: 'diagnosis',
        heading: null,
        text: 'These errors are rare on cloud volumes and common on old spinning disks.',
        line: 23,
      },
    ]);
  });

  it('prints the lead line once above its steps, and the examples step with its bullets', () => {
    const text = runbookText(view('ApiLatencyHigh.md'));
    expect(text).toContain(
      '  1. Look for common causes, such as:\n     - a slow database query\n     - garbage collection pauses',
    );
    expect(text).toContain('  Work through these checks in order:\n  2. See which endpoints are slow.');
    expect(text.match(/Work through these checks in order:/g)).toHaveLength(1);
  });

  it('prints reference links under their labels, not as mitigation steps', () => {
    const text = runbookText(view('CertificateExpiringSoon.md'));
    expect(text).toContain(
      [
        'Links',
        '  Additional resources',
        '    - Certificate renewal guide for the internal CA <https://example.org/docs/renewal>',
        '    - https://example.org/docs/tls-checklist',
        '  See also',
        "    - The load balancer's TLS settings <https://example.org/docs/lb-tls>",
      ].join('\n'),
    );
    expect(text).not.toMatch(/\d\. .*Certificate renewal guide/);
    const json = runbookJson(view('CertificateExpiringSoon.md'));
    expect(json.mitigation).toHaveLength(2);
    expect(json.links.map((link) => link.label)).toEqual([
      'Additional resources',
      'Additional resources',
      'See also',
      'References',
    ]);
  });

  it('prints the text of sections it has no place for under their headings', () => {
    const text = runbookText(view('PostgresReplicaLagging.md'));
    expect(text).toContain(
      '\nEscalation\n  The database team\'s on-call rota is in the team handbook, under "Paging".',
    );
    expect(text).toContain('\nPostgresReplicaLagging\n  Owned by the database team');
  });

  it('never prints a terminal escape from a remark or a link', () => {
    const runbook = parseRunbook(
      '## Diagnosis\n\n- Check.\n\nIt is \u001b[31mred\u001b[0m.\n\n## See also\n\n- [x\u001b]0;pwned\u0007](https://e.org/\u001b[2J)\n',
    );
    const text = runbookText({ ...view('DiskReadErrors.md'), runbook });
    expect(text.includes('\u001b') || text.includes('\u0007')).toBe(false);
    expect(text).toContain('It is');
  });
});
