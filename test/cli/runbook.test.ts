// `sitrep runbook` in-process, on the bundled runbooks, fixtures and temporary runbook folders.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { startFaultServer } from '../helpers/fault-server.js';
import { runCli, tempConfigHome } from '../helpers/run-cli.js';
import { repoRoot } from '../helpers/stack.js';

function env(extra: Record<string, string> = {}): Record<string, string> {
  const home = tempConfigHome();
  return { HOME: home, XDG_CONFIG_HOME: home, XDG_CACHE_HOME: home, ...extra };
}

interface RunbookJson {
  version: number;
  source: { kind: string; path?: string; matchedBy: string };
  title: string;
  diagnosis: {
    id: string;
    number: number;
    text: string;
    probes: { template: string; query: string | null; unrunnable: string | null }[];
  }[];
  mitigation: { group: string | null }[];
  problems: { severity: string; message: string; line: number | null }[];
}

describe('sitrep runbook', () => {
  it('prints the bundled runbook as a numbered checklist with each probe filled in, and its source', async () => {
    const result = await runCli(
      ['runbook', 'HaproxyServerConnectionErrors', '--label', 'server=web1'],
      env(),
    );
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(
      `source: ${path.join(repoRoot, 'runbooks', 'haproxy', 'HaproxyServerConnectionErrors.md')} (its front matter names the alert)`,
    );
    expect(result.stdout).toMatch(/\nDiagnosis\n {2}1\. /);
    expect(result.stdout).toContain('haproxy_server_connection_errors_total{server="web1"}');
    expect(result.stdout).not.toContain('{{ $labels.server }}');
  });

  it('writes ranges as durations and leaves out a unit of "none"', async () => {
    const result = await runCli(
      ['runbook', 'HaproxyServerConnectionErrors', '--label', 'server=web1'],
      env(),
    );
    expect(result.stdout).toContain(
      'probe: Current state of the server (1 marks the active state) (variant builtin, range 1 h)',
    );
    expect(result.stdout).toContain('(variant builtin, warn > 50, crit > 100, range 30 min, req/s)');
    expect(result.stdout).not.toMatch(/\bnone\b/);
  });

  it('escapes a hostile label value for PromQL and for the terminal', async () => {
    const result = await runCli(
      ['runbook', 'HaproxyServerConnectionErrors', '--label', 'server=we"b\u001b[2J'],
      env(),
    );
    expect(result.stdout).toContain('{server="we\\"b\\u001b[2J"}');
    expect(result.stdout).not.toContain('\u001b');
  });

  it('says which label a probe needs when it is not given', async () => {
    const result = await runCli(['runbook', 'HaproxyServerConnectionErrors'], env());
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('cannot run: the alert has no label "server", which this probe needs');
  });

  it('--json gives the documented shape', async () => {
    const result = await runCli(
      ['runbook', 'HaproxyServerConnectionErrors', '--label', 'server=web1', '--json'],
      env(),
    );
    const doc = JSON.parse(result.stdout) as RunbookJson;
    expect(doc).toMatchObject({
      version: 1,
      source: { kind: 'file', matchedBy: 'front-matter' },
      title: 'HaproxyServerConnectionErrors',
    });
    expect(doc.diagnosis[0]).toMatchObject({ id: 'diagnosis-1', number: 1 });
    const probe = doc.diagnosis[0]?.probes[0];
    expect(probe?.template).toContain('{{ $labels.server }}');
    expect(probe?.query).toContain('server="web1"');
    expect(probe?.unrunnable).toBeNull();
    expect(doc.mitigation.map((s) => s.group)).toContain('Immediate');
  });

  it('--file shows one file and the problems found in it', async () => {
    const file = path.join(repoRoot, 'test', 'fixtures', 'runbooks', 'uneven.md');
    const result = await runCli(['runbook', '--file', file, '--json'], env());
    const doc = JSON.parse(result.stdout) as RunbookJson;
    expect(doc.source).toEqual({ kind: 'file', path: file, matchedBy: 'file-flag' });
    expect(doc.diagnosis.map((s) => s.text)).toHaveLength(2);
    expect(doc.diagnosis[0]?.probes[0]?.unrunnable).toContain('"job"');
    expect(doc.problems.map((p) => p.message)).toContain('no Impact section');
  });

  it('opens the generic runbook for an alert nobody wrote one for', async () => {
    const result = await runCli(['runbook', 'NobodyWroteThis', '--label', 'job=api'], env());
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('source: built-in generic runbook');
    expect(result.stdout).toContain('changes(process_start_time_seconds{job="api"}[1h])');
  });

  it('prefers a runbook from SITREP_RUNBOOK_DIRS over the bundled one', async () => {
    const dir = tempConfigHome();
    fs.writeFileSync(
      path.join(dir, 'HaproxyServerConnectionErrors.md'),
      '# Ours\n\n## Diagnosis\n\n1. Call the network team.\n',
    );
    const result = await runCli(
      ['runbook', 'HaproxyServerConnectionErrors'],
      env({ SITREP_RUNBOOK_DIRS: dir }),
    );
    expect(result.stdout).toContain(
      `source: ${path.join(dir, 'HaproxyServerConnectionErrors.md')} (its file name is the alert name)`,
    );
    expect(result.stdout).toContain('1. Call the network team.');
  });

  it('fetches a runbook URL only from an allowed host, and otherwise says how to allow it (issue #11, defect 10)', async () => {
    const wiki = await startFaultServer({
      '/rb/Down.md': {
        kind: 'text',
        body: '# Down\n\n## Diagnosis\n\n1. From the wiki.\n',
        contentType: 'text/markdown',
      },
    });
    try {
      const url = `${wiki.url}/rb/Down.md`;
      const host = wiki.url.replace('http://', '');
      const args = ['runbook', 'Down', '--runbook-url', url, '--allow-http'];
      const refused = await runCli(args, env());
      expect(refused.code).toBe(0);
      expect(wiki.requests).toHaveLength(0); // no connection at all
      expect(refused.stdout).toContain('source: built-in generic runbook');
      expect(refused.stdout).toContain(
        `note: the runbook at ${url} was not fetched: ${host} is not an allowed runbook host. To allow it: \`sitrep config set runbooks.allowed_hosts ${host}\``,
      );

      const byFlag = await runCli([...args, '--runbooks.allowed-host', '127.0.0.1'], env());
      expect(byFlag.stdout).toContain('1. From the wiki.');
      const byEnv = await runCli(args, env({ SITREP_RUNBOOK_ALLOWED_HOSTS: `other.example, ${host}` }));
      expect(byEnv.stdout).toContain('1. From the wiki.');
      const home = env();
      expect((await runCli(['config', 'set', 'runbooks.allowed_hosts', '127.0.0.1'], home)).code).toBe(0);
      expect((await runCli(args, home)).stdout).toContain('1. From the wiki.');
      expect(wiki.requests).toHaveLength(3);
    } finally {
      await wiki.close();
    }
  });

  it('follows a relative runbook annotation into the runbook folders', async () => {
    const result = await runCli(
      ['runbook', 'SomeOtherName', '--runbook-url', 'haproxy/HaproxyDown.md', '--json'],
      env(),
    );
    const doc = JSON.parse(result.stdout) as RunbookJson;
    expect(doc.source).toMatchObject({ kind: 'file', matchedBy: 'annotation' });
    expect(doc.source.path).toBe(path.join(repoRoot, 'runbooks', 'haproxy', 'HaproxyDown.md'));
  });

  it('bad usage exits 2, an unreadable file exits 1', async () => {
    const noName = await runCli(['runbook'], env());
    expect(noName.code).toBe(2);
    expect(noName.stderr).toContain('runbook: which alert?');
    const badLabel = await runCli(['runbook', 'X', '--label', 'nonsense'], env());
    expect(badLabel.code).toBe(2);
    expect(badLabel.stderr).toContain('runbook: --label "nonsense" is not NAME=VALUE');
    const missing = await runCli(['runbook', '--file', '/nonexistent/x.md'], env());
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('cannot read runbook /nonexistent/x.md: it does not exist');
  });
});
