// The platform opener: started detached with the link as its one argument when there is a display;
// otherwise not started, with the reason in words.
import { existsSync, readFileSync } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openerFor, platformOpener } from '../../src/app/opener.js';
import { pollFor } from '../helpers/poll.js';

const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((d) => fs.rm(d, { recursive: true, force: true })));
});

describe('platform opener', () => {
  it('picks xdg-open with a display on Linux, open on macOS, and says why not otherwise', () => {
    expect(openerFor('linux', { DISPLAY: ':0' })).toEqual({ command: 'xdg-open' });
    expect(openerFor('linux', { WAYLAND_DISPLAY: 'wayland-0' })).toEqual({ command: 'xdg-open' });
    expect(openerFor('darwin', {})).toEqual({ command: 'open' });
    expect(openerFor('linux', { DISPLAY: '' })).toEqual({
      reason: 'no display (neither DISPLAY nor WAYLAND_DISPLAY is set)',
    });
  });

  it('runs xdg-open with the link whole as its one argument', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'sitrep-opener-'));
    dirs.push(dir);
    const record = path.join(dir, 'opened.txt');
    // A stand-in xdg-open that writes down what it was asked to open.
    await fs.writeFile(path.join(dir, 'xdg-open'), `#!/bin/sh\nprintf '%s' "$1" > '${record}'\n`, {
      mode: 0o755,
    });
    const url = 'http://prometheus.test:9090/graph?g0.expr=rate%28x%5B1m%5D%29&g0.range_input=30m';
    const outcome = await platformOpener('linux', { DISPLAY: ':0', PATH: `${dir}:/usr/bin:/bin` })(url);
    expect(outcome).toEqual({ opened: true });
    const written = await pollFor(
      () => (existsSync(record) ? readFileSync(record, 'utf8') : ''),
      (text) => text !== '',
      { timeoutMs: 10_000, intervalMs: 20, describe: () => 'xdg-open never ran' },
    );
    expect(written).toBe(url);
  });

  it('hands no option-like or control-character link to the opener', async () => {
    const open = platformOpener('linux', { DISPLAY: ':0', PATH: '/nonexistent' });
    for (const link of ['--help', 'http://x/\u001b]52;c;eA==\u0007']) {
      expect(await open(link)).toEqual({
        opened: false,
        reason: 'the link is not one sitrep will hand to an opener',
      });
    }
  });

  it('opens only http(s) links and files, never a scheme another program handles', async () => {
    const open = platformOpener('linux', { DISPLAY: ':0', PATH: '/nonexistent' });
    for (const [link, scheme] of [
      ['ssh://attacker.example', 'ssh'],
      ['javascript:alert(1)', 'javascript'],
      ['SMB://share/x', 'smb'],
    ]) {
      expect(await open(link ?? '')).toEqual({
        opened: false,
        reason: `sitrep opens only http(s) links and files, not ${scheme ?? ''}:`,
      });
    }
    // A relative runbook path has no scheme: it gets as far as the (missing) opener.
    expect((await open('runbooks/haproxy/X.md')).reason).toMatch(/xdg-open could not start/);
  });

  it('reports an opener that cannot start', async () => {
    const outcome = await platformOpener('linux', { DISPLAY: ':0', PATH: '/nonexistent' })('http://x');
    expect(outcome.opened).toBe(false);
    expect(outcome.reason).toMatch(/xdg-open could not start/);
  });
});
