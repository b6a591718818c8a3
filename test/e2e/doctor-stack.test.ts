// `sitrep doctor` (the built binary) against the real Alertmanager 0.25 and Prometheus 2.42 of the
// shared stack, whose rule files' alerts all have a bundled runbook.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { tempConfigHome } from '../helpers/run-cli.js';
import { repoRoot, sharedStackUrls } from '../helpers/stack.js';

describe.skipIf(process.env['SITREP_TEST_NO_STACK'] === '1')('sitrep doctor on the stack', () => {
  it('finds both servers, their versions and a runbook for every alert rule', async () => {
    const home = tempConfigHome();
    const { stdout } = await promisify(execFile)(
      path.join(repoRoot, 'bin', 'sitrep'),
      [
        'doctor',
        '--alertmanager.url',
        sharedStackUrls.alertmanager,
        '--prometheus.url',
        sharedStackUrls.prometheus,
      ],
      {
        env: { PATH: process.env['PATH'] ?? '', HOME: home, XDG_CONFIG_HOME: home, XDG_DATA_HOME: home },
        timeout: 60_000,
      },
    );
    expect(stdout).toMatch(/^ok {4}alertmanager .*: Alertmanager 0\.25\./m);
    expect(stdout).toMatch(/^ok {4}prometheus .*: Prometheus API 2\.42\./m);
    expect(stdout).toMatch(
      /^ok {4}runbooks: \d+ alert rules in Prometheus; \d+ with a runbook in the folders/m,
    );
    expect(stdout.trimEnd().split('\n').at(-1)).toBe('Nothing wrong.');
  });
});
