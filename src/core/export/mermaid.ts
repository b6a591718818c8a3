// Charts for the postmortem that render where postmortems are read: GitHub and GitLab draw Mermaid
// `xychart-beta` blocks. The alert expression's recorded range data (one chart per series, a few at
// most) with its threshold as a second line; and a link per recorded probe to Prometheus's graph
// page over the incident's time range. Every number is one the journal holds; nothing is smoothed.
import type { LabelSet } from '../alerts/alert.js';
import { formatThreshold } from '../probe/threshold.js';
import type { RangePoint } from '../timeline/events.js';
import { incidentStart, type Incident } from '../timeline/incident.js';
import { detectionInputFromIncident, type DetectionInput } from './detection-lag.js';
import { codeText, inlineText } from './markdown-text.js';
import { largest, smallest } from '../bounded.js';
import { sanitizeLine } from '../sanitize-text.js';

/** What the chart section needs beyond the incident. */
export interface ChartOptions {
  /** The alert expression's range data, when not recorded in the journal. */
  readonly detection?: DetectionInput | undefined;
  /** Prometheus's external URL, for links to its graph page; no links without it. */
  readonly prometheusUrl?: string | undefined;
}

const maxCharts = 3;
const maxPoints = 60;
/** Minutes shown before the incident starts and after it ends, so the rise and fall are in view. */
const marginMinutes = 10;

/** The `## Charts` section: the alert expression chart(s) and the probe links; empty when there is neither. */
export function chartSection(incident: Incident, options: ChartOptions): string[] {
  const detection = options.detection ?? detectionInputFromIncident(incident);
  const charts = detection ? alertCharts(detection) : [];
  const links = options.prometheusUrl === undefined ? [] : probeLinks(incident, options.prometheusUrl);
  if (charts.length === 0 && links.length === 0) return [];
  const lines = ['## Charts', ''];
  if (detection && charts.length > 0) {
    lines.push(
      `The alert expression ${codeText(detection.query)} as recorded (UTC, one point per ${detection.stepSeconds} s), with its threshold (${formatThreshold(detection.threshold)}) as the second line.`,
      '',
      ...charts.flatMap((chart) => [...chart, '']),
    );
  }
  if (links.length > 0) lines.push('Each probe in Prometheus over the incident:', '', ...links, '');
  return lines;
}

/** One Mermaid block per series (at most three), each as its lines including the fences. */
export function alertCharts(detection: DetectionInput): string[][] {
  return detection.series
    .slice(0, maxCharts)
    .map((series) => chartLines(series.labels, series.points, detection))
    .filter((lines): lines is string[] => lines !== undefined);
}

function chartLines(
  labels: LabelSet,
  points: readonly RangePoint[],
  detection: DetectionInput,
): string[] | undefined {
  const finite = [...points].filter(([, v]) => Number.isFinite(v)).sort((a, b) => a[0] - b[0]);
  const shown = thin(finite, maxPoints);
  if (shown.length === 0) return undefined;
  const values = shown.map(([, v]) => v);
  const threshold = detection.threshold.value;
  const limit = Number.isFinite(threshold) ? [threshold] : [];
  const { low, top } = valueRange([...values, ...limit]);
  const lines = [
    '```mermaid',
    'xychart-beta',
    `    title "${chartText(`${detection.query} ${describeLabels(labels)}`)}"`,
    `    x-axis [${shown.map(([t]) => `"${clock(t, detection.stepSeconds < 60)}"`).join(', ')}]`,
    `    y-axis "value" ${number(low)} --> ${number(top)}`,
    `    line [${values.map(number).join(', ')}]`,
  ];
  if (limit.length > 0) lines.push(`    line [${shown.map(() => number(threshold)).join(', ')}]`);
  lines.push('```');
  return lines;
}

/** The value axis for these values: from the lowest (or 0) to 10% above the highest. */
export function valueRange(values: readonly number[]): { low: number; top: number } {
  const low = smallest(values, 0);
  const high = largest(values, 0);
  return { low, top: high === low ? low + 1 : high + (high - low) * 0.1 };
}

/** Every n-th point so at most `max` remain, always keeping the last (the latest value). */
export function thin(points: readonly RangePoint[], max: number): RangePoint[] {
  if (points.length <= max) return [...points];
  const every = Math.ceil(points.length / max);
  const kept = points.filter((_, i) => (points.length - 1 - i) % every === 0);
  return kept.slice(-max);
}

/** A number as Mermaid reads it: six significant digits, no exponent for ordinary sizes. */
export function number(value: number): string {
  return String(Number(value.toPrecision(6)));
}

/** `14:02`, or `14:02:10` when points are less than a minute apart (UTC). */
export function clock(unixSeconds: number, withSeconds: boolean): string {
  return new Date(unixSeconds * 1000).toISOString().slice(11, withSeconds ? 19 : 16);
}

function describeLabels(labels: LabelSet): string {
  const pairs = Object.keys(labels)
    .filter((name) => name !== '__name__')
    .sort()
    .map((name) => `${name}=${labels[name] ?? ''}`);
  return pairs.length === 0 ? '' : `{${pairs.join(', ')}}`;
}

// Text inside a Mermaid quoted string: no quotes, backslashes, line breaks or other characters that
// could end the string or the block; cut short so the title fits.
function chartText(text: string): string {
  // Escape sequences and controls go whole through the one sanitizer first, as everywhere else.
  const safe = sanitizeLine(text)
    .replace(/[^\w .,:;=+*/()[\]{}<>!~-]/g, '_')
    .trim();
  return safe.length > 90 ? `${safe.slice(0, 89)}…` : safe;
}

/** A link to Prometheus's graph page for each distinct probe query, over the incident's time range. */
export function probeLinks(incident: Incident, prometheusUrl: string): string[] {
  const range = graphRange(incident);
  if (range === undefined) return [];
  const { start, end } = range;
  const seen = new Set<string>();
  const lines: string[] = [];
  for (const run of incident.probeRuns) {
    for (const probe of run.probes) {
      if (seen.has(probe.query)) continue;
      seen.add(probe.query);
      lines.push(`- [${inlineText(probe.title)}](${graphUrl(prometheusUrl, probe.query, start, end)})`);
    }
  }
  return lines;
}

/**
 * The time range graph links show, in ms since the epoch: from a margin before the incident started
 * to a margin after it resolved or closed, or (still open) after its last event or `nowMs`, whichever
 * is later. Undefined when the incident's times cannot be read.
 */
export function graphRange(incident: Incident, nowMs?: number): { start: number; end: number } | undefined {
  const start = Date.parse(incidentStart(incident)) - marginMinutes * 60_000;
  const endIso = incident.resolvedAt ?? incident.closedAt;
  const last =
    endIso === undefined ? Math.max(Date.parse(incident.updatedAt), nowMs ?? 0) : Date.parse(endIso);
  const end = last + marginMinutes * 60_000;
  if (!Number.isFinite(start) || !Number.isFinite(end) || end <= start) return undefined;
  return { start, end };
}

/** Prometheus's `/graph` page for `query`, its range ending at `endMs` and reaching back to `startMs`. */
export function graphUrl(prometheusUrl: string, query: string, startMs: number, endMs: number): string {
  const base = prometheusUrl.replace(/\/+$/, '');
  const minutes = Math.max(1, Math.ceil((endMs - startMs) / 60_000));
  const endInput = new Date(endMs).toISOString().slice(0, 19).replace('T', ' ');
  const params = new URLSearchParams({
    'g0.expr': query,
    'g0.tab': '0',
    'g0.range_input': `${minutes}m`,
    'g0.end_input': endInput,
  });
  // Parentheses would end a Markdown link's destination: write them percent-encoded.
  return `${base}/graph?${params.toString().replace(/\(/g, '%28').replace(/\)/g, '%29')}`;
}
