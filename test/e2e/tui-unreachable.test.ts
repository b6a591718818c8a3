// The real binary in tmux with servers that do not answer: the screen says so in words, claims no
// "nothing firing", honours NO_COLOR, and q gives the terminal back. Needs tmux, not the stack.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers/stack.js';
import { startTmux, type TmuxSession } from '../helpers/tmux.js';

let session: TmuxSession | undefined;
afterEach(() => session?.kill());

function sitrep(extraEnv: Record<string, string> = {}) {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'sitrep-unreachable-'));
  // Port 1 on loopback: nothing listens there, so every request is refused at once.
  session = startTmux([path.join(repoRoot, 'bin', 'sitrep')], {
    cwd: home,
    width: 100,
    height: 20,
    env: {
      SITREP_ALERTMANAGER_URL: 'http://127.0.0.1:1',
      SITREP_PROMETHEUS_URL: 'http://127.0.0.1:1/prometheus',
      XDG_CONFIG_HOME: path.join(home, 'config'),
      XDG_DATA_HOME: path.join(home, 'data'),
      ...extraEnv,
    },
  });
  return session;
}

describe('sitrep in a terminal with no server answering', () => {
  it('says each source is failing and why, and quits cleanly on q', async () => {
    const screen = await sitrep().waitFor((s) => (s.match(/: failing: /g) ?? []).length >= 2);
    expect(screen).toMatch(/alertmanager 127\.0\.0\.1:1: failing: .*connection refused/);
    expect(screen).toContain('no source has answered');
    expect(screen).not.toContain('No alerts firing');
    session?.send(['q']);
    await session?.waitFor(() => session?.exited() === true);
    // Back on the normal screen: the alternate screen's content is gone.
    expect(session?.capture()).not.toContain('no source has answered');
  });

  it('draws no colour under NO_COLOR, and colour without it', async () => {
    // An SGR foreground colour: ESC [ 3x.
    // eslint-disable-next-line no-control-regex
    const colour = /\u001b\[3\d/;
    const plain = sitrep({ NO_COLOR: '1' });
    await plain.waitForText('connection refused');
    expect(plain.captureWithEscapes()).not.toMatch(colour);
    plain.kill();
    const coloured = sitrep();
    await coloured.waitForText('connection refused');
    expect(coloured.captureWithEscapes()).toMatch(colour);
  });

  it('gives the terminal back on SIGTERM', async () => {
    const screen = sitrep();
    await screen.waitForText('no source has answered');
    process.kill(screen.panePid(), 'SIGTERM');
    await screen.waitFor(() => screen.exited());
    expect(screen.capture()).not.toContain('no source has answered');
  });

  it('reflows when the terminal is resized', async () => {
    const screen = sitrep();
    await screen.waitForText('no source has answered');
    screen.resize(60, 20);
    const narrow = await screen.waitFor(
      // Redrawn for the new width: Ink cuts the long source lines itself, with an ellipsis, one
      // column short of the edge (tmux alone would just clip them at 60).
      (s) =>
        s.split('\n').some((line) => line.includes(': failing: ') && line.endsWith('…') && line.length <= 59),
    );
    expect(narrow).toContain('no source has answered');
  });
});
