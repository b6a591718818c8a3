// `sitrep completion bash` run by a real bash: what <Tab> offers after each kind of word. Alert
// names come from the file the last `sitrep alerts` wrote.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { amAlert, haproxyLabels } from '../helpers/api-fixtures.js';
import { startFaultServer, type FaultServer } from '../helpers/fault-server.js';
import { runCli, tempConfigHome } from '../helpers/run-cli.js';

let am: FaultServer;
let cache = '';
let script = '';
beforeAll(async () => {
  am = await startFaultServer({
    '/api/v2/alerts': {
      kind: 'json',
      body: [
        amAlert(haproxyLabels('web1')),
        amAlert({ alertname: 'DiskFull' }),
        amAlert({ alertname: 'Evil$(touch /tmp/x)' }),
      ],
    },
  });
  cache = tempConfigHome();
  const fetched = await runCli(['alerts', '--alertmanager.url', am.url, '--prometheus.url='], {
    XDG_CONFIG_HOME: tempConfigHome(),
    XDG_CACHE_HOME: cache,
  });
  expect(fetched.code).toBe(0);
  script = path.join(cache, 'sitrep.bash');
  fs.writeFileSync(script, (await runCli(['completion', 'bash'], {})).stdout);
});
afterAll(() => am.close());

// What bash completes for the command line `line` (the cursor at its end).
function complete(line: string): string[] {
  const program = `source "$1"; COMP_WORDS=($2); [[ $2 == *" " ]] && COMP_WORDS+=(""); COMP_CWORD=$((\${#COMP_WORDS[@]} - 1)); _sitrep; printf '%s\\n' "\${COMPREPLY[@]}"`;
  const out = execFileSync('bash', ['-c', program, 'bash', script, line], {
    env: { PATH: process.env['PATH'] ?? '', HOME: cache, XDG_CACHE_HOME: cache },
    encoding: 'utf8',
  });
  return out
    .split('\n')
    .filter((w) => w !== '')
    .sort();
}

describe('sitrep completion bash', () => {
  it('completes commands, global flags and a command’s own flags', () => {
    expect(complete('sitrep ru')).toEqual(['runbook']);
    expect(complete('sitrep do')).toEqual(['doctor']);
    expect(complete('sitrep --alertmanager.url http://x al')).toEqual(['alert', 'alerts']);
    expect(complete('sitrep alerts --sil')).toEqual(['--silenced']);
    expect(complete('sitrep runbook --alertm')).toEqual(['--alertmanager.url']);
    expect(complete('sitrep alerts -o ')).toEqual(['extended', 'json', 'simple', 'wide']);
  });

  it('completes alert names from the last fetch, and only valid ones', () => {
    expect(complete('sitrep runbook ')).toEqual(['DiskFull', 'HaproxyServerConnectionErrors']);
    expect(complete('sitrep --alert Ha')).toEqual(['HaproxyServerConnectionErrors']);
    expect(fs.readFileSync(path.join(cache, 'sitrep', 'alert-names'), 'utf8')).not.toContain('Evil');
  });

  it('prints zsh and fish scripts too, and refuses other shells', async () => {
    const zsh = await runCli(['completion', 'zsh'], {});
    expect(zsh.stdout).toMatch(/^#compdef sitrep\n/);
    expect(zsh.stdout).toContain("'doctor:check the config");
    const fish = await runCli(['completion', 'fish'], {});
    expect(fish.stdout).toContain("complete -c sitrep -n '__fish_seen_subcommand_from alerts' -l silenced");
    expect(fish.stdout).toContain('complete -c sitrep -l alertmanager.url -r');
    const other = await runCli(['completion', 'tcsh'], {});
    expect(other.code).toBe(2);
  });
});
