// A probe run in the postmortem: what was asked, when, and each series' value with its verdict.
import type { Threshold } from '../probe/probe-spec.js';
import { crosses, formatThreshold } from '../probe/threshold.js';
import type { ProbeResultRecord } from '../timeline/events.js';
import { formatLabels } from '../format/labels.js';
import { formatValue } from '../format/value.js';
import { recordedVerdict } from '../probe/timeline-record.js';
import { orderSeries } from '../probe/series-order.js';
import { judgeValue, verdictText } from '../probe/verdict.js';
import { formatUtc } from './format.js';
import { codeText, inlineText } from './markdown-text.js';

/** Markdown lines for one probe result: a heading line, the query, and a table of series. */
export function probeLines(probe: ProbeResultRecord): string[] {
  const thresholds = [
    probe.crit && `critical ${codeText(formatThreshold(probe.crit))}`,
    probe.warn && `warning ${codeText(formatThreshold(probe.warn))}`,
  ].filter((t): t is string => typeof t === 'string');
  const judged = thresholds.length > 0 ? ` (${thresholds.join(', ')})` : '';
  const lines = [
    `**${inlineText(probe.title)}**: ${verdictText[recordedVerdict(probe)]}${judged}, ran ${formatUtc(probe.ranAt)} UTC`,
    '',
    `Query: ${codeText(probe.query)}`,
    '',
  ];
  if (probe.verdict === 'error') {
    return [...lines, `Error: ${inlineText(probe.error ?? 'unknown error')}`, ''];
  }
  if (probe.series.length === 0) return [...lines, '_No series returned._', ''];
  const rows = recordedSeriesInOrder(probe).map(
    (s) =>
      `| ${codeText(formatLabels(s.labels), true)} | ${inlineText(formatValue(s.value, probe.unit))} | ${seriesVerdict(s.value, probe)} |`,
  );
  return [...lines, '| Series | Value | Verdict |', '| --- | --- | --- |', ...rows, ''];
}

/** A series judged by the probe's thresholds: `unjudged` when it has none, `no data` for NaN. */
function seriesVerdict(value: number, probe: ProbeResultRecord): string {
  const past = (t: Threshold | undefined) => t !== undefined && crosses(value, t);
  if (probe.crit === undefined && probe.warn === undefined) return verdictText.unjudged;
  if (Number.isNaN(value)) return verdictText['no-data'];
  if (past(probe.crit)) return verdictText.critical;
  if (past(probe.warn)) return verdictText.warn;
  return verdictText.ok;
}

/**
 * The recorded series in the one order of series-order.ts (journals written before it hold them by
 * labels), judged by the recorded thresholds.
 */
function recordedSeriesInOrder(probe: ProbeResultRecord): ProbeResultRecord['series'] {
  const judgement = { kind: 'thresholds' as const, warn: probe.warn, crit: probe.crit };
  const judged = probe.series.map((s) => ({ ...s, verdict: judgeValue(s.value, judgement) }));
  return orderSeries(judged, judgement);
}
