import { describe, expect, it } from 'vitest';
import { chooseRunbook, githubRaw, type LibraryEntry } from '../../../src/core/runbook/match.js';
import { parseRunbook } from '../../../src/core/runbook/parse-runbook.js';

function entry(relativePath: string, text: string, tier: LibraryEntry['tier'] = 'bundled'): LibraryEntry {
  const fileName = relativePath.split('/').at(-1) ?? relativePath;
  return {
    path: `/${tier}/${relativePath}`,
    relativePath,
    tier,
    runbook: parseRunbook(text, { fileName }),
    text,
  };
}

const body = '## Diagnosis\n- look\n';
const alert = (name: string, labels: Record<string, string> = {}, runbookUrl?: string) => ({
  name,
  labels: { alertname: name, ...labels },
  runbookUrl,
});

describe('chooseRunbook', () => {
  it('prefers a runbook whose front matter names the alert, the most specific one that fits', () => {
    const entries = [
      entry('a.md', `---\nalert: Down\n---\n${body}`),
      entry('b.md', `---\nalert: Down\nmatchers: {job: api}\n---\n${body}`),
      entry('c.md', `---\nalerts: [Down]\nmatchers: {job: api, env: prod}\n---\n${body}`),
      entry('Down.md', body),
    ];
    const pick = (labels: Record<string, string>) => {
      const choice = chooseRunbook(alert('Down', labels), entries);
      return choice.kind === 'file' ? [choice.entry.relativePath, choice.matchedBy] : choice.kind;
    };
    expect(pick({ job: 'api', env: 'prod' })).toEqual(['c.md', 'front-matter']);
    expect(pick({ job: 'api', env: 'dev' })).toEqual(['b.md', 'front-matter']);
    expect(pick({ job: 'db' })).toEqual(['a.md', 'front-matter']);
  });

  it('then a file named <alertname>.md anywhere in the folders', () => {
    const choice = chooseRunbook(alert('Down'), [entry('x/y/Down.md', body), entry('Other.md', body)]);
    expect(choice).toMatchObject({
      kind: 'file',
      matchedBy: 'file-name',
      entry: { relativePath: 'x/y/Down.md' },
    });
  });

  it('counts a runbook titled with the alert name like one named after it', () => {
    const choice = chooseRunbook(alert('KubePodCrashLooping'), [
      entry('kube-pod-crash-looping.md', `# KubePodCrashLooping\n\n${body}`),
    ]);
    expect(choice).toMatchObject({ kind: 'file', matchedBy: 'file-name' });
  });

  it('lets user folders win over the bundled runbooks', () => {
    const entries = [
      entry('haproxy/Down.md', `---\nalert: Down\n---\n${body}`, 'bundled'),
      entry('mine/Down.md', body, 'user'),
    ];
    expect(chooseRunbook(alert('Down'), entries)).toMatchObject({ entry: { tier: 'user' } });
  });

  it('does not take a runbook whose matchers contradict the labels, even by file name', () => {
    const entries = [entry('Down.md', `---\nmatchers: {job: api}\n---\n${body}`)];
    expect(chooseRunbook(alert('Down', { job: 'db' }), entries).kind).toBe('builtin');
  });

  it('then the annotation: a path in the runbook folders, or an https URL', () => {
    const entries = [entry('haproxy/Thing.md', body)];
    expect(chooseRunbook(alert('Down', {}, 'haproxy/Thing.md'), entries)).toMatchObject({
      kind: 'file',
      matchedBy: 'annotation',
    });
    expect(chooseRunbook(alert('Down', {}, 'https://wiki.example/runbooks/down'), entries)).toMatchObject({
      kind: 'url',
      url: 'https://wiki.example/runbooks/down',
    });
  });

  it('refuses plain http unless allowed, and says why', () => {
    const choice = chooseRunbook(alert('Down', {}, 'http://wiki.example/down'), []);
    expect(choice.kind).toBe('builtin');
    expect(choice.notes.join()).toContain('plain http');
    expect(chooseRunbook(alert('Down', {}, 'http://wiki.example/down'), [], { allowHttp: true }).kind).toBe(
      'url',
    );
    expect(chooseRunbook(alert('Down', {}, 'javascript:alert(1)'), []).kind).toBe('builtin');
  });

  it('falls back to the built-in runbook, noting an annotation that named no file', () => {
    const choice = chooseRunbook(alert('Down', {}, 'missing/Down.md'), []);
    expect(choice.kind).toBe('builtin');
    expect(choice.notes).toEqual([
      'the runbook annotation "missing/Down.md" names no file in the runbook folders',
    ]);
  });
});

describe('githubRaw', () => {
  it('maps GitHub blob links to the raw file and leaves other URLs alone', () => {
    expect(githubRaw('https://github.com/acme/runbooks/blob/main/haproxy/Down.md')).toBe(
      'https://raw.githubusercontent.com/acme/runbooks/main/haproxy/Down.md',
    );
    expect(githubRaw('https://github.com/acme/runbooks/tree/main/haproxy')).toBe(
      'https://github.com/acme/runbooks/tree/main/haproxy',
    );
    expect(githubRaw('https://wiki.example/x')).toBe('https://wiki.example/x');
  });
});
