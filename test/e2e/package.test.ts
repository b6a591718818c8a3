// The package as a user installs it: `npm pack`, then `npm install -g` of the tarball into a temp
// prefix with no network, then the installed `sitrep` against the shared stack. Packing runs in a
// copy of the repository, so the build it makes never replaces the dist/ other tests are running.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AlertsJson } from '../../src/core/alerts/alert-json.js';
import { repoRoot, sharedStackUrls } from '../helpers/stack.js';

const run = promisify(execFile);
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'sitrep-package-'));
const copy = path.join(work, 'repo');
const prefix = path.join(work, 'prefix');
const pkg = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as {
  version: string;
  scripts: Record<string, string>;
};
let tarball = '';
let files: string[] = [];

async function npm(args: string[], cwd: string) {
  // An empty cache and an unreachable registry: anything that needs the network fails.
  const env = {
    ...process.env,
    npm_config_cache: path.join(work, 'npm-cache'),
    npm_config_registry: 'http://127.0.0.1:9/',
    npm_config_update_notifier: 'false',
    npm_config_fund: 'false',
    npm_config_audit: 'false',
  };
  return run('npm', args, { cwd, env, timeout: 240_000, maxBuffer: 16 * 1024 * 1024 });
}

beforeAll(async () => {
  fs.mkdirSync(copy);
  for (const entry of [
    'package.json',
    'package-lock.json',
    'README.md',
    'tsconfig.json',
    'bin',
    'runbooks',
    'scripts',
    'src',
  ])
    fs.cpSync(path.join(repoRoot, entry), path.join(copy, entry), { recursive: true });
  fs.symlinkSync(path.join(repoRoot, 'node_modules'), path.join(copy, 'node_modules'));
  const { stdout } = await npm(['pack', '--json', '--pack-destination', work], copy);
  const [report] = JSON.parse(stdout) as [{ filename: string; files: { path: string }[] }];
  tarball = path.join(work, report.filename);
  files = report.files.map((f) => f.path).sort();
  await npm(['install', '-g', '--offline', '--prefix', prefix, tarball], work);
}, 300_000);

describe('the packed package', () => {
  it('holds the bundle, the runbooks with their README, the licences, and no source maps', () => {
    expect(files).toContain('bin/sitrep');
    expect(files).toContain('dist/sitrep.js');
    // The screen's feed polls in its own thread: no worker script ships beside the bundle.
    expect(
      files.filter((f) => f.startsWith('dist/') && f.endsWith('.js') && !f.startsWith('dist/chunks/')),
    ).toEqual(['dist/sitrep.js']);
    expect(files).toContain('dist/THIRD-PARTY-NOTICES.txt');
    expect(files).toContain('LICENSE');
    expect(files).toContain('README.md');
    expect(files).toContain('runbooks/README.md');
    expect(files).toContain('runbooks/haproxy/HaproxyServerConnectionErrors.md');
    expect(files.filter((f) => f.endsWith('.map'))).toEqual([]);
    expect(files.filter((f) => /^(src|test|scripts)\//.test(f))).toEqual([]);
    expect(fs.readFileSync(path.join(copy, 'package.json'), 'utf8')).toContain('"prepack"');
    expect(fs.existsSync(path.join(copy, 'LICENSE'))).toBe(false);
  });

  it('ships a package.json with no scripts and no dependencies', () => {
    const installed = path.join(prefix, 'lib', 'node_modules', 'sitrep');
    const published = JSON.parse(fs.readFileSync(path.join(installed, 'package.json'), 'utf8')) as Record<
      string,
      unknown
    >;
    expect(published['scripts']).toBeUndefined();
    expect(published['dependencies']).toBeUndefined();
    expect(published['devDependencies']).toBeUndefined();
    expect(published['version']).toBe(pkg.version);
    expect(pkg.scripts['prepare']).toBeDefined(); // the clone still builds itself on `npm ci`
    expect(fs.existsSync(path.join(installed, 'node_modules'))).toBe(false);
    expect(fs.readFileSync(path.join(installed, 'LICENSE'), 'utf8')).toContain('Apache License');
  });

  it('runs from the install: --version and a bundled runbook', async () => {
    const bin = path.join(prefix, 'bin', 'sitrep');
    const env = { PATH: process.env['PATH'] ?? '', HOME: work, XDG_CONFIG_HOME: work, XDG_DATA_HOME: work };
    expect((await run(bin, ['--version'], { env })).stdout).toBe(`${pkg.version}\n`);
    const runbook = await run(bin, ['runbook', 'HaproxyServerConnectionErrors', '--prometheus.url='], {
      env,
      cwd: work,
    });
    expect(runbook.stdout).toContain('HaproxyServerConnectionErrors');
    expect(runbook.stdout).toMatch(/runbooks\/haproxy\/HaproxyServerConnectionErrors\.md/);
  });

  it.skipIf(process.env['SITREP_TEST_NO_STACK'] === '1')(
    "lists the stack's alerts from the install",
    async () => {
      const bin = path.join(prefix, 'bin', 'sitrep');
      const env = { PATH: process.env['PATH'] ?? '', HOME: work, XDG_CONFIG_HOME: work };
      const flags = [
        '--alertmanager.url',
        sharedStackUrls.alertmanager,
        '--prometheus.url',
        sharedStackUrls.prometheus,
      ];
      const { stdout } = await run(bin, ['alerts', '--json', ...flags], { env });
      const doc = JSON.parse(stdout) as AlertsJson;
      expect(doc.alerts.some((a) => a.name === 'HaproxyServerConnectionErrors')).toBe(true);
    },
  );
});
