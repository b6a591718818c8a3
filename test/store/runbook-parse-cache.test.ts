// The parsed-runbook cache gives back exactly what the parser gives (the bundled runbooks, the
// generic one, a runbook with problems), from disk in a new parser; a build of another version or a
// damaged entry is parsed afresh, never trusted.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { genericRunbookText } from '../../src/core/runbook/generic-text.js';
import { parseRunbook } from '../../src/core/runbook/parse-runbook.js';
import { cachedRunbookParser } from '../../src/store/runbook-parse-cache.js';
import { tempDirs } from './temp-dir.js';

const newDir = tempDirs();
const here = path.dirname(fileURLToPath(import.meta.url));
const bundled = path.join(here, '..', '..', 'runbooks', 'haproxy');

/** Every text the test parses, with its parse options. */
function texts(): { text: string; fileName?: string }[] {
  const files = fs
    .readdirSync(bundled)
    .filter((name) => name.endsWith('.md'))
    .map((name) => ({ text: fs.readFileSync(path.join(bundled, name), 'utf8'), fileName: name }));
  return [
    ...files,
    {
      text: genericRunbookText({
        name: 'ApiErrors',
        labels: { job: 'api', instance: 'h:9' },
        expression: 'up == 0',
      }),
    },
    { text: '# Broken\n\n## Diagnosis\n\n1. ```promql warn="> x"\n   up\n   ```\n' },
    { text: '' },
  ];
}

describe('the parsed-runbook cache', () => {
  it('reads back exactly what the parser returned, in a new process’s parser', async () => {
    const dir = newDir();
    const all = texts();
    expect(all.length).toBeGreaterThan(3);
    for (const { text, fileName } of all) {
      const options = fileName === undefined ? {} : { fileName };
      const fresh = parseRunbook(text, options);
      expect(await cachedRunbookParser(dir, 'v1')(text, options)).toStrictEqual(fresh);
      // A second parser (as in the next `sitrep resume`) reads the file the first one wrote, at
      // once: without loading the parser.
      const again = cachedRunbookParser(dir, 'v1')(text, options);
      expect(again).not.toBeInstanceOf(Promise);
      expect(again).toStrictEqual(fresh);
    }
    expect(fs.readdirSync(dir).filter((f) => f.endsWith('.json'))).toHaveLength(all.length);
  });

  it('never reads an entry of another version, and parses again over a damaged one', async () => {
    const dir = newDir();
    const text = fs.readFileSync(
      path.join(bundled, fs.readdirSync(bundled).find((n) => n.endsWith('.md')) ?? ''),
      'utf8',
    );
    await cachedRunbookParser(dir, 'v1')(text);
    const [entry] = fs.readdirSync(dir);
    // Someone else's idea of the runbook under v1's name: v2 does not see it.
    fs.writeFileSync(path.join(dir, entry ?? ''), JSON.stringify({ title: 'Forged', steps: [] }));
    expect(await cachedRunbookParser(dir, 'v2')(text)).toStrictEqual(parseRunbook(text));
    fs.writeFileSync(path.join(dir, entry ?? ''), '{"title": "Half');
    expect(await cachedRunbookParser(dir, 'v1')(text)).toStrictEqual(parseRunbook(text));
  });

  it('still parses when the cache folder cannot be written', async () => {
    const dir = newDir();
    const blocked = path.join(dir, 'file');
    fs.writeFileSync(blocked, '');
    const text = '# T\n\n## Diagnosis\n\n1. Look.\n';
    expect(await cachedRunbookParser(path.join(blocked, 'cache'), 'v1')(text)).toStrictEqual(
      parseRunbook(text),
    );
  });
});

describe('the parsed-runbook cache with hostile runbook text', () => {
  it('reads back strings that look like its own tags, and negative zero, as the parser gave them', async () => {
    const dir = newDir();
    // A runbook's front matter is YAML: "\0" is a NUL there, and the parser keeps it.
    const text = [
      '---',
      'alert: Hostile',
      'owner: "\\0sitrep:Infinity"',
      'severity: "\\0sitrep:undefined"',
      'tags: ["\\0sitrep:NaN", "\\0sitrep:"]',
      '---',
      '# Hostile',
      '',
      '```yaml',
      '- alert: Hostile',
      '  expr: up == 0',
      '  labels:',
      '    team: "\\0sitrep:undefined"',
      '```',
      '',
      '## Diagnosis',
      '',
      '1. Look at it.',
      '   ```promql warn="> -0"',
      '   up',
      '   ```',
      '',
    ].join('\n');
    const fresh = parseRunbook(text);
    expect(fresh.owner).toBe('\u0000sitrep:Infinity');
    expect(fresh.rule?.labels['team']).toBe('\u0000sitrep:undefined');
    expect(await cachedRunbookParser(dir, 'v1')(text)).toStrictEqual(fresh);
    expect(await cachedRunbookParser(dir, 'v1')(text)).toStrictEqual(fresh);
  });
});
