// The runbook lookup skips the library (and the Markdown parser) when no file may serve the alert:
// scanFolders must then say what loadLibrary would have said, warning for warning, and must not
// miss a file that loadLibrary would parse.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  bundledRunbooksDir,
  folderFiles,
  scanFolders,
  type RunbookFolder,
} from '../../src/store/runbook-files.js';
import { loadLibrary } from '../../src/store/runbook-library.js';
import { tempDirs } from './temp-dir.js';

const newDir = tempDirs();

/** A user folder with one runbook and a link to nothing posing as one, and the bundled runbooks. */
function folders(): RunbookFolder[] {
  const user = newDir();
  fs.writeFileSync(path.join(user, 'DiskFull.md'), '# DiskFull\n\n## Diagnosis\n\n1. Look at the disk.\n');
  // Listed as a runbook by its name, unreadable as one: loadLibrary warns about it.
  fs.symlinkSync(path.join(user, 'nowhere'), path.join(user, 'Dangling.md'));
  const bundled = bundledRunbooksDir();
  if (bundled === undefined) throw new Error('no bundled runbooks');
  return [
    { path: user, tier: 'user' },
    { path: path.join(user, 'missing'), tier: 'user' },
    { path: bundled, tier: 'bundled' },
  ];
}

const servesName = (name: string) => (relativePath: string, text: string) =>
  relativePath.includes(name) || text.includes(name);

describe('scanFolders', () => {
  it('gives loadLibrary’s warnings when no file may serve the alert, and no entry is lost', () => {
    const all = folders();
    const mayServe = servesName('NoSuchAlertAnywhere');
    const scan = scanFolders(all, mayServe);
    const library = loadLibrary(all, mayServe);
    expect(scan.wanted).toBe(false);
    expect(library.entries).toHaveLength(0);
    expect(scan.warnings).toEqual(library.warnings);
    expect(scan.warnings.some((w) => w.includes('missing'))).toBe(true);
    expect(scan.warnings.some((w) => w.includes('Dangling.md'))).toBe(true);
  });

  it('says so when a file may serve the alert, as loadLibrary then parses it', () => {
    const all = folders();
    for (const name of ['DiskFull', 'HaproxyServerConnectionErrors']) {
      const mayServe = servesName(name);
      expect(scanFolders(all, mayServe).wanted).toBe(true);
      expect(loadLibrary(all, mayServe).entries.length).toBeGreaterThan(0);
    }
  });
});

describe('folderFiles', () => {
  it('walks folders in the order given, each one’s files in name order, and is the walk both readers take', () => {
    const first = newDir();
    const second = newDir();
    const names = ['b.md', 'a.md', 'README.md', 'notes.txt', 'sub/c.md', '.hidden/d.md', 'node_modules/e.md'];
    for (const name of names) {
      fs.mkdirSync(path.dirname(path.join(first, name)), { recursive: true });
      fs.writeFileSync(path.join(first, name), '# Runbook\n');
    }
    fs.writeFileSync(path.join(second, 'z.md'), '# Runbook\n');
    const all: RunbookFolder[] = [
      { path: second, tier: 'user' },
      { path: path.join(first, 'missing'), tier: 'user' },
      { path: first, tier: 'user' },
    ];
    const warnings: string[] = [];
    const walked = [...folderFiles(all, warnings)].map((f) => [f.folder.path, f.relativePath]);
    expect(walked).toEqual([
      [second, 'z.md'],
      [first, 'a.md'],
      [first, 'b.md'],
      [first, 'sub/c.md'],
    ]);
    expect(warnings).toEqual([
      `runbook folder ${path.join(first, 'missing')} does not exist or is not a folder`,
    ]);
    // scanFolders and loadLibrary offer the files to `mayServe` in that same order.
    const offered = (read: (mayServe: (relativePath: string) => boolean) => unknown) => {
      const seen: string[] = [];
      read((relativePath) => {
        seen.push(relativePath);
        return false;
      });
      return seen;
    };
    const order = walked.map(([, relativePath]) => relativePath);
    expect(offered((mayServe) => scanFolders(all, mayServe))).toEqual(order);
    expect(offered((mayServe) => loadLibrary(all, mayServe))).toEqual(order);
  });
});
