// The HTML export: one self-contained file whose structure parses back (every tag closed in
// order), whose text is escaped however hostile, whose chart points turn back into the recorded
// range data, with no scripts or external resources, and small.
import { describe, expect, it } from 'vitest';
import { exportHtml } from '../../../src/core/export/html.js';
import { exportMarkdown } from '../../../src/core/export/markdown.js';
import type { ProbeRunEvent, RangePoint, TimelineEvent } from '../../../src/core/timeline/events.js';
import { sampleEvents, t } from '../timeline/sample-events.js';

const utc = { name: 'UTC', offsetMinutes: 0 };
const voidElements = new Set(['meta', 'br', 'hr', 'img', 'input', 'rect', 'line', 'polyline']);

/** The element names in document order, after checking every tag is closed in order. */
function parseTags(html: string): string[] {
  const open: string[] = [];
  const names: string[] = [];
  for (const match of html.matchAll(/<(\/?)([a-zA-Z][\w-]*)\b[^>]*?(\/?)>/g)) {
    const [, closing, rawName, selfClosing] = match;
    const name = rawName!.toLowerCase();
    if (closing) {
      expect(open.pop(), `closing </${name}>`).toBe(name);
    } else {
      names.push(name);
      if (!selfClosing && !voidElements.has(name)) open.push(name);
    }
  }
  expect(open).toEqual([]);
  return names;
}

const hostile = '<script>alert(1)</script> "quoted" & <img src=x onerror=alert(2)> \u001b]0;pwned\u0007';
const hostileLabels = { server: 'web1"><svg onload=alert(3)>', team: '</title><script>x</script>' };
const alertRun = sampleEvents.find(
  (e): e is ProbeRunEvent => e.type === 'probe-run' && e.probes.some((p) => p.role === 'alert-rule'),
);

function hostileEvents(): TimelineEvent[] {
  const [opened, ...rest] = sampleEvents;
  if (opened?.type !== 'incident-opened') throw new Error('sample has no incident-opened');
  return [
    { ...opened, title: `Title ${hostile}` },
    ...rest,
    { at: '2026-11-23T14:19:00.000Z', type: 'note-added', text: hostile, author: 'mallory <b>' },
    {
      at: '2026-11-23T14:19:10.000Z',
      type: 'alert-firing',
      alert: { fingerprint: 'evil', labels: hostileLabels, startsAt: '2026-11-23T14:19:00.000Z' },
    },
  ];
}

describe('the HTML export', () => {
  it('is one well-formed, self-contained document with the Markdown’s sections in order', () => {
    const html = exportHtml(sampleEvents, { zone: utc, prometheusUrl: 'http://prom.example:9090' });
    expect(html.startsWith('<!doctype html>\n<html lang="en">')).toBe(true);
    const names = parseTags(html);
    expect(names.filter((n) => n === 'html' || n === 'head' || n === 'body')).toEqual([
      'html',
      'head',
      'body',
    ]);
    expect(names).not.toContain('script');
    expect(names).not.toContain('img');
    expect(names).not.toContain('link');
    // Nothing loads from elsewhere: no src attributes, no url(), and the policy forbids it anyway.
    expect(html).not.toMatch(/\ssrc=|url\(|@import/i);
    expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'"`);
    // Links (to the Prometheus graph) are hyperlinks only, to the configured Prometheus.
    const hrefs = [...html.matchAll(/href="([^"]*)"/g)].map((m) => m[1]);
    expect(hrefs.length).toBeGreaterThan(0);
    expect(hrefs.every((h) => h?.startsWith('http://prom.example:9090/graph?'))).toBe(true);
    const markdown = exportMarkdown(sampleEvents, { zone: utc, prometheusUrl: 'http://prom.example:9090' });
    const mdHeadings = [...markdown.matchAll(/^##+ (.*)$/gm)].map((m) => m[1]);
    const htmlHeadings = [...html.matchAll(/<h[23]>(.*?)<\/h[23]>/g)].map((m) => m[1]);
    expect(htmlHeadings).toEqual(mdHeadings);
    expect(html).not.toContain('```mermaid');
    expect(names.filter((n) => n === 'svg')).toHaveLength(1);
  });

  it('escapes hostile titles, notes and labels everywhere, including the chart', () => {
    const events = hostileEvents();
    const withChart = events.map((e) =>
      e === alertRun
        ? {
            ...alertRun,
            probes: alertRun.probes.map((p) =>
              p.range
                ? {
                    ...p,
                    range: {
                      ...p.range,
                      series: p.range.series.map((s) => ({ ...s, labels: hostileLabels })),
                    },
                  }
                : p,
            ),
          }
        : e,
    );
    const html = exportHtml(withChart, { zone: utc });
    const names = parseTags(html);
    for (const bad of ['script', 'img', 'b', 'i']) expect(names).not.toContain(bad);
    expect(names.filter((n) => n === 'svg')).toHaveLength(1);
    expect(names.filter((n) => n === 'title')).toHaveLength(2);
    expect(html).not.toMatch(/<script|<img|<svg onload|pwned/);
    expect(html).not.toContain(String.fromCharCode(27));
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toMatch(
      /<title>Postmortem: Title &lt;script&gt;alert\(1\)&lt;\/script&gt; &quot;quoted&quot; &amp; &lt;img/,
    );
    expect(html).toContain('&lt;/title&gt;&lt;script&gt;x&lt;/script&gt;');
  });

  it('draws the recorded range data: each point turns back into its time and value, the threshold at 100', () => {
    const html = exportHtml(sampleEvents, { zone: utc });
    const svg = /<svg[^>]*>[\s\S]*?<\/svg>/.exec(html)?.[0] ?? '';
    const attr = (name: string, within = svg) => Number(new RegExp(`${name}="([^"]+)"`).exec(within)?.[1]);
    const [t0, t1, low, high] = ['data-t0', 'data-t1', 'data-low', 'data-high'].map((n) => attr(n));
    const rect = /<rect class="plot"[^>]*>/.exec(svg)?.[0] ?? '';
    const [x, y, w, h] = ['x', 'y', 'width', 'height'].map((n) => attr(` ${n}`, rect));
    const toData = (px: number, py: number): RangePoint => [
      t0! + ((px - x!) / w!) * (t1! - t0!),
      low! + (1 - (py - y!) / h!) * (high! - low!),
    ];
    const polyline = /<polyline class="series" points="([^"]+)"/.exec(svg)?.[1] ?? '';
    const drawn = polyline
      .split(' ')
      .map((pair) => toData(...(pair.split(',').map(Number) as [number, number])));
    const recorded = alertRun?.probes.find((p) => p.range)?.range?.series[0]?.points ?? [];
    expect(recorded.length).toBe(7);
    expect(drawn).toHaveLength(recorded.length);
    drawn.forEach(([time, value], i) => {
      expect(time).toBeCloseTo(recorded[i]![0], 0);
      expect(Math.abs(value - recorded[i]![1])).toBeLessThan(0.2);
    });
    expect(t0).toBe(t('14:00:00'));
    const threshold = /<line class="threshold"[^>]*y1="([^"]+)"/.exec(svg)?.[1];
    expect(toData(x!, Number(threshold))[1]).toBeCloseTo(100, 0);
    // Axes use the project's formatters: values as the screen writes them, times in UTC.
    expect(svg).toContain('>14:00:30</text>');
    expect(svg).toContain('>165</text>');
    expect(svg).toContain('>&gt; 100</text>');
  });

  it('stays small: the sample incident with its chart is under 12 kB', () => {
    const html = exportHtml(sampleEvents, { zone: utc });
    expect(Buffer.byteLength(html)).toBeLessThan(12_000);
  });
});
