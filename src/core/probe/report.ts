// The plain-text form of a step's probe results, for `sitrep probe` (and anything else that prints
// rather than draws). Every piece of text that came from a runbook, an alert or a server goes
// through sanitizeLine: a label value must not be able to move the cursor or recolour the terminal.
import { cellWidth, formatLabels, formatValue, padCells, padCellsStart } from '../format/index.js';
import { cutText, sanitizeLine } from '../sanitize.js';
import type { Probe } from './probe.js';
import type { ProbeFailure, ProbeResult, SeriesResult } from './result.js';
import { alignToWindow, sparkline } from './sparkline.js';
import { formatThreshold } from './threshold.js';
import { verdictText } from './verdict.js';
import { largest } from '../bounded.js';
import { sharedLabels, sharedLabelsLine } from './shared-labels.js';

/** Options for {@link formatStepReport}. */
export interface StepReportOptions {
  /** Series shown per probe at most (the worst first); the rest are counted. Default 10. */
  readonly maxSeries?: number;
  /** Sparkline columns. Default 20. */
  readonly sparklineWidth?: number;
  /** Longest label text in the series column before it is cut with `…`. Default 48. */
  readonly labelWidth?: number;
}

/**
 * A step's results as text: a heading, then per probe its title and thresholds, its final query, and
 * one row per series (labels, value, verdict, sparkline) with the columns aligned across the step.
 */
export function formatStepReport(
  heading: string,
  results: readonly ProbeResult[],
  options: StepReportOptions = {},
): string {
  const maxSeries = options.maxSeries ?? 10;
  const labelWidth = options.labelWidth ?? 48;
  const width = options.sparklineWidth ?? 20;
  const lines: string[] = [sanitizeLine(heading)];
  const shared = results.map((result) => sharedLabels(result.series, labelWidth));
  const rows = results.map((result, index) =>
    // Already in the one order of series-order.ts: the series that decide the verdict first.
    result.series.slice(0, maxSeries).map((series) => ({
      labels: cutText(formatLabels(series.labels, { omit: shared[index] ?? [] }), labelWidth),
      value:
        series.value === undefined ? '(gone)' : formatValue(series.value, sanitizeUnit(result.probe.unit)),
      verdict: verdictText[series.verdict],
      trend: trend(series, result, width),
    })),
  );
  const flat = rows.flat();
  const labelColumn = largest(
    flat.map((row) => cellWidth(row.labels)),
    0,
  );
  const valueColumn = largest(
    flat.map((row) => cellWidth(row.value)),
    0,
  );
  const verdictColumn = largest(
    flat.map((row) => cellWidth(row.verdict)),
    0,
  );
  results.forEach((result, index) => {
    lines.push(`  ${probeHeading(result)}`);
    lines.push(`    ${sanitizeLine(result.probe.query)}`);
    const common = shared[index] ?? [];
    if (common.length > 0) lines.push(`      ${sharedLabelsLine(result.series, common)}`);
    for (const row of rows[index] ?? []) {
      const cells = [
        padCells(row.labels, labelColumn),
        padCellsStart(row.value, valueColumn),
        padCells(row.verdict, verdictColumn),
        row.trend,
      ];
      lines.push(`      ${cells.join('  ')}`.trimEnd());
    }
    const hidden = result.series.length - (rows[index]?.length ?? 0);
    if (hidden > 0) lines.push(`      … and ${hidden} more series`);
    for (const line of outcomeLines(result)) lines.push(`      ${line}`);
  });
  return `${lines.join('\n')}\n`;
}

function probeHeading(result: ProbeResult): string {
  const { probe } = result;
  const parts: string[] = [sanitizeLine(probe.title)];
  if (probe.judgement.kind === 'thresholds') {
    const { warn, crit } = probe.judgement;
    const limits = [warn && `warn ${formatThreshold(warn)}`, crit && `crit ${formatThreshold(crit)}`].filter(
      Boolean,
    );
    if (limits.length > 0) parts.push(`(${limits.join(', ')})`);
  } else {
    parts.push('(firing while it returns series)');
  }
  parts.push(`— ${verdictText[result.verdict]}`);
  return parts.join(' ');
}

function outcomeLines(result: ProbeResult): string[] {
  const lines: string[] = [];
  if (result.error) lines.push(`error: ${describeFailure(result.error)}`);
  else if (result.series.length === 0) {
    lines.push(
      result.otherSeries > 0
        ? `no data for this alert (${result.otherSeries} series for other alerts of the rule)`
        : 'no data: the query returned no series',
    );
  }
  if (result.rangeError) lines.push(`range failed: ${describeFailure(result.rangeError)}`);
  if (result.probe.note) lines.push(`note: ${sanitizeLine(result.probe.note)}`);
  const variant = describeVariant(result.probe);
  if (variant) lines.push(variant);
  return lines;
}

/** `variant haproxy_exporter: Prometheus has its metrics; …` for a probe written for several exporters. */
export function describeVariant(probe: Probe): string | undefined {
  if (!probe.variant) return undefined;
  return sanitizeLine(`variant ${probe.variant.name}: ${probe.variant.reason}`);
}

/** A failure in one line: `bad_data: parse error …`, `timeout: no answer within 10 s`, … */
export function describeFailure(failure: ProbeFailure): string {
  const message = sanitizeLine(failure.message);
  switch (failure.kind) {
    case 'prometheus':
      return `Prometheus ${failure.errorType ? sanitizeLine(failure.errorType) : 'error'}: ${message}`;
    case 'timeout':
      return `timeout: ${message}`;
    case 'transport':
      return message;
    case 'unrunnable':
      return `not run: ${message}`;
    default: {
      const unreachable: never = failure.kind;
      return unreachable;
    }
  }
}

function trend(series: SeriesResult, result: ProbeResult, width: number): string {
  if (series.points.length === 0) return '';
  return sparkline(alignToWindow(series.points, result.window), { width });
}

function sanitizeUnit(unit: string | undefined): string | undefined {
  return unit === undefined ? undefined : sanitizeLine(unit);
}
