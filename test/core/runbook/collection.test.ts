// Runbooks in the shapes public collections use (Meaning / Impact / Diagnosis / Mitigation, Hugo
// front matter, template comments, details blocks, link lists, nested lists, code): each shape is
// read as its author wrote it, no word of the source is lost and no step is invented.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseRunbook } from '../../../src/core/runbook/parse-runbook.js';
import type { Runbook } from '../../../src/core/runbook/runbook.js';
import { isReferencesName, sectionOf } from '../../../src/core/runbook/sections.js';
import { isRunbookFileName } from '../../../src/store/runbook-files.js';
import { repoRoot } from '../../helpers/stack.js';

const fixtures = path.join(repoRoot, 'test', 'fixtures', 'runbooks');
const collection = path.join(fixtures, 'collection');
const read = (name: string) => fs.readFileSync(path.join(collection, name), 'utf8');
const parse = (name: string) => parseRunbook(read(name), { fileName: name });
const texts = (runbook: Runbook, section: 'diagnosis' | 'mitigation') =>
  runbook.steps.filter((step) => step.section === section).map((step) => step.text);
const messages = (runbook: Runbook) => runbook.problems.map((problem) => problem.message);
const lineOf = (name: string, needle: string) =>
  read(name)
    .split('\n')
    .findIndex((line) => line.includes(needle)) + 1;

describe('Markdown comments are not content', () => {
  it('a template whose sections hold only `[//]: #` comments shows no comment as Meaning or Impact', () => {
    const runbook = parse('RedisReplicationBroken.md');
    expect(runbook.meaning).toBe(
      'A Redis replica has lost its link to the primary for {{ $labels.instance }}.',
    );
    expect(runbook.impact).toBeUndefined();
    expect(runbook.steps).toEqual([]);
    expect(runbook.notes).toEqual([]);
    expect(messages(runbook)).toEqual(
      expect.arrayContaining([
        'the Impact section is empty',
        'the Diagnosis section has no steps: write one list item per thing to check',
        'the Mitigation section has no steps',
      ]),
    );
  });

  it('reads both comment forms alike in every section, also inside a list item', () => {
    const runbook = parseRunbook(
      [
        '## Meaning',
        '[//]: # "say what it means"',
        '## Impact',
        '<!-- say who is hurt -->',
        '## Diagnosis',
        '[comment]: # (one item per check)',
        '- Check the disk.',
        '',
        '  [//]: # "a comment inside the item"',
        '## Mitigation',
        '<!-- how to fix -->',
        '- Free space.',
      ].join('\n'),
    );
    expect(runbook.meaning).toBeUndefined();
    expect(runbook.impact).toBeUndefined();
    expect(runbook.steps.map((step) => step.text)).toEqual(['Check the disk.', 'Free space.']);
  });
});

describe('a paragraph after a section list is kept', () => {
  const runbook = parse('DiskReadErrors.md');

  it('as a step when it instructs', () => {
    expect(texts(runbook, 'diagnosis')[2]).toBe(
      "Verify that the reading is accurate by comparing with the node's own disk metrics, then review system logs for the minutes around the first error.",
    );
    expect(texts(runbook, 'mitigation')).toEqual([
      'Move the workloads off the node.',
      'Replace the disk.',
      'If the disk is part of a RAID set, check that the set rebuilt before you put load back on it.',
    ]);
  });

  it('as a remark shown with its section when it instructs nothing', () => {
    expect(runbook.notes).toEqual([
      {
        section: 'diagnosis',
        text: 'These errors are rare on cloud volumes and common on old spinning disks.',
        position: { line: lineOf('DiskReadErrors.md', 'These errors are rare'), column: 1 },
      },
    ]);
  });
});

describe('an introduction stays with its list', () => {
  const runbook = parse('ApiLatencyHigh.md');
  const steps = runbook.steps;

  it('examples become one step: the introduction with its bullets as sub-items', () => {
    expect(steps[0]).toMatchObject({
      id: 'diagnosis-1',
      group: undefined,
      text: 'Look for common causes, such as:\n- a slow database query\n- garbage collection pauses\n- a noisy neighbour on the same host',
      position: { line: lineOf('ApiLatencyHigh.md', 'Look for common causes') },
    });
  });

  it('a list of things to do keeps its steps, with the introduction as their lead line', () => {
    expect(steps.slice(1).map((step) => [step.id, step.group, step.text, step.probes.length])).toEqual([
      ['diagnosis-2', 'Work through these checks in order:', 'See which endpoints are slow.', 1],
      ['diagnosis-3', 'Work through these checks in order:', 'Compare the request rate with last week.', 0],
      [
        'mitigation-1',
        'In general the options depend on the cause, some suggestions:',
        'Scale the API out by two replicas.',
        0,
      ],
      [
        'mitigation-2',
        'In general the options depend on the cause, some suggestions:',
        'Turn off the expensive report endpoint with its feature flag.',
        0,
      ],
    ]);
  });
});

describe('reference link lists are links, not steps', () => {
  const runbook = parse('CertificateExpiringSoon.md');

  it('keeps only the real mitigation steps', () => {
    expect(texts(runbook, 'mitigation')).toEqual([
      'Renew the certificate with the issuing authority.',
      'Reload the load balancer so it serves the new file.',
    ]);
    expect(runbook.notes).toEqual([]);
  });

  it('reads "Additional resources:", a "See also" sub-heading and a "References" section as links', () => {
    expect(runbook.links?.map((link) => [link.label, link.text, link.url])).toEqual([
      [
        'Additional resources',
        'Certificate renewal guide for the internal CA',
        'https://example.org/docs/renewal',
      ],
      [
        'Additional resources',
        'https://example.org/docs/tls-checklist',
        'https://example.org/docs/tls-checklist',
      ],
      ['See also', "The load balancer's TLS settings", 'https://example.org/docs/lb-tls'],
      ['References', 'RFC 5280 describes certificate validity.', 'https://www.rfc-editor.org/rfc/rfc5280'],
    ]);
  });

  it('a section of paragraphs with a "See also:" list keeps every paragraph as a step', () => {
    const runbook = parseRunbook(
      '## Diagnosis\n\nNetwork trouble on the node is the usual cause.\n\nSee also:\n\n- [NIC errors](https://e.org/nic)\n',
    );
    expect(texts(runbook, 'diagnosis')).toEqual(['Network trouble on the node is the usual cause.']);
    expect(runbook.links?.map((link) => link.url)).toEqual(['https://e.org/nic']);
  });
});

describe('numbered lines without a space (`1.Restart`) are a numbered list', () => {
  it('one step per numbered line, each at its own line', () => {
    const runbook = parse('QueueWorkerStuck.md');
    expect(texts(runbook, 'diagnosis')).toEqual([
      'Check that the worker process is running.',
      'Read the last lines of its log.',
      'Compare the queue depth with an hour ago.',
    ]);
    expect(texts(runbook, 'mitigation')).toEqual([
      'Restart the worker.',
      'Escalate to the owning team if it stops again within the hour.',
    ]);
    expect(runbook.steps.map((step) => step.position.line)).toEqual(
      ['1.Check', '2.Read', '3)Compare', '1.Restart', '2.Escalate'].map((needle) =>
        lineOf('QueueWorkerStuck.md', needle),
      ),
    );
  });

  it('also when the first line has its space and the next ones do not (one list item to Markdown)', () => {
    const runbook = parseRunbook(
      '## Mitigation\n\n1. Drain the node.\n2.Reboot it.\n3.Uncordon it once it is back.\n   ```bash\n   kubectl uncordon node\n   ```\n',
    );
    expect(runbook.steps.map((step) => [step.text, step.position.line])).toEqual([
      ['Drain the node.', 3],
      ['Reboot it.', 4],
      ['Uncordon it once it is back.\n```bash\nkubectl uncordon node\n```', 5],
    ]);
  });

  it('but a sentence that starts with a decimal number is not', () => {
    const runbook = parseRunbook('## Diagnosis\n\n1.5 seconds is the usual timeout; check the logs.\n');
    expect(texts(runbook, 'diagnosis')).toEqual(['1.5 seconds is the usual timeout; check the logs.']);
  });
});

describe('layout is not text', () => {
  it('a `---` between sections is not part of Impact or of a step', () => {
    const runbook = parse('MemcachedEvictions.md');
    expect(runbook.impact).toBe('More requests miss the cache and go to the database.');
    expect(runbook.steps.map((step) => step.text)).toEqual([
      'Check how full the cache is against its memory limit.',
      'Raise the memory limit of the cache.',
    ]);
  });

  it('a line over `---` inside a section is text, not a heading that ends the section', () => {
    const runbook = parse('PostgresReplicaLagging.md');
    expect(runbook.impact).toBe('Reads from the replica return stale rows.');
    expect(texts(runbook, 'diagnosis')).toHaveLength(1);
  });

  it('a Hugo section page (`_index.md`) is not a runbook file', () => {
    expect(isRunbookFileName('_index.md')).toBe(false);
    expect(isRunbookFileName('_INDEX.markdown')).toBe(false);
    expect(isRunbookFileName('MemcachedEvictions.md')).toBe(true);
  });
});

describe('text in no section sitrep shows is kept as notes', () => {
  it('an introduction beside a Meaning section, and an Escalation section', () => {
    const runbook = parse('PostgresReplicaLagging.md');
    expect(runbook.meaning).toBe(
      "A streaming replica replays the primary's write-ahead log more than a minute behind.",
    );
    expect(runbook.notes?.map((note) => [note.section, note.heading, note.text, note.position.line])).toEqual(
      [
        [
          'other',
          'PostgresReplicaLagging',
          'Owned by the database team; page them in working hours only.',
          lineOf('PostgresReplicaLagging.md', '# PostgresReplicaLagging'),
        ],
        [
          'other',
          'Escalation',
          'The database team\'s on-call rota is in the team handbook, under "Paging".',
          lineOf('PostgresReplicaLagging.md', '## Escalation'),
        ],
      ],
    );
  });
});

describe('a runbook with none of the four sections', () => {
  it('reads its text as diagnosis steps grouped under their headings', () => {
    const runbook = parseRunbook(
      '# ApiBudgetBurn\n\n## Critical\n\nFirst check the window labels.\n\n* `long: 1h`: act now.\n\n## Runbook\n\n1. Open the API dashboard.\n',
    );
    expect(runbook.steps.map((step) => [step.group, step.text])).toEqual([
      ['Critical · First check the window labels.', '`long: 1h`: act now.'],
      ['Runbook', 'Open the API dashboard.'],
    ]);
    expect(runbook.notes).toEqual([]);
  });
});

describe('details, sub-headings, tables and quotes are kept where they belong', () => {
  const runbook = parse('NodeFilesystemFull.md');

  it('a <details> block in Meaning is shown after its summary', () => {
    expect(runbook.meaning).toBe(
      'A filesystem on the node has less than five percent of its space left.\n\nFull context\n\nSpace is counted for non-root users; root may still be able to write a little\nafter the alert fires.',
    );
  });

  it("Impact keeps its table and its sub-heading's words", () => {
    expect(runbook.impact).toContain('| databases  | they stop accepting writes |');
    expect(runbook.impact).toContain('Who notices\n\nThe teams whose services run on the node.');
  });

  it('an example in <details> and a quote go with the step before them', () => {
    expect(texts(runbook, 'diagnosis')[1]).toBe(
      'Check how fast the space is going.\n\nExample output\n\n```\n12G\t/var/log/pods\n```\n\n> Deleted files held open by a process still use space: `lsof +L1` lists them.',
    );
  });
});

describe('shapes found in the public collections (issue #12 follow-up)', () => {
  const ledger = parse('LedgerWritesFailing.md');
  const store = parse('ObjectStoreDegraded.md');

  it('a ```promql block in Impact is shown as text there, and sitrep says it is not run', () => {
    expect(ledger.impact).toContain('```promql\n100 * sum by (shard) (rate(ledger_writes_failed_total[5m]))');
    expect(messages(ledger)).toContain(
      'this probe is not run (it is shown as text): probes belong to steps under Diagnosis or Mitigation',
    );
  });

  it('`<host-name>` and `<shard-id>` are placeholders the reader fills in, not HTML to hide', () => {
    expect(texts(ledger, 'diagnosis')[0]).toBe(
      "Read the service log on the shard's host: `journalctl -u ledger -S -15m -H <host-name>`.",
    );
    expect(texts(ledger, 'mitigation')).toEqual([
      "Move the shard's leader to another host with `ledgerctl move-leader <shard-id>`, then watch the\nfailure rate fall.",
    ]);
  });

  it('a Hugo `ref` link points at the page it names', () => {
    expect(texts(ledger, 'diagnosis')[2]).toBe(
      'If the host looks healthy, follow [Ledger Shard Offline](./LedgerShardOffline.md).',
    );
  });

  it('"## Mitigating" opens Mitigation; a bare list of links after its paragraph, and a link definition, are links', () => {
    expect(ledger.links?.map((link) => [link.label, link.text, link.url, link.position.line])).toEqual([
      [
        'Linked pages',
        'ledgerctl manual',
        'https://example.org/ledger/ledgerctl',
        lineOf('LedgerWritesFailing.md', '[ledgerctl manual]'),
      ],
      [
        'Linked pages',
        'shard placement',
        'https://example.org/ledger/placement',
        lineOf('LedgerWritesFailing.md', '[shard placement]'),
      ],
      [
        'Link references',
        'disk-checks',
        'https://example.org/ops/storage-checklist',
        lineOf('LedgerWritesFailing.md', '[disk-checks]:'),
      ],
    ]);
  });

  it('a sub-heading with no text of its own is kept in the group of the headings under it', () => {
    expect(store.steps.map((step) => [step.id, step.group])).toEqual([
      ['diagnosis-1', 'Clusters run by the platform team · Count the degraded groups'],
      ['diagnosis-2', 'Clusters run by the platform team · Find the disks behind them'],
      ['mitigation-1', undefined],
      ['mitigation-2', undefined],
    ]);
    expect(store.notes?.map((note) => [note.heading, note.text])).toEqual([
      [
        'Procedure · Before you begin',
        'Ask in the storage channel whether someone else is already working on it.',
      ],
    ]);
  });

  it('a probe alone under its heading is named by the first line of its query that has words', () => {
    const [first] = store.steps;
    expect(first?.text).toBe('sum(objectstore_pg_degraded)');
    expect(first?.probes.map((probe) => probe.title)).toEqual(['sum(objectstore_pg_degraded)']);
  });

  it('"Services that …, for example:" introduces examples: one step with its bullets', () => {
    expect(texts(store, 'mitigation')[0]).toBe(
      'Replace a failed disk only after the store has copied its data elsewhere.\nServices that cope well with a slow rebuild, for example:\n- image thumbnails\n- nightly exports\n- build caches',
    );
  });

  it('"Further info" is a links heading', () => {
    expect(store.links?.map((link) => [link.label, link.url])).toEqual([['Further info', undefined]]);
  });
});

describe('Hugo TOML front matter, admonitions and alert shortcodes', () => {
  const runbook = parse('CacheWarmingSlow.md');

  it('`+++` front matter is read like YAML front matter and is not text', () => {
    expect(runbook).toMatchObject({
      title: 'CacheWarmingSlow',
      alerts: ['CacheWarmingSlow'],
      alertsFrom: 'front-matter',
      severity: 'warning',
    });
    expect(runbook.notes?.some((note) => note.text.includes('+++'))).toBe(false);
    expect(runbook.problems.filter((problem) => problem.severity === 'error')).toEqual([]);
  });

  it('a `> [!NOTE]` stays with Meaning, a `> [!TIP]` with the step before it', () => {
    expect(runbook.meaning).toContain('> [!NOTE]\n> A deploy empties the cache on purpose');
    expect(texts(runbook, 'diagnosis')).toEqual([
      'Compare the hit ratio with the one after the previous deploy.\n\n> [!TIP]\n> A dashboard with both deploys side by side makes the comparison quick.',
    ]);
  });

  it("an `{{% alert %}}` shortcode's words are a remark of their section, without the shortcode", () => {
    expect(runbook.notes?.map((note) => [note.section, note.text])).toEqual([
      ['diagnosis', 'Flushing the cache again while it refills makes things worse.'],
    ]);
  });
});

describe('setext headings, an HTML block and a table', () => {
  const runbook = parse('VolumeLatencyHigh.md');

  it('sections underlined with `---` are sections', () => {
    expect(runbook.meaning).toBe('Reads from a block volume take longer than 100 ms on average.');
    expect(runbook.impact).toBe('Services on the volume answer slowly.');
    expect(texts(runbook, 'mitigation')).toEqual([
      'Move the volume to a less busy pool.',
      'Open a ticket with the storage vendor if the latency stays high.',
    ]);
  });

  it('an HTML paragraph is a step in its words, without tags; the table goes with it', () => {
    expect(texts(runbook, 'diagnosis')).toEqual([
      'Look at the await column of iostat -x 1 on the host & note the worst device.\n\n| What to compare | Where |\n|-----------------|-------|\n| queue depth     | `iostat -x 1` |\n| kernel errors   | `dmesg -T` |',
    ]);
  });
});

// ---- No word lost, no step invented, over every fixture --------------------------------------

/** Words (letters and digits) of a text, lower-cased, with how often each occurs. */
function wordCounts(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const word of text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []) {
    counts.set(word, (counts.get(word) ?? 0) + 1);
  }
  return counts;
}

/**
 * The words a reader of the rendered page sees: the source without front matter, comments (HTML and
 * `[//]: #`), Hugo shortcodes, images, the pasted alert rule (the runbook keeps it as its rule), a
 * <details> that holds nothing else, section headings, code fences' info lines, list markers and
 * HTML tags. Written independently of the parser, with regular expressions on the source.
 */
function sourceWords(source: string): Map<string, number> {
  let text = source.replace(/\r\n/g, '\n');
  text = text.replace(/^---\n[\s\S]*?\n---\n/, '');
  text = text.replace(/^\+\+\+\n[\s\S]*?\n\+\+\+\n/, '');
  text = text.replace(/<!--[\s\S]*?-->/g, ' ');
  text = text.replace(/\{\{[%<][\s\S]*?[%>]\}\}/g, ' ');
  text = text.replace(
    /^([ \t]*)(`{3,}|~{3,})ya?ml[^\n]*\n([\s\S]*?)^[ \t]*\2[ \t]*$/gm,
    (block, ...groups) => (/^[ \t]*-?[ \t]*alert:/m.test(String(groups[2])) ? ' ' : block),
  );
  text = text.replace(/<details>[\s\S]*?<\/details>/gi, (block) =>
    /[\p{L}\p{N}]/u.test(block.replace(/<summary>[\s\S]*?<\/summary>/i, '').replace(/<[^>]*>/g, ''))
      ? block
      : ' ',
  );
  text = text.replace(/^[ \t]*\[[^\]\n]+\]:[ \t].*$/gm, ' ');
  text = text.replace(/!\[[^\]]*\]\([^)]*\)/g, ' ');
  text = text.replace(/^#{1,6}[ \t]+(.*)$/gm, (line, heading: string) =>
    sectionOf(heading) !== undefined || isReferencesName(heading) ? ' ' : heading,
  );
  // Setext headings (a line underlined with `===` or `---`), section names left out like `## Meaning`.
  text = text.replace(/^([^\n]*[\p{L}\p{N}][^\n]*)\n[ \t]*(?:=+|-+)[ \t]*$/gmu, (_block, heading: string) =>
    sectionOf(heading.trim()) !== undefined || isReferencesName(heading) ? ' ' : heading,
  );
  // Character references (`&amp;`) are one character on the page, not a word.
  text = text.replace(/&(?:amp|lt|gt|quot|apos|nbsp|#39);/g, ' ');
  text = text.replace(/^[ \t]*(`{3,}|~{3,}).*$/gm, ' ');
  text = text.replace(/^([ \t>]*)(?:[-*+]|\d{1,3}[.)])(?:[ \t]+\[[ xX]\])?/gm, '$1 ');
  text = text.replace(/<[^>\n]+>/g, (tag) => (/^<https?:/.test(tag) || isPlaceholderTag(tag) ? tag : ' '));
  return wordCounts(text);
}

/** `<host-name>`: a value for the reader to fill in, not an HTML element the page would hide. */
function isPlaceholderTag(tag: string): boolean {
  const name = /^<\/?([A-Za-z][A-Za-z0-9-]*)>$/.exec(tag)?.[1]?.toLowerCase();
  const html =
    'a b br code details div em hr i img kbd li ol p pre span strong sub summary sup table td th tr u ul';
  return name !== undefined && !html.split(' ').includes(name);
}

/** The source as a reader sees it on the site: Hugo `ref` links point at their page. */
function withPages(source: string): string {
  return source.replace(/\{\{<\s*(?:rel)?ref\s+"([^"]*)"\s*>\}\}/g, '$1');
}

/** Text without inline markup (code ticks, emphasis, link targets), as a heading is shown. */
const unmarked = (text: string) =>
  squash(text.replace(/\[([^\]\n]*)\]\([^)\n]*\)/g, '$1').replace(/[`*]/g, ''));

/** Every piece of text the parsed runbook holds. */
function modelWords(runbook: Runbook): Map<string, number> {
  const rule = runbook.rule;
  const parts = [
    runbook.title,
    runbook.meaning,
    runbook.impact,
    ...runbook.steps.flatMap((step) => [
      step.group,
      step.text,
      ...step.probes.flatMap((probe) => [probe.title, probe.query]),
    ]),
    ...(runbook.notes ?? []).flatMap((note) => [note.heading, note.text]),
    ...(runbook.links ?? []).flatMap((link) => [link.label, link.text, link.url]),
    ...(rule
      ? [
          rule.alert,
          rule.expr,
          ...Object.entries(rule.labels).flat(),
          ...Object.entries(rule.annotations).flat(),
        ]
      : []),
  ];
  return wordCounts(parts.filter((part) => part !== undefined).join('\n'));
}

const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

/** Words of the source the runbook does not hold (as often as the source has them). */
function lostWords(source: string, runbook: Runbook): string[] {
  const model = modelWords(runbook);
  return [...sourceWords(source)]
    .filter(([word, count]) => (model.get(word) ?? 0) < count)
    .map(([word, count]) => `${word} (${count} in the source, ${model.get(word) ?? 0} read)`);
}

/** Lines of steps, and lead lines, that are not in the source. */
function inventedLines(original: string, runbook: Runbook): string[] {
  const source = withPages(original);
  const flat = unmarked(source);
  // Words from raw HTML (`<p>…<b>await</b>…</p>`) are shown without their tags.
  const withoutTags = squash(
    source
      .replace(/<[^>\n]+>/g, (tag) => (isPlaceholderTag(tag) ? tag : ' '))
      .replace(/&amp;/g, '&')
      .replace(/\s+([.,;:])/g, '$1'),
  );
  return runbook.steps.flatMap((step) => [
    ...step.text
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line !== '' && !source.includes(line) && !withoutTags.includes(squash(line)))
      .map((line) => `${step.id}: ${line}`),
    ...(step.group?.split(' · ') ?? [])
      .filter((lead) => !flat.includes(unmarked(lead)))
      .map((lead) => `${step.id} lead: ${lead}`),
  ]);
}

describe('the two checks below find what they look for', () => {
  const source = '# A\n\n## Meaning\n\nIt means trouble.\n\n## Diagnosis\n\n- Check the pump.\n';
  const runbook = parseRunbook(source);

  it('a dropped word is reported', () => {
    expect(lostWords(source, runbook)).toEqual([]);
    expect(lostWords(source, { ...runbook, meaning: 'It means.' })).toEqual([
      'trouble (1 in the source, 0 read)',
    ]);
  });

  it('an invented step is reported', () => {
    const [step] = runbook.steps;
    if (!step) throw new Error('the runbook should have a step');
    expect(inventedLines(source, runbook)).toEqual([]);
    expect(inventedLines(source, { ...runbook, steps: [{ ...step, text: 'Check the valve.' }] })).toEqual([
      'diagnosis-1: Check the valve.',
    ]);
  });
});

const allFixtures = [
  ...fs
    .readdirSync(fixtures)
    .filter((name) => name.endsWith('.md'))
    .map((name) => path.join(fixtures, name)),
  ...fs
    .readdirSync(collection)
    .filter((name) => isRunbookFileName(name))
    .map((name) => path.join(collection, name)),
];

describe.each(allFixtures.map((file) => [path.relative(fixtures, file), file]))('%s', (_name, file) => {
  const source = fs.readFileSync(file, 'utf8');
  const runbook = parseRunbook(source, { fileName: path.basename(file) });

  it('loses no word of the source', () => {
    expect(lostWords(source, runbook)).toEqual([]);
  });

  it('invents no step: every line of a step, and its lead line, is in the source', () => {
    expect(inventedLines(source, runbook)).toEqual([]);
  });
});
