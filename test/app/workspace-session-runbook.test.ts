// The links the workspace offers (o, then Enter hands one to the desktop's opener): a local file
// (a file: link or a bare path) is offered only from a runbook read from disk, never from what a
// server sent, whose links are kept only as http(s) addresses.
import { describe, expect, it } from 'vitest';
import { makeAlert } from '../../src/core/alerts/make-alert.js';
import { parseRunbook } from '../../src/core/runbook/parse-runbook.js';
import type { RunbookSource } from '../../src/core/runbook/runbook.js';
import { workspaceRunbook } from '../../src/app/workspace-session-runbook.js';

const text = [
  '# Evil',
  '',
  '## Diagnosis',
  '',
  '1. Look.',
  '',
  '## See also',
  '',
  '- [notes](file:///tmp/notes.desktop)',
  '- [desktop](/home/u/evil.desktop)',
  '- [next](Next.md)',
  '- [wiki](https://wiki.example/evil)',
  '',
].join('\n');

function alertWith(generatorURL: string) {
  return makeAlert({
    fingerprint: '1',
    labels: { alertname: 'Evil' },
    annotations: {},
    state: 'active',
    startsAt: '2026-11-26T03:00:00.000Z',
    generatorURL,
    origin: { kind: 'alertmanager', source: 'am' },
  });
}

function links(source: RunbookSource, generatorURL: string): readonly string[] {
  return workspaceRunbook({ runbook: parseRunbook(text), source, text }, alertWith(generatorURL), undefined)
    .links;
}

describe('the workspace runbook links', () => {
  it("drops a file: link from the alert's generatorURL and from a runbook fetched by URL", () => {
    const fetched: RunbookSource = { kind: 'url', url: 'https://runbooks.example/Evil.md', cached: false };
    // A bare path in the fetched runbook becomes a page on the runbook's own server, as a browser
    // reads it, never a local file.
    expect(links(fetched, 'file:///tmp/evil.desktop')).toEqual([
      'https://runbooks.example/Evil.md',
      'https://runbooks.example/home/u/evil.desktop',
      'https://runbooks.example/Next.md',
      'https://wiki.example/evil',
    ]);
    expect(links(fetched, '/tmp/evil.desktop')).not.toContain('/tmp/evil.desktop');
  });

  it("keeps a runbook file's own file: links and an http generatorURL", () => {
    const local: RunbookSource = { kind: 'file', path: '/srv/runbooks/Evil.md' };
    expect(links(local, 'http://prometheus:9090/graph?g0.expr=up')).toEqual([
      '/srv/runbooks/Evil.md',
      'http://prometheus:9090/graph?g0.expr=up',
      'file:///tmp/notes.desktop',
      '/home/u/evil.desktop',
      'Next.md',
      'https://wiki.example/evil',
    ]);
  });
});
