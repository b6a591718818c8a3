// lookUpRunbook parses only the files that can serve the alert (its name in their text or path),
// and still finds a runbook each way one can name its alert: front matter, a heading, the file
// name, or an annotation that is a path (then every file is a candidate).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lookUpRunbook } from '../../src/sources/runbook-lookup.js';
import { tempDirs } from '../store/temp-dir.js';

const newDir = tempDirs();

const body = (title: string) =>
  `# ${title}\n\n## Meaning\n\nSomething.\n\n## Impact\n\nSome.\n\n## Diagnosis\n\n1. Look.\n\n## Mitigation\n\n1. Fix.\n`;

function folder(files: Record<string, string>): string {
  const dir = newDir();
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

async function lookUp(dir: string, alert: { name: string; runbookUrl?: string }) {
  const env = {
    HOME: dir,
    XDG_CONFIG_HOME: path.join(dir, 'config'),
    XDG_CACHE_HOME: path.join(dir, 'cache'),
  };
  return lookUpRunbook(
    { name: alert.name, labels: { alertname: alert.name }, runbookUrl: alert.runbookUrl },
    { env, cwd: dir },
    { flagDirs: [dir] },
  );
}

describe('lookUpRunbook', () => {
  it('finds the runbook by front matter, heading and file name among unrelated ones', async () => {
    const dir = folder({
      'a/one.md': `---\nalerts: [DiskAlmostFull]\n---\n${body('Disks')}`,
      'b/HostDown.md': body('Hosts'),
      'c/latency.md': body('LatencyHigh'),
      'd/unrelated.md': `---\nalerts: [Other]\n---\n${body('Other')}`,
    });
    const found = async (name: string) => {
      const resolved = await lookUp(dir, { name });
      return resolved.source.kind === 'file' ? path.relative(dir, resolved.source.path) : resolved.matchedBy;
    };
    expect(await found('DiskAlmostFull')).toBe(path.join('a', 'one.md'));
    expect(await found('HostDown')).toBe(path.join('b', 'HostDown.md'));
    expect(await found('LatencyHigh')).toBe(path.join('c', 'latency.md'));
    expect(await found('NeverNamed')).toBe('generic');
  });

  it('follows a runbook annotation that is a path to a file that does not name the alert', async () => {
    const dir = folder({ 'team/playbook.md': body('Playbook') });
    const resolved = await lookUp(dir, { name: 'SomethingElse', runbookUrl: 'team/playbook.md' });
    expect(resolved.source).toMatchObject({ kind: 'file', path: path.join(dir, 'team', 'playbook.md') });
  });
});
