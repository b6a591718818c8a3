// $EDITOR from inside the screen: the screen steps aside first and comes back after, the editor
// gets the file as one argument, and a failing editor is reported in words.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { editorCommand, terminalEditor } from '../../src/app/editor.js';

const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((d) => fs.rm(d, { recursive: true, force: true })));
});

async function tempDir() {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'sitrep editor '));
  dirs.push(dir);
  return dir;
}

describe('terminalEditor', () => {
  it('chooses $VISUAL, then $EDITOR, then vi', () => {
    expect(editorCommand({ VISUAL: 'nano', EDITOR: 'ed' })).toBe('nano');
    expect(editorCommand({ VISUAL: ' ', EDITOR: 'ed' })).toBe('ed');
    expect(editorCommand({})).toBe('vi');
  });

  it('suspends the screen, runs the editor on the file (a path with spaces), then resumes', async () => {
    const dir = await tempDir();
    const file = path.join(dir, 'My Runbook.md');
    await fs.writeFile(file, '# Runbook\n');
    const steps: string[] = [];
    const edit = terminalEditor(
      { PATH: process.env.PATH, EDITOR: `sh -c 'printf "edited\\n" >> "$1"' editor` },
      { suspend: () => steps.push('suspend'), resume: () => steps.push('resume') },
    );
    expect(await edit(file)).toEqual({ ok: true });
    expect(steps).toEqual(['suspend', 'resume']);
    expect(await fs.readFile(file, 'utf8')).toBe('# Runbook\nedited\n');
  });

  it('says how the editor failed, and resumes the screen all the same', async () => {
    const dir = await tempDir();
    const file = path.join(dir, 'r.md');
    await fs.writeFile(file, '');
    const steps: string[] = [];
    const screen = { suspend: () => steps.push('suspend'), resume: () => steps.push('resume') };
    const failing = terminalEditor({ PATH: process.env.PATH, VISUAL: 'false' }, screen);
    expect(await failing(file)).toEqual({ ok: false, problem: 'false exited with status 1' });
    const missing = terminalEditor({ PATH: process.env.PATH, VISUAL: 'no-such-editor-here' }, screen);
    expect((await missing(file)).problem).toBe('no-such-editor-here was not found');
    expect(steps).toEqual(['suspend', 'resume', 'suspend', 'resume']);
  });
});
