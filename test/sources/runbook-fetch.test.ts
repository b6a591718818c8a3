import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { parseRunbook } from '../../src/core/runbook/parse-runbook.js';
import { fetchRunbook, resolveRunbook } from '../../src/sources/runbook-fetch.js';
import { readCachedRunbook } from '../../src/store/runbook-cache.js';
import { startFaultServer, type FaultServer } from '../helpers/fault-server.js';
import { tempDirs } from '../store/temp-dir.js';

const tempDir = tempDirs();
let server: FaultServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const markdown = '---\nalert: Down\n---\n# Down\n\n## Diagnosis\n\n1. Look at it.\n';

describe('fetchRunbook', () => {
  it('fetches, caches, and serves the cached copy once the server is gone', async () => {
    server = await startFaultServer({
      '/runbooks/Down.md': { kind: 'text', body: markdown, contentType: 'text/markdown' },
    });
    const cacheDir = tempDir();
    const url = `${server.url}/runbooks/Down.md`;
    expect(await fetchRunbook(url, { cacheDir })).toEqual({
      text: markdown,
      cached: false,
      fetchError: undefined,
    });
    expect(readCachedRunbook(cacheDir, url)?.text).toBe(markdown);
    await server.close();
    server = undefined;
    const offline = await fetchRunbook(url, { cacheDir, timeoutMs: 2_000 });
    expect(offline).toMatchObject({ text: markdown, cached: true });
    expect(offline.fetchError).toBeTruthy();
  });

  it('gives up after the timeout and refuses bodies over the size cap', async () => {
    server = await startFaultServer({
      '/hang': { kind: 'hang' },
      '/big': { kind: 'oversize', bytes: 200_000, declareLength: false },
    });
    const cacheDir = tempDir();
    const started = Date.now();
    await expect(fetchRunbook(`${server.url}/hang`, { cacheDir, timeoutMs: 300 })).rejects.toThrow(/runbook/);
    expect(Date.now() - started).toBeLessThan(10_000);
    await expect(fetchRunbook(`${server.url}/big`, { cacheDir, maxBytes: 10_000 })).rejects.toThrow();
    expect(fs.readdirSync(cacheDir)).toEqual([]);
  });
});

describe('resolveRunbook', () => {
  const alert = { name: 'Down', labels: { alertname: 'Down' } };

  it('opens the annotation URL and records it as the source', async () => {
    const resolved = await resolveRunbook(
      { ...alert, runbookUrl: 'https://github.com/acme/rb/blob/main/Down.md' },
      {
        entries: [],
        cacheDir: tempDir(),
        allowedHosts: ['raw.githubusercontent.com'],
        fetch: (url) =>
          Promise.resolve({
            text: url === 'https://raw.githubusercontent.com/acme/rb/main/Down.md' ? markdown : '',
            cached: false,
            fetchError: undefined,
          }),
      },
    );
    expect(resolved.source).toEqual({
      kind: 'url',
      url: 'https://raw.githubusercontent.com/acme/rb/main/Down.md',
      cached: false,
    });
    expect(resolved.runbook.steps.map((s) => s.text)).toEqual(['Look at it.']);
    expect(resolved.text).toBe(markdown);
  });

  it('falls back to the generic runbook when the URL fails and nothing is cached, and says why', async () => {
    const resolved = await resolveRunbook(
      { ...alert, runbookUrl: 'https://wiki.example/Down' },
      {
        entries: [],
        cacheDir: tempDir(),
        allowedHosts: ['*.example', 'wiki.example'],
        fetch: () => Promise.reject(new Error('connection refused')),
      },
    );
    expect(resolved.source).toEqual({ kind: 'builtin' });
    expect(resolved.matchedBy).toBe('generic');
    // The generic runbook's own markdown, which the timeline hashes like any other runbook's text.
    expect(resolved.text).toMatch(/^---\nalert: "Down"\n---\n\n# Down: generic checklist\n/);
    expect(resolved.notes).toEqual(['could not fetch https://wiki.example/Down: connection refused']);
  });

  it('never fetches from a host that is not allowed, and says how to allow it', async () => {
    let fetched = 0;
    const resolved = await resolveRunbook(
      { ...alert, runbookUrl: 'https://evil.example/Down.md' },
      {
        entries: [],
        cacheDir: tempDir(),
        allowedHosts: ['wiki.example', '*.corp.example'],
        fetch: () => {
          fetched += 1;
          return Promise.reject(new Error('must not be called'));
        },
      },
    );
    expect(fetched).toBe(0);
    expect(resolved.source).toEqual({ kind: 'builtin' });
    expect(resolved.notes).toEqual([
      'the runbook at https://evil.example/Down.md was not fetched: evil.example is not an allowed runbook host. To allow it: `sitrep config set runbooks.allowed_hosts evil.example` (or --runbooks.allowed-host evil.example, or SITREP_RUNBOOK_ALLOWED_HOSTS=evil.example)',
    ]);
  });

  it('prefers a library runbook over the URL', async () => {
    const entry = {
      path: '/rb/Down.md',
      relativePath: 'Down.md',
      tier: 'user' as const,
      runbook: parseRunbook(markdown),
      text: markdown,
    };
    const resolved = await resolveRunbook(
      { ...alert, runbookUrl: 'https://wiki.example/Down' },
      { entries: [entry], cacheDir: tempDir(), fetch: () => Promise.reject(new Error('must not be called')) },
    );
    expect(resolved).toMatchObject({
      source: { kind: 'file', path: '/rb/Down.md' },
      matchedBy: 'front-matter',
    });
  });
});
