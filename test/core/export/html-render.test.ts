// The HTML export renders long tables and lists in pieces, and their plain rows and items without
// micromark (src/core/export/html-render.ts): it must give the bytes one micromark call gives.
import { micromark } from 'micromark';
import { gfm, gfmHtml } from 'micromark-extension-gfm';
import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../../src/core/export/html-render.js';
import { exportMarkdown } from '../../../src/core/export/markdown.js';
import type { TimelineEvent } from '../../../src/core/timeline/events.js';
import { sampleEvents } from '../timeline/sample-events.js';
import { largeJournal } from './large-journal.js';

const whole = (markdown: string) => micromark(markdown, { extensions: [gfm()], htmlExtensions: [gfmHtml()] });
const berlin = { zone: { name: 'Europe/Berlin', offsetMinutes: 60 } };
const utc = { zone: { name: 'UTC', offsetMinutes: 0 } };

// Texts at the edge of plain: each has something micromark treats specially, or nearly so.
const edgeTexts = [
  'plain words, digits 123; (parens) ?+=#%{}-',
  'www.example.com is linked',
  'WWW.EXAMPLE.COM too',
  'see http://example.com/x',
  'mail bob@example.com',
  'under_score and *star* and ~tilde~',
  '<b>html</b> & entity &amp;',
  'a "quoted" and \'single\' word',
  'trailing space ',
  '  leading space',
  'pipe | in a cell',
  'back\\slash',
  '`code`',
  '[link](x)',
  '',
  'two\nlines',
  '1. numbered',
  '# heading',
  'emoji ✓ and accents é',
  'restarted job_name on web1; rate(errors[5m]) > 0.5 and it\'s "down"',
  'see /var/log/haproxy.log, not ftp://host or mailto:x',
  'x < y && z != 1 | tee ~/out',
  '![img](u) and <http://x> and [ref]',
  '__dunder__ and **bold** and ~~struck~~',
  'ends with a backslash \\',
  '&copy; &#169; &#xA9;',
  'Привет, 世界 and Ångström',
  'tab\there and a\u00a0no-break space',
];

function notes(count: number): TimelineEvent[] {
  const [opened] = sampleEvents as [TimelineEvent];
  const start = Date.parse(opened.at);
  const events: TimelineEvent[] = [opened];
  for (let i = 1; i < count; i += 1) {
    const text = `${edgeTexts[i % edgeTexts.length] ?? ''}${i % 3 === 0 ? '' : ` ${i}`}`;
    const at = new Date(start + i * 1000).toISOString();
    events.push(
      i % 4 === 0
        ? { at, type: 'note-added', text, author: edgeTexts[i % 7] ?? 'x' }
        : { at, type: 'note-added', text },
    );
  }
  return events;
}

describe('renderMarkdown', () => {
  it('gives what one micromark call gives for notes at the edge of plain text', () => {
    const markdown = exportMarkdown(notes(700), berlin);
    const html = renderMarkdown(markdown);
    expect(html).toBe(whole(markdown));
    // Both ways were taken: rows written directly and rows rendered by micromark.
    expect(html).toContain('<a href="http://www.example.com">www.example.com</a>');
    expect(html).toMatch(/<li><strong>[^<]+<\/strong>[^<]*: plain words, digits 123; \(parens\)/);
  });

  it('gives what one micromark call gives for a varied 1,000-event incident, in two zones', () => {
    const events = largeJournal(1_000);
    for (const options of [utc, berlin]) {
      const markdown = exportMarkdown(events, options);
      expect(renderMarkdown(markdown)).toBe(whole(markdown));
    }
  });

  it('gives what one micromark call gives for short documents, tables and lists', () => {
    for (const markdown of [
      '',
      '# Title\n',
      exportMarkdown(sampleEvents, berlin),
      `## T\n\n| a | b |\n| --- | --- |\n${'| x | y |\n'.repeat(450)}\n## After\n`,
      `## N\n\n${'- **t** x\n  more\n'.repeat(300)}`,
      `${'- **t**: y\n'.repeat(250)}no blank line after`,
    ]) {
      expect(renderMarkdown(markdown)).toBe(whole(markdown));
    }
  });
});
