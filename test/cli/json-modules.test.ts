// `sitrep alerts --json` and `sitrep export` are what scripts run, so they load only what they
// need: not the screen (Ink, React) and not string-width, whose start alone (a grapheme segmenter
// and emoji regular expressions) cost ~20 ms of a run. Checked on the built bundle, with a module
// hook that records every file the process loads.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeEvent } from '../../src/core/timeline/journal-codec.js';
import { sampleEvents } from '../core/timeline/sample-events.js';
import { amAlert, haproxyLabels } from '../helpers/api-fixtures.js';
import { startFaultServer, type FaultServer } from '../helpers/fault-server.js';
import { repoRoot } from '../helpers/stack.js';

let server: FaultServer;
let scratch: string;

beforeAll(async () => {
  server = await startFaultServer({
    '/api/v2/alerts': { kind: 'json', body: [amAlert(haproxyLabels('web1'))] },
    '/api/v1/alerts': { kind: 'json', body: { status: 'success', data: { alerts: [] } } },
    '/api/v1/query': {
      kind: 'json',
      body: { status: 'success', data: { resultType: 'vector', result: [] } },
    },
    '/api/v1/query_range': {
      kind: 'json',
      body: { status: 'success', data: { resultType: 'matrix', result: [] } },
    },
  });
  scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'sitrep-json-modules-'));
  const log = path.join(scratch, 'loaded.txt');
  fs.writeFileSync(
    path.join(scratch, 'hooks.mjs'),
    `import fs from 'node:fs';\nexport async function load(url, context, next) {\n  fs.appendFileSync(${JSON.stringify(log)}, url + '\\n');\n  return next(url, context);\n}\n`,
  );
  fs.writeFileSync(
    path.join(scratch, 'register.mjs'),
    `import { register } from 'node:module';\nregister(${JSON.stringify(pathToFileURL(path.join(scratch, 'hooks.mjs')).href)});\n`,
  );
});

afterAll(async () => {
  await server.close();
  fs.rmSync(scratch, { recursive: true, force: true });
});

/** The bundle's files a run of `sitrep …args` loaded, as text (the hook's log is reset first). */
async function loadedBundle(args: readonly string[]): Promise<{ stdout: string; bundled: string }> {
  const { stdout, stderr, code, bundled } = await loadedBundleOrError(args);
  if (code !== 0) throw new Error(`sitrep ${args.join(' ')} ended with ${code}: ${stderr}`);
  return { stdout, bundled };
}

/** loadedBundle for a run that may fail: its stderr and exit code too. */
async function loadedBundleOrError(
  args: readonly string[],
): Promise<{ stdout: string; stderr: string; code: number; bundled: string }> {
  const log = path.join(scratch, 'loaded.txt');
  fs.rmSync(log, { force: true });
  const env = {
    PATH: process.env['PATH'],
    XDG_DATA_HOME: path.join(scratch, 'data'),
    XDG_CONFIG_HOME: path.join(scratch, 'config'),
    XDG_CACHE_HOME: path.join(scratch, 'cache'),
    SITREP_ALERTMANAGER_URL: server.url,
    SITREP_PROMETHEUS_URL: server.url,
  };
  const node = ['--import', path.join(scratch, 'register.mjs'), path.join(repoRoot, 'dist', 'sitrep.js')];
  const { stdout, stderr, code } = await promisify(execFile)(process.execPath, [...node, ...args], {
    env,
    timeout: 30_000,
  }).then(
    (done) => ({ ...done, code: 0 }),
    (error: { stdout: string; stderr: string; code: number }) => error,
  );
  const loaded = fs
    .readFileSync(log, 'utf8')
    .split('\n')
    .filter((url) => url.startsWith('file:') && url.includes('/dist/'));
  expect(loaded.length).toBeGreaterThan(1);
  const bundled = loaded.map((url) => fs.readFileSync(fileURLToPath(url), 'utf8')).join('\n');
  return { stdout, stderr, code, bundled };
}

// esbuild marks where each bundled file starts: `// node_modules/ink/build/ink.js`.
const marks = (name: string) => new RegExp(`^// (?:.*/)?${name}`, 'm');

describe('sitrep export', () => {
  it('loads neither the screen nor string-width', async () => {
    const events = sampleEvents;
    const opened = events.find((e) => e.type === 'incident-opened');
    if (opened?.type !== 'incident-opened') throw new Error('the sample has no incident-opened event');
    const dir = path.join(scratch, 'data', 'sitrep', 'incidents');
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, `${opened.id}.jsonl`), events.map((e) => `${encodeEvent(e)}\n`).join(''));
    const { stdout, bundled } = await loadedBundle(['export', opened.id, '--format', 'md']);
    expect(stdout).toContain(opened.title);
    expect(bundled).toMatch(marks('src/core/export/markdown\\.ts'));
    expect(bundled).not.toMatch(marks('node_modules/string-width/'));
    expect(bundled).not.toMatch(marks('node_modules/ink/'));
    expect(bundled).not.toMatch(marks('node_modules/react/'));
    // Without a config file there is no YAML to parse: the parser (a quarter of a megabyte) stays out.
    expect(bundled).not.toMatch(marks('node_modules/yaml/'));
  });

  it('as JSON loads neither the Markdown renderer nor the config reader', async () => {
    const opened = sampleEvents.find((e) => e.type === 'incident-opened');
    if (opened?.type !== 'incident-opened') throw new Error('the sample has no incident-opened event');
    const dir = path.join(scratch, 'data', 'sitrep', 'incidents');
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(
      path.join(dir, `${opened.id}.jsonl`),
      sampleEvents.map((e) => `${encodeEvent(e)}\n`).join(''),
    );
    const { stdout, bundled } = await loadedBundle(['export', opened.id, '--format', 'json']);
    expect((JSON.parse(stdout) as { incident: { id: string } }).incident.id).toBe(opened.id);
    expect(bundled).toMatch(marks('src/core/export/json-export\\.ts'));
    expect(bundled).not.toMatch(marks('src/core/export/markdown\\.ts'));
    expect(bundled).not.toMatch(marks('src/cli/source-resolve\\.ts'));
    expect(bundled).not.toMatch(marks('node_modules/yaml/'));
  });
  it('as Markdown of an incident without probe runs loads no config resolution', async () => {
    const opened = sampleEvents.find((e) => e.type === 'incident-opened');
    if (opened?.type !== 'incident-opened') throw new Error('the sample has no incident-opened event');
    const id = opened.id.replace(/-[0-9a-f]{4}$/, '-d0d0');
    const dir = path.join(scratch, 'data', 'sitrep', 'incidents');
    fs.mkdirSync(dir, { recursive: true });
    // Closed, as the sample is: the tests below count on there being no open incident.
    const kept = new Set(['note-added', 'incident-resolved', 'incident-closed']);
    const events = [{ ...opened, id }, ...sampleEvents.filter((e) => kept.has(e.type))];
    fs.writeFileSync(path.join(dir, `${id}.jsonl`), events.map((e) => `${encodeEvent(e)}\n`).join(''));
    const { stdout, bundled } = await loadedBundle(['export', id, '--format', 'md']);
    expect(stdout).toContain('## Notes');
    expect(bundled).toMatch(marks('src/core/export/markdown\\.ts'));
    expect(bundled).not.toMatch(marks('src/cli/source-resolve\\.ts'));
  });
});

describe('sitrep alerts --json', () => {
  it('loads neither the screen nor string-width', async () => {
    const { stdout, bundled } = await loadedBundle(['alerts', '--json']);
    expect((JSON.parse(stdout) as { alerts: { name: string }[] }).alerts.map((a) => a.name)).toEqual([
      'HaproxyServerConnectionErrors',
    ]);
    expect(bundled).toMatch(marks('src/sources/alertmanager\\.ts'));
    expect(bundled).not.toMatch(marks('node_modules/string-width/'));
    expect(bundled).not.toMatch(marks('node_modules/ink/'));
    expect(bundled).not.toMatch(marks('node_modules/react/'));
    // No config file: the YAML parser is not needed; no proxy: neither are the proxy agents.
    expect(bundled).not.toMatch(marks('node_modules/yaml/'));
    expect(bundled).not.toMatch(marks('node_modules/http-proxy-agent/'));
    expect(bundled).not.toMatch(marks('node_modules/debug/'));
  });

  it('reads the answer through node-fetch without the web streams polyfill', async () => {
    // fetch-blob's streams.cjs would bring in web-streams-polyfill when Node has no ReadableStream;
    // Node 20 has one, so the build leaves both out (scripts/build.mjs, noStreamsPolyfill) and the
    // body is still read whole.
    const { stdout, bundled } = await loadedBundle(['alerts', '--json']);
    expect(
      (JSON.parse(stdout) as { alerts: { labels: Record<string, string> }[] }).alerts[0]?.labels,
    ).toMatchObject(haproxyLabels('web1'));
    expect(bundled).toMatch(marks('node_modules/node-fetch/'));
    expect(bundled).toMatch(marks('node_modules/fetch-blob/index\\.js'));
    expect(bundled).not.toMatch(marks('node_modules/web-streams-polyfill/'));
    expect(bundled).not.toMatch(marks('node_modules/fetch-blob/streams\\.cjs'));
  });

  it('loads the YAML parser when there is a config file to read', async () => {
    const file = path.join(scratch, 'config', 'sitrep', 'config.yml');
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, 'timeout: 20s\n');
    try {
      const { stdout, bundled } = await loadedBundle(['alerts', '--json']);
      expect((JSON.parse(stdout) as { alerts: unknown[] }).alerts).toHaveLength(1);
      expect(bundled).toMatch(marks('node_modules/yaml/'));
    } finally {
      fs.rmSync(file);
    }
  });
});

// Without a config file, these read no YAML either (src/cli/source-resolve.ts,
// resolveSourceOptionsQuickly); with one, they read it as before and name it when it is wrong.
describe('history, resume and the screen', () => {
  const yaml = marks('node_modules/yaml/');

  it('load no YAML parser without a config file', async () => {
    const history = await loadedBundle(['history', 'HaproxyServerConnectionErrors', '--json']);
    expect((JSON.parse(history.stdout) as { alert: { name: string } }).alert.name).toBe(
      'HaproxyServerConnectionErrors',
    );
    expect(history.bundled).toMatch(marks('src/cli/commands/history\\.ts'));
    expect(history.bundled).not.toMatch(yaml);
    // No terminal here: each ends with its own words, having resolved the sources first.
    const resume = await loadedBundleOrError(['resume']);
    expect(resume.stderr).toMatch(/^sitrep: there is no open incident\n/);
    expect(resume.bundled).toMatch(marks('src/cli/commands/resume\\.ts'));
    expect(resume.bundled).not.toMatch(yaml);
    const screen = await loadedBundleOrError([]);
    expect(screen.stderr).toMatch(/^sitrep: the interactive screen needs a terminal/);
    expect(screen.bundled).not.toMatch(yaml);
  });

  it('read a config file when there is one, and name it when it is wrong', async () => {
    const file = path.join(scratch, 'config', 'sitrep', 'config.yml');
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, 'timeout: [\n');
    try {
      for (const args of [['history', 'HaproxyServerConnectionErrors'], ['resume'], []]) {
        const run = await loadedBundleOrError(args);
        expect(run.code).toBe(2);
        expect(run.stderr).toContain(`sitrep: ${file}:2: not valid YAML`);
        expect(run.bundled).toMatch(yaml);
      }
    } finally {
      fs.rmSync(file);
    }
  });
});
