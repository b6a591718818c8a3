import { Box } from 'ink';
import { Text } from './text.js';
import type { ReactNode } from 'react';
import { formatDuration, formatLabels, formatValue } from '../../core/format/index.js';
import type { ProbeStep } from '../../core/probe/probe.js';
import { describeFailure, describeVariant } from '../../core/probe/report.js';
import type { ProbeResult } from '../../core/probe/result.js';
import { sharedLabels, sharedLabelsLine } from '../../core/probe/shared-labels.js';
import { alignToWindow, sparkline } from '../../core/probe/sparkline.js';
import { formatThreshold } from '../../core/probe/threshold.js';
import { verdictText, type Verdict } from '../../core/probe/verdict.js';
import { sanitizeLine } from '../../core/sanitize.js';
import type { StepProbes } from '../state/workspace-probes.js';

const verdictColour: Record<Verdict, string | undefined> = {
  critical: 'red',
  warn: 'yellow',
  ok: 'green',
  'no-data': undefined,
  unjudged: undefined,
  error: 'red',
};

function VerdictMark({ verdict }: { verdict: Verdict }) {
  const colour = verdictColour[verdict];
  const text = verdictText[verdict].padEnd(9);
  return colour === undefined ? <Text dimColor>{text}</Text> : <Text color={colour}>{text}</Text>;
}

/**
 * The focused step's probes: per probe its verdict, when it ran, its value per series (the series
 * that decide the verdict first), sparkline and threshold.
 */
export function ProbePanel(props: {
  step: ProbeStep;
  probes: StepProbes | undefined;
  width: number;
  maxLines: number;
  /** The clock, for each probe's "ran 12 s ago"; without it the age is not shown. */
  nowMs?: number;
}) {
  const { step, probes, width, maxLines, nowMs } = props;
  const results = new Map((probes?.results ?? []).map((r) => [r.probe.id, r]));
  const lines: ReactNode[] = [];
  for (const probe of step.probes) {
    const result = results.get(probe.id);
    if (!result) {
      lines.push(
        <Text key={probe.id} wrap="truncate">
          {probes?.running ? <Text color="cyan">⠿ running</Text> : <Text dimColor>· waiting</Text>}{' '}
          {sanitizeLine(probe.title)}
        </Text>,
      );
      continue;
    }
    for (const line of resultLines(result, width, nowMs)) lines.push(line); // no spread: a result can be long
  }
  // Cut, the panel keeps to maxLines with its "more" line included.
  const shown = lines.length > maxLines ? lines.slice(0, Math.max(1, maxLines - 1)) : lines;
  return (
    <Box flexDirection="column">
      {shown}
      {lines.length > shown.length ? (
        <Text dimColor>… {lines.length - shown.length} more lines (sitrep probe shows all)</Text>
      ) : null}
    </Box>
  );
}

function resultLines(result: ProbeResult, width: number, nowMs: number | undefined): ReactNode[] {
  const { probe } = result;
  const limits =
    probe.judgement.kind === 'thresholds'
      ? [
          probe.judgement.warn && `warn ${formatThreshold(probe.judgement.warn)}`,
          probe.judgement.crit && `crit ${formatThreshold(probe.judgement.crit)}`,
        ]
          .filter(Boolean)
          .join(', ')
      : 'fires while it returns series';
  const lines: ReactNode[] = [
    <Text key={`${probe.id}:h`} wrap="truncate">
      <VerdictMark verdict={result.verdict} />
      <Text bold>{sanitizeLine(probe.title)}</Text>
      {/* The thresholds before the age: on a narrow terminal the line is cut at its end, and the
          verdict's limits matter more than how long ago the probe ran. */}
      {limits ? <Text dimColor> ({limits})</Text> : null}
      {nowMs === undefined ? null : <Text dimColor> · {ranAgo(result, nowMs)}</Text>}
    </Text>,
  ];
  const variant = describeVariant(probe);
  if (variant) {
    lines.push(
      <Text key={`${probe.id}:v`} dimColor wrap="truncate">
        {'        '}
        {variant}
      </Text>,
    );
  }
  if (result.error) {
    lines.push(
      <Text key={`${probe.id}:e`} color="red" wrap="truncate">
        {'        '}
        {sanitizeLine(describeFailure(result.error))}
      </Text>,
    );
    return lines;
  }
  if (result.series.length === 0) {
    lines.push(
      <Text key={`${probe.id}:n`} dimColor wrap="truncate">
        {'        '}no data: the query returned no series for this alert
      </Text>,
    );
  }
  const sparkWidth = Math.max(10, Math.min(30, width - 60));
  // In the one order of series-order.ts: the series that decide the verdict come first.
  const series = result.series.slice(0, 3);
  // Labels every series shares are shown once when the rows would cut them (shared-labels.ts).
  const shared = sharedLabels(result.series, Math.max(10, width - 31 - sparkWidth));
  if (shared.length > 0) {
    lines.push(
      <Text key={`${probe.id}:s`} dimColor wrap="truncate">
        {'        '}
        {sharedLabelsLine(result.series, shared)}
      </Text>,
    );
  }
  for (const s of series) {
    const labels = formatLabels(s.labels, { omit: shared }) || '(no labels)';
    const value = s.value === undefined ? '(gone)' : formatValue(s.value, probe.unit);
    const spark =
      s.points.length > 0 ? sparkline(alignToWindow(s.points, result.window), { width: sparkWidth }) : '';
    lines.push(
      <Text key={`${probe.id}:${labels}`} wrap="truncate">
        {'        '}
        <VerdictMark verdict={s.verdict} />
        {value.padStart(12)} <Text color="cyan">{spark}</Text> <Text dimColor>{labels}</Text>
      </Text>,
    );
  }
  if (result.series.length > series.length) {
    lines.push(
      <Text key={`${probe.id}:more`} dimColor>
        {'        '}… and {result.series.length - series.length} more series
      </Text>,
    );
  }
  return lines;
}

/** "ran 12 s ago": the probe's own evaluation time, so a re-run probe shows its new age. */
function ranAgo(result: ProbeResult, nowMs: number): string {
  const ranAtMs = result.evaluatedAt * 1000;
  if (!Number.isFinite(ranAtMs)) return 'ran at an unknown time';
  return `ran ${formatDuration(Math.max(0, nowMs - ranAtMs))} ago`;
}
