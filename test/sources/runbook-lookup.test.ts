// lookUpRunbook parses only the files that can serve the alert (its name in their text or path),
// and still finds a runbook each way one can name its alert: front matter, a heading, the file
// name, or an annotation that is a path (then every file is a candidate).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openRunbookLibrary } from '../../src/sources/runbook-library-open.js';
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

describe('the config file, as the lookup and the library read it', () => {
  it('takes its runbooks.dirs when there is a file, and goes by flags and environment without one or when it is broken', async () => {
    const dir = folder({ 'team/DiskAlmostFull.md': body('DiskAlmostFull') });
    const env = {
      HOME: dir,
      XDG_CONFIG_HOME: path.join(dir, 'config'),
      XDG_CACHE_HOME: path.join(dir, 'cache'),
    };
    const file = path.join(dir, 'config', 'sitrep', 'config.yml');
    const place = { env, cwd: dir };
    // What each reader finds of the team's runbook, for each state of the config file.
    const seen = async () => {
      const resolved = await lookUpRunbook(
        { name: 'DiskAlmostFull', labels: { alertname: 'DiskAlmostFull' }, runbookUrl: undefined },
        place,
      );
      const library = await openRunbookLibrary(place);
      return {
        lookup: resolved.source.kind === 'file' ? resolved.source.path : resolved.matchedBy,
        library: library.entries.filter((e) => e.tier === 'user').map((e) => e.path),
      };
    };
    const team = path.join(dir, 'team', 'DiskAlmostFull.md');
    const none = { lookup: 'generic', library: [] };
    expect(await seen()).toEqual(none);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, `runbooks:\n  dirs: [${path.join(dir, 'team')}]\n`);
    expect(await seen()).toEqual({ lookup: team, library: [team] });
    fs.writeFileSync(file, 'runbooks: [\n');
    expect(await seen()).toEqual(none);
  });
});
