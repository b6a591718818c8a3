import fc from 'fast-check';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseRunbook } from '../../../src/core/runbook/parse-runbook.js';
import type { Runbook } from '../../../src/core/runbook/runbook.js';
import { repoRoot } from '../../helpers/stack.js';

const fixtures = path.join(repoRoot, 'test', 'fixtures', 'runbooks');
const read = (name: string) => fs.readFileSync(path.join(fixtures, name), 'utf8');
const texts = (runbook: Runbook, section: 'diagnosis' | 'mitigation') =>
  runbook.steps.filter((step) => step.section === section).map((step) => step.text);
/** The 1-based line of the fixture that contains `needle` (so tests do not hard-code line numbers). */
const lineOf = (name: string, needle: string) =>
  read(name)
    .split('\n')
    .findIndex((line) => line.includes(needle)) + 1;
const messages = (runbook: Runbook) => runbook.problems.map((problem) => problem.message).join('\n');

describe('parseRunbook on the common public form (seed runbook)', () => {
  const runbook = parseRunbook(read('seed-HaproxyServerConnectionErrors.md'), {
    fileName: 'seed-HaproxyServerConnectionErrors.md',
  });

  it('reads the sections, and takes the alert name from the pasted rule', () => {
    expect(runbook.alerts).toEqual(['HaproxyServerConnectionErrors']);
    expect(runbook.alertsFrom).toBe('rule');
    expect(runbook.title).toBe('HaproxyServerConnectionErrors');
    expect(runbook.meaning).toBe(
      'HAProxy cannot open connections to one of the servers behind it, many times a second.',
    );
    expect(runbook.impact).toContain('503');
  });

  it('makes one step per numbered item, with the tab-indented sub-points inside it', () => {
    const diagnosis = texts(runbook, 'diagnosis');
    expect(diagnosis).toHaveLength(3);
    expect(diagnosis[0]).toBe(
      'Work out which server and backend are affected.\n- The alert only says which server; the stats page at `/stats` lists it under its backend.\n- Several backends can use the same server name.',
    );
    // The collapsed example after step 3 goes with it, under its summary.
    expect(diagnosis[2]).toMatch(
      /^Look at the HAProxy logs for `SC` termination codes\.\n\nExample log line\n\n```\nJun {2}3 .* SC-- /,
    );
    expect(runbook.steps[0]?.position).toEqual({
      line: lineOf('seed-HaproxyServerConnectionErrors.md', '1. Work out'),
      column: 1,
    });
  });

  it('skips the shortcode, the HTML comment and the <details> tags without noise', () => {
    const all = [runbook.meaning, runbook.impact, ...runbook.steps.map((s) => s.text)].join('\n');
    expect(all).not.toMatch(/\{\{%|<!--|<details>|<summary>|Imported from the team wiki/);
    expect(runbook.problems.filter((p) => p.severity === 'error')).toEqual([]);
  });

  it('recognises the pasted rule, so its expr can serve as a probe', () => {
    expect(runbook.ruleExpr).toBe('sum by (server) (rate(haproxy_server_connection_errors_total[1m])) > 100');
    expect(runbook.rule?.labels).toEqual({ severity: 'critical' });
    expect(runbook.rule?.position.line).toBe(lineOf('seed-HaproxyServerConnectionErrors.md', '```yaml'));
  });

  it('reads Mitigation bullets as steps', () => {
    expect(texts(runbook, 'mitigation')).toHaveLength(3);
    expect(runbook.steps.map((s) => s.id)).toContain('mitigation-3');
  });
});

describe('parseRunbook on the richer form', () => {
  const runbook = parseRunbook(read('KafkaConsumerLagHigh.md'), { fileName: 'KafkaConsumerLagHigh.md' });

  it('reads the front matter: alert, matchers, severity, owner, tags', () => {
    expect(runbook).toMatchObject({
      alerts: ['KafkaConsumerLagHigh'],
      alertsFrom: 'front-matter',
      matchers: { job: 'kafka-exporter' },
      severity: 'warning',
      owner: 'team-streams',
      tags: ['kafka', 'consumers'],
      title: 'KafkaConsumerLagHigh',
    });
  });

  it('drops images, comments and a details block that only holds the pasted rule from Meaning', () => {
    expect(runbook.meaning).toBe(
      'A consumer group reads a topic more slowly than producers write to it, so the number of messages\nwaiting for it keeps growing.',
    );
  });

  it('attaches a probe to the item it is nested in, with its attributes and line', () => {
    const [first] = runbook.steps;
    expect(first?.probes).toHaveLength(1);
    expect(first?.probes[0]).toMatchObject({
      title: 'Lag of the group',
      warn: { op: '>', value: 5000 },
      crit: { op: '>', value: 10000 },
      rangeSeconds: 3 * 3600,
      unit: 'messages',
      position: { line: lineOf('KafkaConsumerLagHigh.md', 'title="Lag of the group"'), column: 4 },
    });
    expect(first?.text).not.toContain('```');
    expect(first?.text).toContain('- A jump means the consumers stopped.');
  });

  it('attaches a loose probe to the step just before it, and reads task items', () => {
    const diagnosis = runbook.steps.filter((s) => s.section === 'diagnosis');
    expect(diagnosis.map((s) => s.probes.length)).toEqual([1, 0, 1]);
    expect(diagnosis[2]?.text).toBe('- [ ] Look at the consumer logs for rebalances.');
    expect(diagnosis[2]?.probes[0]).toMatchObject({
      title: 'Members of the group',
      warn: undefined,
      rangeSeconds: 1800,
    });
  });

  it('keeps the Mitigation sub-headings as groups', () => {
    const mitigation = runbook.steps.filter((s) => s.section === 'mitigation');
    expect(mitigation.map((s) => [s.group, s.text])).toEqual([
      ['Immediate', 'Restart consumers that are stuck.'],
      ['Immediate', 'Tell the teams that read the topic.'],
      ['Long-term', 'Add partitions and consumers so one slow consumer does not hold up the group.'],
    ]);
  });

  it('finds the rule pasted inside <details>', () => {
    expect(runbook.ruleExpr).toBe('sum by (consumergroup, topic) (kafka_consumergroup_lag) > 10000');
  });
});

describe('parseRunbook on uneven runbooks', () => {
  it('reads a Troubleshooting section of paragraphs as one step per paragraph', () => {
    const runbook = parseRunbook(read('uneven.md'), { fileName: 'uneven.md' });
    const diagnosis = runbook.steps.filter((s) => s.section === 'diagnosis');
    expect(diagnosis.map((s) => s.text)).toEqual([
      'Look at the error rate of the service first. It usually shows the start of the trouble.',
      'Then read the logs of the pods that fail.',
    ]);
    expect(diagnosis[0]?.probes[0]?.query).toContain('{{ $labels.job }}');
    expect(texts(runbook, 'mitigation')).toEqual(['Roll back the last deploy.']);
    expect(runbook.meaning).toBe('Some text before any heading, which says what the alert means.');
    // Nothing inside names an alert, so the file name stands in.
    expect(runbook).toMatchObject({ alerts: ['uneven'], alertsFrom: 'file-name' });
  });

  it('accepts headings at any level and with other words', () => {
    const runbook = parseRunbook('# A\n#### Investigation\n- one\n- two\n#### Remediation steps\n- three\n');
    expect(texts(runbook, 'diagnosis')).toEqual(['one', 'two']);
    expect(texts(runbook, 'mitigation')).toEqual(['three']);
  });

  it('says plainly what a runbook lacks', () => {
    const runbook = parseRunbook('# X\n\n## Meaning\n\nSomething.\n');
    expect(messages(runbook)).toContain('no diagnosis steps');
    expect(messages(runbook)).toContain('no Mitigation section');
    expect(runbook.problems.find((p) => p.message.includes('no diagnosis steps'))?.severity).toBe('error');
  });

  it('a runbook with Mitigation steps and no Diagnosis gets a warning, not an error', () => {
    const runbook = parseRunbook(
      '# X\n\n## Meaning\n\nSomething.\n\n## Diagnosis\n\n## Mitigation\n\n- Restart it.\n',
    );
    const problem = runbook.problems.find((p) => p.message.startsWith('the Diagnosis section has no steps'));
    expect(problem?.severity).toBe('warning');
    expect(texts(runbook, 'mitigation')).toEqual(['Restart it.']);
  });

  it('locates a probe that does not parse, a bad threshold and a misplaced placeholder', () => {
    const text = [
      '## Diagnosis',
      '',
      '1. Check',
      '   ```promql warn="lots" range="forever" colour="red"',
      '   sum(rate(x[5m]) +',
      '   ```',
      '2. Check more',
      '   ```promql',
      '   rate(x[{{ $labels.window }}])',
      '   ```',
    ].join('\n');
    const problems = parseRunbook(text).problems.map(
      (p) => `${p.position?.line}:${p.position?.column} ${p.message}`,
    );
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^4:4 probe warn="lots" is not a threshold/),
        expect.stringMatching(/^4:4 probe range="forever" is not a duration/),
        expect.stringMatching(/^4:4 unknown probe attribute `colour`/),
        expect.stringMatching(/^5:\d+ probe query does not parse/),
        expect.stringMatching(/^9:11 \{\{ \$labels\.window \}\} must sit inside a quoted string/),
      ]),
    );
  });
});

describe('parseRunbook on hostile input: never a crash, always a result', () => {
  it('an empty file', () => {
    const runbook = parseRunbook('', { fileName: 'HaproxyDown.md' });
    expect(runbook).toMatchObject({
      title: 'HaproxyDown',
      alerts: ['HaproxyDown'],
      alertsFrom: 'file-name',
      steps: [],
    });
    expect(messages(runbook)).toBe('the runbook is empty');
  });

  it('no headings at all: its list becomes the checklist', () => {
    const runbook = parseRunbook('- check the disk\n- check the network\n');
    expect(texts(runbook, 'diagnosis')).toEqual(['check the disk', 'check the network']);
    expect(messages(runbook)).toContain('no headings');
  });

  it('broken front matter is located on its line, and the rest still opens', () => {
    const runbook = parseRunbook('---\nalert: [A, B\nowner: me\n---\n## Diagnosis\n- look\n');
    const problem = runbook.problems.find((p) => p.message.startsWith('front matter is not valid YAML'));
    expect(problem?.severity).toBe('error');
    expect(problem?.position?.line).toBeGreaterThanOrEqual(2);
    expect(texts(runbook, 'diagnosis')).toEqual(['look']);
  });

  it('front matter that never ends, and fields of the wrong type', () => {
    expect(messages(parseRunbook('---\nalert: A\n## Diagnosis\n- x\n'))).toContain('never ends');
    const typed = parseRunbook('---\nalert: {a: 1}\nmatchers: [x]\n---\n## Diagnosis\n- x\n');
    expect(
      typed.problems.filter((p) => p.severity === 'error').map((p) => [p.position?.line, p.message]),
    ).toEqual([
      [2, 'front matter `alert` must be a name or a list of names'],
      [
        3,
        'front matter `matchers` must be a mapping of label names to values, e.g. `matchers: { job: haproxy }`',
      ],
    ]);
  });

  it('binary bytes', () => {
    const bytes = Buffer.from(Array.from({ length: 20_000 }, (_, i) => (i * 7919) % 256));
    const runbook = parseRunbook(bytes.toString('utf8'));
    expect(messages(runbook)).toContain('looks like a binary file');
  });

  it('a 10 MB file opens with its beginning, quickly, and says it was cut', () => {
    const section =
      '## Diagnosis\n\n1. Check the thing `x` and **that**\n   - sub point\n\n```promql\nsum(rate(x[5m]))\n```\n\n';
    const text = section.repeat(Math.ceil((10 * 1024 * 1024) / section.length));
    const started = performance.now();
    const runbook = parseRunbook(text);
    const seconds = (performance.now() - started) / 1000;
    expect(seconds).toBeLessThan(20);
    expect(runbook.steps.length).toBeGreaterThan(100);
    expect(messages(runbook)).toMatch(/the file is 10 MiB; sitrep read only its first 128 KiB/);
  }, 60_000);

  it('deep nesting: lists and quotes thousands of levels deep', () => {
    const quotes = parseRunbook(`## Diagnosis\n\n- fine\n\n${'> - '.repeat(3000)}deep\n`);
    expect(texts(quotes, 'diagnosis')[0]).toBe('fine');
    expect(messages(quotes)).toMatch(/nests too deeply/);
    const list = parseRunbook(
      `## Diagnosis\n\n${Array.from({ length: 200 }, (_, i) => `${'  '.repeat(i)}- level ${i}`).join('\n')}\n`,
    );
    expect(texts(list, 'diagnosis')[0]).toMatch(/^level 0/);
  }, 60_000);
});

describe('parseRunbook on arbitrary text', () => {
  const pieces = [
    '# ',
    '## Diagnosis\n',
    '## Mitigation\n',
    '---\n',
    'alert: [',
    '- ',
    '1. ',
    '\t',
    '   ',
    '```promql\n',
    '```\n',
    '{{ $labels.x }}',
    '"',
    '<details>',
    '</details>',
    '<!--',
    '{{% x %}}',
    '> ',
    '\n',
    '\r\n',
    'text ',
    '\u0000',
    '|a|b|\n',
    '[//]: # "c"\n',
    '1.',
    '2)',
    '---\n',
    '<summary>s</summary>',
    'See also:\n',
    'such as:\n',
    '## References\n',
    '[l](https://e.org)',
  ];

  it('never throws, and every step, note, link and problem has a line within the text', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.constantFrom(...pieces), fc.string({ maxLength: 5 })), { maxLength: 60 }),
        (parts) => {
          const text = parts.join('');
          const runbook = parseRunbook(text);
          const lines = text.split('\n').length + 1;
          for (const step of runbook.steps) expect(step.position.line).toBeLessThanOrEqual(lines);
          for (const item of [...(runbook.notes ?? []), ...(runbook.links ?? [])])
            expect(item.position.line).toBeLessThanOrEqual(lines);
          for (const problem of runbook.problems)
            expect(problem.position?.line ?? 1).toBeLessThanOrEqual(lines);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('reads Windows line endings like Unix ones', () => {
    const unix = '---\nalert: A\n---\n## Diagnosis\n\n1. one\n   - sub\n2. two\n';
    const windows = parseRunbook(unix.replaceAll('\n', '\r\n'));
    expect(windows.alerts).toEqual(['A']);
    expect(windows.steps.map((s) => s.text)).toEqual(parseRunbook(unix).steps.map((s) => s.text));
  });
});
