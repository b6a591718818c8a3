// Hostile alerts in the real Alertmanager: escape sequences (7-bit and 8-bit C1 forms), BEL, bidi
// and zero-width characters and 10 kB values in labels and annotations. The real binary runs in
// tmux, and `tmux pipe-pane` records the raw bytes Ink writes (not the pane tmux shows, which has
// already interpreted them): none of the hostile bytes may be there, only Ink's own colour codes and
// cursor moves. `sitrep alerts` prints none of them either.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pollFor } from '../helpers/poll.js';
import { repoRoot, sharedStackUrls } from '../helpers/stack.js';
import { sitrepTestEnv, startTmux, type TmuxSession } from '../helpers/tmux.js';

const skip = process.env.SITREP_TEST_NO_STACK === '1';
const run = `r${process.pid}x${Date.now()}`;
const long = 'Z'.repeat(10_000);
// Every kind of hostile text, each piece marked so a leak is easy to spot in a failure message.
const hostile = [
  '\u001b[5mblink\u001b[8mhide\u001b[0m',
  '\u001b]0;pwned-title\u0007',
  '\u009d0;pwned-c1-title\u009c',
  '\u009b31mc1-csi',
  '\u001b[6n',
  '\u0007\u0007bell',
  'rtl\u202eevil\u202c',
  'marks\u200e\u200f\u061c',
  'zero\u200bwidth\u200d\ufeff',
  '\u0090dcs\u009c',
].join(' ');
const alertname = `Hostile\u001b[31m${run}\u202e\u0007`;

function hostileAlert(instance: string, severity: string) {
  const now = Date.now();
  return {
    labels: { alertname, severity, instance, sitrep_run: run, detail: `${hostile} ${long}` },
    annotations: { summary: `summary ${hostile}`, description: long },
    startsAt: new Date(now - 60_000).toISOString(),
    endsAt: new Date(now + 600_000).toISOString(),
    generatorURL: 'http://127.0.0.1/hostile',
  };
}

const alerts = [hostileAlert('one', `critical${hostile}`), hostileAlert('two', `sev${long}`)];

async function postAlerts(body: unknown[]): Promise<void> {
  const response = await fetch(`${sharedStackUrls.alertmanager}/api/v2/alerts`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`Alertmanager answered ${response.status}: ${await response.text()}`);
}

// What Ink itself writes: SGR colour and style codes (no blink 5, no hidden 8), cursor moves and
// erases, and the private modes for the cursor, the alternate screen and synchronized output.
// eslint-disable-next-line no-control-regex
const escapeSequence = /\u001b(?:\[[0-?]*[ -/]*[@-~]|[\s\S]?)/g;
// eslint-disable-next-line no-control-regex
const inkSequence = /^\u001b\[(?:[0-9;]*[ABCDEFGHKJ]|\?(?:25|1007|1049|2004|1004|2026)[hl])$/;
// eslint-disable-next-line no-control-regex
const sgrSequence = /^\u001b\[([0-9;]*)m$/;
const allowedSgr = new Set([0, 1, 2, 3, 4, 7, 9, 22, 23, 24, 27, 29, 39, 49]);

function isInkSequence(sequence: string): boolean {
  if (inkSequence.test(sequence)) return true;
  const sgr = sgrSequence.exec(sequence);
  if (sgr === null) return false;
  return (sgr[1] ?? '')
    .split(';')
    .map((p) => (p === '' ? 0 : Number(p)))
    .every((p) => allowedSgr.has(p) || (p >= 30 && p <= 37) || (p >= 40 && p <= 47) || (p >= 90 && p <= 97));
}

/** Every problem in `text` (raw terminal output): hostile sequences and characters, in words. */
function hostileBytes(text: string): string[] {
  const problems = [...text.matchAll(escapeSequence)]
    .map((m) => m[0])
    .filter((sequence) => !isInkSequence(sequence))
    .map((sequence) => `escape sequence ${JSON.stringify(sequence)}`);
  const characters: [RegExp, string][] = [
    // eslint-disable-next-line no-control-regex
    [/\u0007/, 'BEL'],
    // eslint-disable-next-line no-control-regex
    [/[\u0000-\u0006\u000e-\u001a\u001c-\u001f\u007f]/, 'a C0 control'],
    [/[\u0080-\u009f]/, 'a C1 control'],
    [/[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/, 'a bidi control'],
    [/[\u200b-\u200d\u2060\ufeff]/, 'a zero-width character'],
    [/z{200}/i, 'an uncut 10 kB value'],
    [/pwned/, 'an OSC title'],
  ];
  for (const [pattern, name] of characters) if (pattern.test(text)) problems.push(name);
  return [...new Set(problems)];
}

describe.skipIf(skip)('hostile text from the real Alertmanager', () => {
  let home = '';
  let session: TmuxSession | undefined;

  beforeAll(async () => {
    home = fs.mkdtempSync(path.join(os.tmpdir(), 'sitrep-hostile-'));
    await postAlerts(alerts);
  });

  afterAll(async () => {
    session?.kill();
    // Resolve the alerts so no other test sees them.
    const now = new Date().toISOString();
    await postAlerts(alerts.map((a) => ({ ...a, endsAt: now })));
  });

  it('the hostile text check finds what it looks for', () => {
    expect(hostileBytes(`a${hostile}${long}`)).toEqual(
      expect.arrayContaining([
        'escape sequence "\\u001b[5m"',
        'escape sequence "\\u001b]"',
        'BEL',
        'a C1 control',
        'a bidi control',
        'a zero-width character',
        'an uncut 10 kB value',
      ]),
    );
    expect(hostileBytes('\u001b[31m\u001b[1;2mred\u001b[39m\u001b[2K\u001b[1A\u001b[G\u001b[?25l')).toEqual(
      [],
    );
  });

  it('writes none of it to the terminal: inbox, expanded group, workspace', async () => {
    const recording = path.join(home, 'raw-output');
    fs.writeFileSync(recording, '');
    // The program waits for a line on stdin, so the recording is in place before Ink draws.
    session = startTmux(['sh', '-c', 'read _ready; exec "$0"', path.join(repoRoot, 'bin', 'sitrep')], {
      cwd: home,
      width: 120,
      height: 40,
      env: {
        ...sitrepTestEnv(home, {
          alertmanager: sharedStackUrls.alertmanager,
          prometheus: sharedStackUrls.prometheus,
        }),
      },
    });
    await promisify(execFile)('tmux', ['pipe-pane', '-o', '-t', session.name, `cat >> '${recording}'`]);
    session.send(['Enter']);
    const tui = session;
    await tui.waitForText('Hostile');
    tui.send(['/']);
    tui.send([`sitrep_run="${run}"`], { literal: true });
    tui.send(['Enter']);
    await tui.waitFor((screen) => screen.includes('filter: sitrep_run') && screen.includes('2 alerts'));
    if (!tui.capture().includes('▾')) tui.send(['Space']);
    await tui.waitFor((screen) => screen.includes('▾') && screen.split('Hostile').length === 4);
    const inbox = tui.capture();
    // The 10 kB severity and label are cut to their column: one screen, the header on top.
    expect(inbox.split('\n')[0]).toMatch(/^sitrep/);
    expect(inbox).toContain('Hostile');
    tui.send(['Down', 'Enter']);
    await tui.waitFor((screen) => screen.includes('Hostile') && /runbook|Runbook/.test(screen));
    tui.send(['Escape']);
    await tui.waitForText('2 alerts');
    tui.send(['q']);
    await tui.waitFor(() => tui.exited());
    const raw = await pollFor(
      () => fs.readFileSync(recording, 'utf8'),
      (text) => text.includes('Hostile'),
      { timeoutMs: 10_000, intervalMs: 100, describe: () => 'nothing recorded from the pane' },
    );
    expect(hostileBytes(raw)).toEqual([]);
    // Ink did draw in colour, so the whitelist was exercised.
    // eslint-disable-next-line no-control-regex
    expect(raw).toMatch(/\u001b\[3\dm/);
  });

  it('prints none of it in `sitrep alerts`, simple and extended', async () => {
    for (const output of ['simple', 'extended']) {
      const { stdout } = await promisify(execFile)(
        path.join(repoRoot, 'bin', 'sitrep'),
        ['alerts', '-o', output, '--filter', `sitrep_run="${run}"`],
        {
          env: {
            ...process.env,
            SITREP_ALERTMANAGER_URL: sharedStackUrls.alertmanager,
            SITREP_PROMETHEUS_URL: sharedStackUrls.prometheus,
            XDG_CONFIG_HOME: path.join(home, 'config'),
          },
        },
      );
      expect(stdout).toContain('Hostile');
      expect(stdout.trimEnd().split('\n')).toHaveLength(3);
      expect(hostileBytes(stdout), output).toEqual([]);
    }
  });

  it('escapes all of it in `sitrep alerts -o json`, which keeps the data whole', async () => {
    const { stdout } = await promisify(execFile)(
      path.join(repoRoot, 'bin', 'sitrep'),
      ['alerts', '-o', 'json', '--filter', `sitrep_run="${run}"`],
      {
        env: {
          ...process.env,
          SITREP_ALERTMANAGER_URL: sharedStackUrls.alertmanager,
          SITREP_PROMETHEUS_URL: sharedStackUrls.prometheus,
          XDG_CONFIG_HOME: path.join(home, 'config'),
        },
        maxBuffer: 16 * 1024 * 1024,
      },
    );
    expect(stdout).not.toMatch(
      // eslint-disable-next-line no-control-regex
      /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\u200b-\u200f\u061c\ufeff]/,
    );
    const doc = JSON.parse(stdout) as { alerts: { labels: Record<string, string> }[] };
    expect(doc.alerts.map((a) => a.labels['alertname'])).toEqual([alertname, alertname]);
  });
});
