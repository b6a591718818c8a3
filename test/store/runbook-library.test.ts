import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { chooseRunbook } from '../../src/core/runbook/match.js';
import { bundledRunbooksDir, runbookFolders } from '../../src/store/runbook-files.js';
import { loadLibrary } from '../../src/store/runbook-library.js';
import { repoRoot } from '../helpers/stack.js';
import { tempDirs } from './temp-dir.js';

const tempDir = tempDirs();

function write(dir: string, relative: string, text: string): string {
  const file = path.join(dir, relative);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
  return file;
}

const body = '## Diagnosis\n- look\n';

describe('bundledRunbooksDir', () => {
  it('finds runbooks/ from the source tree and from the bundle at dist/sitrep.js', () => {
    const expected = path.join(repoRoot, 'runbooks');
    expect(bundledRunbooksDir()).toBe(expected);
    expect(bundledRunbooksDir(pathToFileURL(path.join(repoRoot, 'dist', 'sitrep.js')).href)).toBe(expected);
  });
});

describe('runbookFolders', () => {
  it('puts flag, environment and config folders before the bundled one, relative to cwd, without duplicates', () => {
    const folders = runbookFolders({
      env: { SITREP_RUNBOOK_DIRS: `team${path.delimiter}/srv/shared${path.delimiter}`, HOME: '/home/me' },
      cwd: '/work',
      flagDirs: ['/srv/shared', '~/mine'],
      configDirs: ['/etc/runbooks'],
      bundled: '/opt/sitrep/runbooks',
    });
    expect(folders).toEqual([
      { path: '/srv/shared', tier: 'user' },
      { path: '/home/me/mine', tier: 'user' },
      { path: '/work/team', tier: 'user' },
      { path: '/etc/runbooks', tier: 'user' },
      { path: '/opt/sitrep/runbooks', tier: 'bundled' },
    ]);
  });
});

describe('loadLibrary', () => {
  it('reads runbooks from nested folders, skipping READMEs, hidden files and other files', () => {
    const dir = tempDir();
    write(dir, 'README.md', '# How to write runbooks');
    write(dir, 'db/PostgresDown.md', body);
    write(dir, 'db/deep/er/RedisDown.markdown', body);
    write(dir, '.drafts/Draft.md', body);
    write(dir, 'rules.yml', 'groups: []');
    const library = loadLibrary([{ path: dir, tier: 'user' }]);
    // Sorted by name within each folder: files and folders interleave.
    expect(library.entries.map((e) => e.relativePath)).toEqual([
      'db/deep/er/RedisDown.markdown',
      'db/PostgresDown.md',
    ]);
    expect(library.warnings).toEqual([]);
  });

  it('lets a user folder override a bundled runbook of the same alert', () => {
    const user = tempDir();
    const bundled = tempDir();
    write(bundled, 'haproxy/HaproxyDown.md', `---\nalert: HaproxyDown\n---\n${body}`);
    const mine = write(user, 'HaproxyDown.md', body);
    const library = loadLibrary(runbookFolders({ env: {}, cwd: '/', flagDirs: [user], bundled }));
    const choice = chooseRunbook({ name: 'HaproxyDown', labels: {}, runbookUrl: undefined }, library.entries);
    expect(choice).toMatchObject({ kind: 'file', entry: { path: mine, tier: 'user' } });
  });

  it('reports a missing folder as a warning, and survives a symlink loop and a folder named like a runbook', () => {
    const dir = tempDir();
    write(dir, 'A.md', body);
    fs.symlinkSync(dir, path.join(dir, 'loop'));
    fs.mkdirSync(path.join(dir, 'Broken.md'));
    const library = loadLibrary([
      { path: path.join(dir, 'missing'), tier: 'user' },
      { path: dir, tier: 'user' },
    ]);
    expect(library.entries.map((e) => e.relativePath)).toEqual(['A.md']);
    expect(library.warnings.join('\n')).toContain('does not exist');
  });

  it('parses a binary file into a runbook that says what is wrong, instead of failing', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'Binary.md'), Buffer.from([0, 1, 2, 255, 254, 0, 10, 35, 32, 120]));
    const [entry] = loadLibrary([{ path: dir, tier: 'user' }]).entries;
    expect(entry?.runbook.problems.map((p) => p.message)).toContain(
      'this looks like a binary file, not markdown text; sitrep read what text it could',
    );
  });
});
