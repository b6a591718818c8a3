// replaceFile writes a long text as it is made and puts it in place only when it is complete: an
// error while making it leaves the old file byte for byte, and no temporary file behind.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/core/errors.js';
import { replaceFile, writeFully } from '../../src/store/write-file.js';
import { tempDirs } from './temp-dir.js';

const tempDir = tempDirs();

/** A long text in pieces (a megabyte, more than one write), then a bug while making the rest. */
function* failingPieces(): Generator<string> {
  for (let i = 0; i < 16; i += 1) yield `${String(i).padStart(4, '0')} ${'x'.repeat(64 * 1024)}\n`;
  throw new Error('a bug while making the text');
}

const pieces = (count: number) =>
  Array.from({ length: count }, (_, i) => `line ${i} ${'é'.repeat(i % 7)}\n`.repeat(300));

describe('replaceFile', () => {
  it('leaves an existing file byte for byte, and no temporary file, when making the text fails', () => {
    const dir = tempDir();
    const file = path.join(dir, 'notes.md');
    const old = Buffer.from('# the notes of last week\n\u00e9\u0000\n');
    fs.writeFileSync(file, old, { mode: 0o640 });
    expect(() => replaceFile(file, failingPieces())).toThrow('a bug while making the text');
    expect(fs.readFileSync(file)).toEqual(old);
    expect(fs.readdirSync(dir)).toEqual(['notes.md']);
    expect(fs.statSync(file).mode & 0o777).toBe(0o640);
  });

  it('writes nothing at all for a new file whose text fails', () => {
    const dir = tempDir();
    expect(() => replaceFile(path.join(dir, 'new.md'), failingPieces())).toThrow('a bug');
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('replaces an existing file with the whole text, keeping its permissions', () => {
    const dir = tempDir();
    const file = path.join(dir, 'notes.md');
    fs.writeFileSync(file, 'old text, longer than the new one '.repeat(100_000), { mode: 0o604 });
    const text = pieces(200);
    replaceFile(file, text);
    expect(fs.readFileSync(file, 'utf8')).toBe(text.join(''));
    expect(fs.statSync(file).mode & 0o777).toBe(0o604);
    expect(fs.readdirSync(dir)).toEqual(['notes.md']);
  });

  it('is not blocked by a temporary file a killed export left with this process id', () => {
    const dir = tempDir();
    const file = path.join(dir, 'notes.md');
    fs.writeFileSync(file, 'old');
    const left = path.join(dir, `.notes.md.${process.pid}.tmp`);
    fs.writeFileSync(left, 'half an export');
    replaceFile(file, ['new']);
    expect(fs.readFileSync(file, 'utf8')).toBe('new');
    expect(fs.readdirSync(dir).sort()).toEqual([path.basename(left), 'notes.md']);
  });

  it('gives a new file the mode writeFile gives one', () => {
    const dir = tempDir();
    replaceFile(path.join(dir, 'new.md'), ['a', 'b\n']);
    fs.writeFileSync(path.join(dir, 'plain.md'), 'ab\n');
    expect(fs.readFileSync(path.join(dir, 'new.md'), 'utf8')).toBe('ab\n');
    expect(fs.statSync(path.join(dir, 'new.md')).mode).toBe(fs.statSync(path.join(dir, 'plain.md')).mode);
  });

  it('replaces the file a symbolic link points to, and keeps the link', () => {
    const dir = tempDir();
    fs.mkdirSync(path.join(dir, 'real'));
    const target = path.join(dir, 'real', 'notes.md');
    fs.writeFileSync(target, 'old');
    fs.symlinkSync(target, path.join(dir, 'link.md'));
    replaceFile(path.join(dir, 'link.md'), ['new']);
    expect(fs.lstatSync(path.join(dir, 'link.md')).isSymbolicLink()).toBe(true);
    expect(fs.readFileSync(target, 'utf8')).toBe('new');
    expect(fs.readdirSync(path.join(dir, 'real'))).toEqual(['notes.md']);
  });

  it('writes to what is not a regular file (a named pipe) as it is, never renaming over it', async () => {
    const dir = tempDir();
    const fifo = path.join(dir, 'pipe');
    const copy = path.join(tempDir(), 'copy');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    // Another process reads the pipe: this one's writes wait for it.
    const reader = spawn('sh', ['-c', 'cat "$1" > "$2"', 'sh', fifo, copy], { stdio: 'ignore' });
    const exited = new Promise((resolve) => reader.on('exit', resolve));
    const text = pieces(50);
    replaceFile(fifo, text);
    expect(await exited).toBe(0);
    expect(fs.readFileSync(copy, 'utf8')).toBe(text.join(''));
    expect(fs.statSync(fifo).isFIFO()).toBe(true);
    expect(fs.readdirSync(dir)).toEqual(['pipe']);
  });

  it('reports a file it cannot write as a UserError naming it, and leaves no temporary file', () => {
    const dir = tempDir();
    fs.mkdirSync(path.join(dir, 'folder.md'));
    const attempt = () => replaceFile(path.join(dir, 'folder.md'), ['text']);
    expect(attempt).toThrow(UserError);
    expect(attempt).toThrow(`could not write ${path.join(dir, 'folder.md')}: `);
    expect(() => replaceFile(path.join(dir, 'missing', 'x.md'), ['text'])).toThrow(
      new RegExp(`^could not write ${path.join(dir, 'missing', 'x.md')}: ENOENT`),
    );
    expect(fs.readdirSync(dir)).toEqual(['folder.md']);
  });
});

describe('writeFully', () => {
  it('writes text and bytes whole, however long', () => {
    const file = path.join(tempDir(), 'out');
    const fd = fs.openSync(file, 'w');
    const text = pieces(300).join('');
    expect(writeFully(fd, text)).toBeUndefined();
    expect(writeFully(fd, Buffer.from(text))).toBeUndefined();
    fs.closeSync(fd);
    expect(fs.readFileSync(file, 'utf8')).toBe(text + text);
  });
});
