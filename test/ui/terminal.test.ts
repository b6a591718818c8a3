// The terminal hand-over pair used by Ctrl-Z and $EDITOR: what each writes, read back from a file
// standing in for the terminal.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { releaseTerminal, takeBackTerminal } from '../../src/ui/terminal.js';

const files: number[] = [];
afterEach(() => {
  for (const fd of files.splice(0)) fs.closeSync(fd);
});

function fakeTerminal() {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'sitrep-terminal-')), 'tty');
  const fd = fs.openSync(file, 'w+');
  files.push(fd);
  const rawModes: boolean[] = [];
  const stdin = {
    isTTY: true,
    setRawMode: (on: boolean) => {
      rawModes.push(on);
      return stdin;
    },
  } as unknown as NodeJS.ReadStream;
  return { fd, stdin, rawModes, written: () => fs.readFileSync(file, 'utf8') };
}

describe('releaseTerminal and takeBackTerminal', () => {
  it('gives the user their own screen, cursor and line editing, then takes the screen back blank', () => {
    const terminal = fakeTerminal();
    releaseTerminal(terminal);
    expect(terminal.rawModes).toEqual([false]);
    const released = terminal.written();
    expect(released).toContain('\u001b[?25h'); // cursor shown
    expect(released).toContain('\u001b[?1049l'); // the user's own screen
    expect(released).toContain('\u001b[?1007l'); // the wheel scrolls their terminal again

    takeBackTerminal(terminal);
    expect(terminal.rawModes).toEqual([false, true]);
    const taken = terminal.written().slice(released.length);
    expect(taken.indexOf('\u001b[?1049h')).toBeLessThan(taken.indexOf('\u001b[2J'));
    expect(taken).toContain('\u001b[?1007h');
    expect(taken).toContain('\u001b[?25l'); // cursor hidden: Ink hides it only once
  });

  it('leaves raw mode alone when the input is not a terminal', () => {
    const terminal = fakeTerminal();
    const stdin = { isTTY: false } as unknown as NodeJS.ReadStream;
    expect(() => {
      releaseTerminal({ stdin, fd: terminal.fd });
      takeBackTerminal({ stdin, fd: terminal.fd });
    }).not.toThrow();
    expect(terminal.written()).toContain('\u001b[?1049h');
  });
});
