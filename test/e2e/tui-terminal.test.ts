// The real binary in tmux, as a terminal treats it: resizing leaves no stale rows (the screen is
// what a fresh start at that size draws), Ctrl-L repaints over whatever scribbled on the screen,
// and Ctrl-Z stops to the shell and `fg` brings the screen back with keys working. A fault server
// stands in for Alertmanager (a screenful of alerts with long labels); no stack needed.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { amAlert } from '../helpers/api-fixtures.js';
import { refusedUrl, startFaultServer, type FaultServer } from '../helpers/fault-server.js';
import { repoRoot } from '../helpers/stack.js';
import { startTmux, type TmuxSession } from '../helpers/tmux.js';

let alertmanager: FaultServer;
let prometheusUrl: string;
const sessions: TmuxSession[] = [];

/**
 * `count` alerts with long label values: at 160 columns a row is wider than 120 and 80, so a
 * narrower terminal wraps any line drawn for the old width.
 */
function longAlerts(count: number) {
  return Array.from({ length: count }, (_, i) =>
    amAlert(
      {
        alertname: `TerminalCheck${String(i).padStart(2, '0')}`,
        severity: i % 3 === 0 ? 'critical' : 'warning',
        instance: `host-${i}.${'long-domain-part.'.repeat(6)}example`,
      },
      { startsAt: '2024-05-01T10:00:00.000Z' },
    ),
  );
}

beforeAll(async () => {
  alertmanager = await startFaultServer({ '/api/v2/alerts': { kind: 'json', body: longAlerts(60) } });
  prometheusUrl = await refusedUrl();
});
afterAll(async () => {
  await alertmanager.close();
});
afterEach(() => {
  for (const session of sessions.splice(0)) session.kill();
});

function environment(): Record<string, string> {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'sitrep-terminal-'));
  return {
    SITREP_ALERTMANAGER_URL: alertmanager.url,
    SITREP_PROMETHEUS_URL: prometheusUrl,
    XDG_CONFIG_HOME: path.join(home, 'config'),
    XDG_DATA_HOME: path.join(home, 'data'),
    HOME: home,
  };
}

const sitrepBin = path.join(repoRoot, 'bin', 'sitrep');
/** Both sources have had their say (Prometheus refuses) and no refresh is under way. */
const loaded = (screen: string) =>
  screen.includes('TerminalCheck00') &&
  /prometheus .*: failing/.test(screen) &&
  !/refreshing|loading/.test(screen);

/** sitrep started straight in a terminal of this size. */
async function sitrepAt(width: number, height: number): Promise<TmuxSession> {
  const session = startTmux([sitrepBin], { cwd: os.tmpdir(), width, height, env: environment() });
  sessions.push(session);
  await session.waitFor(loaded);
  return session;
}

/** The screen without what changes by itself: how long ago each source answered. */
const steady = (screen: string) => screen.replace(/updated [\w .]+ ago/g, 'updated … ago');

/** What a fresh start at this size draws, once it has loaded. */
async function freshScreen(width: number, height: number): Promise<string> {
  const session = await sitrepAt(width, height);
  const screen = steady(session.capture());
  session.kill();
  return screen;
}

describe('sitrep in a resized, scribbled-on and suspended terminal', () => {
  // A screen shorter than the terminal (Ink erases it by its own line count) and a full one.
  it.each([4, 60])('leaves no stale rows after 160×50 → 120×40 → 80×24 (%i alerts)', async (count) => {
    alertmanager.route('/api/v2/alerts', { kind: 'json', body: longAlerts(count) });
    const screen = await sitrepAt(160, 50);
    for (const [width, height] of [
      [120, 40],
      [80, 24],
    ] as const) {
      const expected = await freshScreen(width, height);
      expect(expected.match(/^sitrep · /gm)).toHaveLength(1);
      screen.resize(width, height);
      // On a timeout, the comparison below shows the difference line by line.
      await screen.waitFor((now) => steady(now) === expected, { timeout: 10_000 }).catch(() => undefined);
      expect(steady(screen.capture())).toBe(expected);
    }
  });

  it('repaints the whole screen on Ctrl-L', async () => {
    const screen = await sitrepAt(100, 30);
    const before = steady(screen.capture());
    // Something else writes to the terminal (a background job, `wall`): it lands over the screen.
    const tty = execFileSync('tmux', ['display-message', '-p', '-t', screen.name, '#{pane_tty}'], {
      encoding: 'utf8',
    }).trim();
    fs.writeFileSync(tty, '\u001b[5;1HSCRIBBLED OVER THE SCREEN');
    await screen.waitForText('SCRIBBLED');
    screen.send(['C-l']);
    await screen.waitFor((now) => steady(now) === before, { timeout: 10_000 });
  });

  it('stops to the shell on Ctrl-Z and comes back whole on fg, keys still working', async () => {
    const shell = startTmux(['bash', '--norc', '--noprofile', '-i'], {
      cwd: os.tmpdir(),
      width: 100,
      height: 30,
      env: { ...environment(), PS1: 'test-shell$ ' },
    });
    sessions.push(shell);
    await shell.waitForText('test-shell$');
    shell.send([`${sitrepBin}`], { literal: true });
    shell.send(['Enter']);
    const before = steady(await shell.waitFor(loaded));

    shell.send(['C-z']);
    const stopped = await shell.waitFor((now) => /Stopped/.test(now) && /^test-shell\$\s*$/m.test(now));
    // The user's own screen, not the alternate one: no sitrep rows on it.
    expect(stopped).not.toContain('TerminalCheck00');
    // The shell's terminal is cooked again: it echoes what is typed and runs it on Enter.
    shell.send(['echo typed-$((6*7))'], { literal: true });
    shell.send(['Enter']);
    await shell.waitForText('typed-42');

    shell.send(['fg'], { literal: true });
    shell.send(['Enter']);
    await shell.waitFor((now) => steady(now) === before, { timeout: 10_000 });
    shell.send(['?']);
    await shell.waitForText('Keys (? or esc closes this help)');
    shell.send(['Escape', 'q']);
    await shell.waitFor((now) => now.includes('typed-42') && /^test-shell\$\s*$/m.test(now));
  });
});
