// Text from alerts, runbooks and notes in the Markdown export: it must render as the literal text,
// never break a table, make a link or raw HTML, carry terminal escapes, or leak a credential.
import { describe, expect, it } from 'vitest';
import { exportMarkdown } from '../../../src/core/export/markdown.js';
import type { TimelineEvent } from '../../../src/core/timeline/events.js';
import { sampleEvents } from '../timeline/sample-events.js';

const hostileNote =
  'Pipe | and `code` <b>bold</b> [x](javascript:alert(1)) ![img](http://evil/p.png)\n' +
  '# not a heading\n' +
  '\u001b[31mred\u001b[0m\u001b]0;title\u0007 https://bob:hunter2@grafana.example.com/d/1?token=s3cr3t&x=1\n' +
  '\n' +
  '| a | b |\n' +
  '1. not a list';

const hostileLabels = { server: 'web1|web2', team: '`x` <img src=x onerror=alert(1)>', zone: 'eu\nwest' };

const events: TimelineEvent[] = [
  {
    ...(sampleEvents[0] as TimelineEvent & { type: 'incident-opened' }),
    title: 'Errors <script>alert(1)</script> | [click](http://evil)',
    alerts: [{ fingerprint: 'aaa1', labels: hostileLabels, startsAt: '2026-11-23T14:00:55.000Z' }],
  },
  {
    at: '2026-11-23T14:01:21.000Z',
    type: 'runbook-opened',
    source: { kind: 'url', url: 'https://alice:pa55word@wiki.example.com/runbook.md', cached: false },
    textHash: 'sha256:00',
    title: 'Runbook',
    steps: [
      {
        id: 'diagnosis-1',
        section: 'diagnosis',
        text: 'Run `curl -H "Authorization: Bearer abcdefgh12345678"`',
      },
    ],
  },
  { at: '2026-11-23T14:03:10.000Z', type: 'note-added', text: hostileNote, author: 'mallory | <i>' },
  {
    at: '2026-11-23T14:03:20.000Z',
    type: 'probe-run',
    stepId: 'diagnosis-1',
    probes: [
      {
        title: 'Errors | `oops`',
        query: 'sum by (x) (rate(errors{team="a|b", msg="``"}[1m]))',
        ranAt: '2026-11-23T14:03:20.000Z',
        verdict: 'ok',
        series: [{ labels: hostileLabels, value: 1 }],
      },
    ],
  },
];

const markdown = exportMarkdown(events, { zone: { name: 'UTC', offsetMinutes: 0 } });
const lines = markdown.split('\n');

/** The `|` that separate table cells: not escaped with a backslash. */
function cellSeparators(line: string): number {
  return (line.match(/(?<!\\)\|/g) ?? []).length;
}

describe('hostile text in the Markdown export', () => {
  it('escapes a note line by line so it stays literal text inside its list item', () => {
    const start = lines.findIndex((line) => line.startsWith('- **2026-11-23 14:03:10 UTC**'));
    expect(lines.slice(start, start + 5)).toEqual([
      '- **2026-11-23 14:03:10 UTC** (mallory \\| \\<i\\>): Pipe \\| and \\`code\\` \\<b\\>bold\\</b\\> \\[x\\](javascript:alert(1)) \\!\\[img\\](http://evil/p.png)  ',
      '  \\# not a heading  ',
      '  red https://grafana.example.com/d/1?token=REDACTED\\&x=1  ',
      '  \\| a \\| b \\|  ',
      '  1\\. not a list',
    ]);
  });

  it('keeps every table row to the number of cells of its header', () => {
    let columns = 0;
    let rows = 0;
    for (const line of lines) {
      if (!line.startsWith('|')) {
        columns = 0;
        continue;
      }
      if (columns === 0) columns = cellSeparators(line);
      expect(cellSeparators(line), line).toBe(columns);
      rows += 1;
    }
    expect(rows).toBeGreaterThan(8);
    expect(markdown).toContain(
      '| ``{server="web1\\|web2", team="`x` <img src=x onerror=alert(1)>", zone="eu\\nwest"}`` | 1 | unjudged |',
    );
  });

  it('lets no link, image or HTML tag through outside code spans', () => {
    const outsideCode = markdown.replace(/(`+)[\s\S]*?\1/g, '');
    expect(outsideCode).not.toMatch(/(?<!\\)\[[^\]]*(?<!\\)\]\(/);
    expect(outsideCode).not.toMatch(/(?<!\\)<[a-z/!]/i);
    expect(markdown).toContain(
      '# Postmortem: Errors \\<script\\>alert(1)\\</script\\> \\| \\[click\\](http://evil)',
    );
  });

  it('cleans a label value the same way for ESC and for C1 controls: the whole sequence goes', () => {
    const withControls = events.map((event) =>
      event.type === 'incident-opened'
        ? {
            ...event,
            alerts: [
              {
                fingerprint: 'aaa1',
                labels: { esc: 'Evil\u001b[31mRed\u001b[0m', c1: 'Evil\u009b31mRed\u0085' },
                startsAt: '2026-11-23T14:00:55.000Z',
              },
            ],
          }
        : event,
    );
    const text = exportMarkdown(withControls, { zone: { name: 'UTC', offsetMinutes: 0 } });
    expect(text).toContain('`{c1="EvilRed", esc="EvilRed"}`');
    expect(text).not.toMatch(/\\u00[0-9a-f]{2}|31m/);
  });

  it('fences code containing backticks with a longer run of backticks', () => {
    expect(markdown).toContain('Query: ```sum by (x) (rate(errors{team="a|b", msg="``"}[1m]))```');
    expect(markdown).toContain('Errors \\| \\`oops\\`');
  });

  it('removes terminal escapes and secrets', () => {
    // eslint-disable-next-line no-control-regex -- looking for exactly these characters
    expect(markdown).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
    for (const secret of ['hunter2', 's3cr3t', 'pa55word', 'abcdefgh12345678', 'bob:', 'alice:']) {
      expect(markdown).not.toContain(secret);
    }
    expect(markdown).toContain('`https://wiki.example.com/runbook.md`');
    expect(markdown).toContain('Authorization: Bearer REDACTED');
  });
});
