import { describe, expect, it } from 'vitest';
import { exportMarkdown } from '../../../src/core/export/markdown.js';
import { alertCharts, chartSection, graphUrl } from '../../../src/core/export/mermaid.js';
import type { DetectionInput } from '../../../src/core/export/detection-lag.js';
import { fold } from '../../../src/core/timeline/fold.js';
import type { RangePoint } from '../../../src/core/timeline/events.js';
import { sampleEvents, t } from '../timeline/sample-events.js';

const utc = { name: 'UTC', offsetMinutes: 0 };

/** A Mermaid xychart block read back: its statements, each axis and line parsed. */
function parseChart(block: readonly string[]) {
  expect(block[0]).toBe('```mermaid');
  expect(block.at(-1)).toBe('```');
  const [kind, ...statements] = block.slice(1, -1).map((line) => line.trim());
  expect(kind).toBe('xychart-beta');
  const list = (text: string) => JSON.parse(text) as unknown[];
  const chart = { title: '', x: [] as string[], y: [0, 0], lines: [] as number[][] };
  for (const statement of statements) {
    const [, keyword, rest] = /^(title|x-axis|y-axis|line) (.*)$/.exec(statement) ?? [];
    if (keyword === 'title') chart.title = list(`[${rest}]`)[0] as string;
    else if (keyword === 'x-axis') chart.x = list(rest!) as string[];
    else if (keyword === 'y-axis') {
      const [, low, high] = /^"[^"]*" (-?[\d.]+) --> (-?[\d.]+)$/.exec(rest!) ?? [];
      chart.y = [Number(low), Number(high)];
    } else if (keyword === 'line') chart.lines.push(list(rest!) as number[]);
    else throw new Error(`not an xychart statement: ${statement}`);
  }
  return chart;
}

const detection = (points: RangePoint[], labels = { server: 'web1' }): DetectionInput => ({
  query: 'sum by (server) (rate(x_total[1m]))',
  threshold: { op: '>', value: 100 },
  stepSeconds: 60,
  series: [{ labels, points }],
});

describe('Mermaid charts of the alert expression', () => {
  it('the sample journal: one point per recorded sample, the threshold as a second line', () => {
    const incident = fold(sampleEvents)!;
    const lines = chartSection(incident, {});
    const block = lines.slice(lines.indexOf('```mermaid'), lines.indexOf('```') + 1);
    const chart = parseChart(block);
    expect(chart.x).toEqual([
      '14:00:00',
      '14:00:10',
      '14:00:20',
      '14:00:30',
      '14:00:40',
      '14:00:50',
      '14:01:00',
    ]);
    expect(chart.lines).toEqual([
      [0, 0, 40, 90, 130, 150, 150],
      [100, 100, 100, 100, 100, 100, 100],
    ]);
    expect(chart.y[0]).toBe(0);
    expect(chart.y[1]).toBeGreaterThanOrEqual(150);
  });

  it('a long range is thinned to at most 60 points, each one a recorded value, the last kept', () => {
    const points: RangePoint[] = Array.from({ length: 181 }, (_, i) => [t('12:00:00') + i * 60, i * 1.5]);
    const [block] = alertCharts(detection(points));
    const chart = parseChart(block!);
    expect(chart.lines[0]!.length).toBeLessThanOrEqual(60);
    expect(chart.x.length).toBe(chart.lines[0]!.length);
    expect(chart.x.at(-1)).toBe('15:00');
    expect(chart.lines[0]!.at(-1)).toBe(270);
    const recorded = new Map(
      points.map(([time, value]) => [new Date(time * 1000).toISOString().slice(11, 16), value]),
    );
    chart.x.forEach((label, i) => expect(chart.lines[0]![i]).toBe(recorded.get(label)));
  });

  it('NaN and infinities are left out; hostile labels can not end the title or the block', () => {
    const points: RangePoint[] = [
      [t('14:00:00'), Number.NaN],
      [t('14:01:00'), 120.123456789],
      [t('14:02:00'), Number.POSITIVE_INFINITY],
    ];
    const [block] = alertCharts(detection(points, { server: 'web1"\n```\n<script>' }));
    const chart = parseChart(block!);
    expect(chart.x).toEqual(['14:01']);
    expect(chart.lines[0]).toEqual([120.123]);
    expect(chart.title).not.toMatch(/["\n`]/);
    expect(alertCharts(detection([[t('14:00:00'), Number.NaN]]))).toEqual([]);
  });

  it('a label holding an escape sequence loses the whole sequence in the title, not its ESC byte alone', () => {
    const points: RangePoint[] = [[t('14:01:00'), 1]];
    const [block] = alertCharts(detection(points, { server: 'Evil\u001b[31mRed\u001b[0m\u009b1mX' }));
    expect(parseChart(block!).title).toBe('sum by (server) (rate(x_total[1m])) {server=EvilRedX}');
  });

  it('links every recorded probe to Prometheus’s graph over the incident, ±10 minutes', () => {
    const incident = fold(sampleEvents)!;
    const text = exportMarkdown(sampleEvents, { zone: utc, prometheusUrl: 'http://prom.example:9090/' });
    const links = [...text.matchAll(/^- \[([^\]]+)\]\((\S+)\)$/gm)];
    expect(links.map((m) => m[1])).toEqual(
      incident.probeRuns
        .flatMap((run) => run.probes.map((p) => p.title))
        .filter((v, i, a) => a.indexOf(v) === i),
    );
    const url = new URL(links[0]![2]!);
    expect(url.origin + url.pathname).toBe('http://prom.example:9090/graph');
    expect(url.searchParams.get('g0.expr')).toBe(incident.probeRuns[0]!.probes[0]!.query);
    // 14:00:55 firing → 14:12:30 resolved, widened by 10 minutes each side.
    expect(url.searchParams.get('g0.end_input')).toBe('2026-11-23 14:22:30');
    expect(url.searchParams.get('g0.range_input')).toBe('32m');
    expect(links[0]![2]).not.toMatch(/[()]/);
    // Without Prometheus's URL, no links.
    expect(exportMarkdown(sampleEvents, { zone: utc })).not.toContain('/graph?');
  });

  it('graphUrl encodes the query', () => {
    const url = graphUrl('http://p', 'rate(x{a="b c"}[1m])', 0, 3_600_000);
    expect(new URL(url).searchParams.get('g0.expr')).toBe('rate(x{a="b c"}[1m])');
    expect(new URL(url).searchParams.get('g0.range_input')).toBe('60m');
  });
});
