// The alert expression over the incident as an inline SVG line chart for the HTML export: one chart
// per series (as many as the Markdown's Mermaid charts), the threshold as a dashed line, axes
// labelled with the project's value and time formatters. The plot's bounds are written on the
// element (data-t0/t1, data-low/high) so a reader or a test can turn a point back into its numbers.
import type { LabelSet } from '../alerts/alert.js';
import { formatLabels } from '../format/labels.js';
import { formatValue } from '../format/value.js';
import { formatThreshold } from '../probe/threshold.js';
import type { RangePoint } from '../timeline/events.js';
import type { DetectionInput } from './detection-lag.js';
import { formatUtc } from './format.js';
import { escapeHtml } from './html-text.js';
import { clock, thin, valueRange } from './mermaid.js';

const width = 720;
const height = 240;
const plot = { x: 72, y: 28, w: 720 - 72 - 16, h: 240 - 28 - 44 };
const maxCharts = 3;
/** Points drawn per series at most: enough for a smooth line, few enough to keep the file small. */
const maxPoints = 240;
const ticks = 4;

/** One SVG per series with finite values, at most three, in the series' order. */
export function svgCharts(detection: DetectionInput): string[] {
  return detection.series
    .slice(0, maxCharts)
    .map((series) => svgChart(series.labels, series.points, detection))
    .filter((svg): svg is string => svg !== undefined);
}

function svgChart(
  labels: LabelSet,
  points: readonly RangePoint[],
  detection: DetectionInput,
): string | undefined {
  const finite = points.filter(([, v]) => Number.isFinite(v)).sort((a, b) => a[0] - b[0]);
  const shown = thin(finite, maxPoints);
  const first = shown[0];
  const last = shown.at(-1);
  if (first === undefined || last === undefined) return undefined;
  const threshold = detection.threshold.value;
  const limit = Number.isFinite(threshold) ? [threshold] : [];
  const values = shown.map(([, v]) => v);
  const { low, top: high } = valueRange([...values, ...limit]);
  const [t0, t1] = [first[0], last[0] === first[0] ? first[0] + 1 : last[0]];
  const x = (t: number) => round(plot.x + ((t - t0) / (t1 - t0)) * plot.w);
  const y = (v: number) => round(plot.y + (1 - (v - low) / (high - low)) * plot.h);
  const line = shown.map(([t, v]) => `${x(t)},${y(v)}`).join(' ');
  const withSeconds = detection.stepSeconds < 60;
  const yTicks = Array.from({ length: ticks + 1 }, (_, i) => low + ((high - low) * i) / ticks);
  const tTicks = Array.from({ length: ticks + 1 }, (_, i) => t0 + ((t1 - t0) * i) / ticks);
  const title = `${detection.query} ${formatLabels(labels)}`;
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" data-t0="${t0}" data-t1="${t1}" data-low="${low}" data-high="${high}">`,
    `<title>${escapeHtml(title)}</title>`,
    `<rect class="plot" x="${plot.x}" y="${plot.y}" width="${plot.w}" height="${plot.h}" fill="none" stroke="#ccc"/>`,
    ...yTicks.map(
      (v) => `<text x="${plot.x - 6}" y="${y(v) + 4}" text-anchor="end">${escapeHtml(formatValue(v))}</text>`,
    ),
    ...tTicks.map(
      (t) =>
        `<text x="${x(t)}" y="${plot.y + plot.h + 16}" text-anchor="middle">${clock(t, withSeconds)}</text>`,
    ),
    `<text x="${plot.x + plot.w / 2}" y="${height - 6}" text-anchor="middle">time (UTC, ${escapeHtml(formatUtc(new Date(t0 * 1000).toISOString()).slice(0, 10))})</text>`,
    `<text x="${plot.x}" y="${plot.y - 10}">${escapeHtml(cut(title, 100))}</text>`,
  ];
  if (limit.length > 0) {
    parts.push(
      `<line class="threshold" x1="${plot.x}" x2="${plot.x + plot.w}" y1="${y(threshold)}" y2="${y(threshold)}" stroke="#c00" stroke-dasharray="6 4"/>`,
      `<text x="${plot.x + plot.w - 4}" y="${y(threshold) - 4}" text-anchor="end" fill="#c00">${escapeHtml(formatThreshold(detection.threshold))}</text>`,
    );
  }
  parts.push(
    `<polyline class="series" points="${line}" fill="none" stroke="#1f5fa8" stroke-width="1.5"/>`,
    '</svg>',
  );
  return parts.join('\n');
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}

function cut(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
