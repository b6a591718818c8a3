// What the pane under the checklist shows of the focused step's probes when asked, in place of the
// step's text (so the checklist and the probe lines keep their rows at any size): every probe's final
// query as sent to Prometheus (`p`), or a chart of one probe's range sized to the pane (`v`, again
// for the next probe). Pure: lines of sanitized text for the pane, as the layout wants them.
import { lineChart } from '../../core/chart.js';
import { formatUtc } from '../../core/export/format.js';
import { formatLabels, formatSeconds, formatValue } from '../../core/format/index.js';
import type { Probe } from '../../core/probe/probe.js';
import type { Threshold } from '../../core/probe/probe-spec.js';
import { describeFailure } from '../../core/probe/report.js';
import type { ProbeResult } from '../../core/probe/result.js';
import { alignToWindow } from '../../core/probe/sparkline.js';
import { verdictText } from '../../core/probe/verdict.js';
import { sanitizeLine, sanitizeText } from '../../core/sanitize.js';
import { appendAll } from '../../core/bounded.js';
import { focusedStepId, type WorkspaceState } from './workspace-state.js';
import { hardWrap } from './workspace-text.js';

/** The probes' final queries, or a chart of the probe at `index` (in the step's order). */
export type ProbeView = { readonly kind: 'queries' } | { readonly kind: 'chart'; readonly index: number };

/** The focused step's probes, each with its latest result (undefined before it ran). */
function focusedProbes(state: WorkspaceState): { probe: Probe; result: ProbeResult | undefined }[] {
  const stepId = focusedStepId(state);
  const step = stepId === undefined ? undefined : state.probeSteps[stepId];
  const results = stepId === undefined ? [] : (state.probes[stepId]?.results ?? []);
  return (step?.probes ?? []).map((probe) => ({
    probe,
    result: results.find((r) => r.probe.id === probe.id),
  }));
}

/**
 * The next view for the key: `queries` toggles the queries; `chart` shows the first probe's chart,
 * then the next probe's, and closes after the last. Undefined when the focused step has no probes.
 */
export function nextProbeView(
  state: WorkspaceState,
  kind: ProbeView['kind'],
): { readonly view: ProbeView | undefined } | undefined {
  const count = focusedProbes(state).length;
  if (count === 0) return undefined;
  const current = state.probeView;
  if (kind === 'queries') return { view: current?.kind === 'queries' ? undefined : { kind } };
  if (current?.kind !== 'chart') return { view: { kind: 'chart', index: 0 } };
  return { view: current.index + 1 < count ? { kind: 'chart', index: current.index + 1 } : undefined };
}

/**
 * The pane's lines for the open probe view, `rows` being the rows the pane has; undefined when no
 * view is open or the focused step has no probes (the pane then shows the step's text).
 */
export function probeViewLines(state: WorkspaceState, width: number, rows: number): string[] | undefined {
  const view = state.probeView;
  if (view === undefined || state.pane !== 'step') return undefined;
  const probes = focusedProbes(state);
  if (probes.length === 0) return undefined;
  if (view.kind === 'queries') return queryLines(probes, width);
  const index = Math.min(view.index, probes.length - 1);
  const entry = probes[index];
  if (!entry) return undefined;
  // After a run, the title of what ran (a variant may set its own).
  const title = (entry.result?.probe ?? entry.probe).title;
  const heading = `Chart ${index + 1} of ${probes.length}: ${sanitizeLine(title)}`;
  // The heading and the time axis take two of the rows.
  const [about = '', ...chart] = chartLines(entry.result, width, Math.max(3, rows - 2));
  return [`${heading} · ${about}`, ...chart];
}

/** Each probe's final query, whole: a `#` comment line (PromQL's) naming it, then the query wrapped. */
function queryLines(probes: readonly { probe: Probe; result: ProbeResult | undefined }[], width: number) {
  const lines = ['Final queries as sent to Prometheus (Q hides them):'];
  probes.forEach(({ probe: planned, result }, index) => {
    // After a run, the probe that ran: for a probe with variants, the variant's query.
    const probe = result?.probe ?? planned;
    const state =
      probe.unrunnable !== undefined
        ? `not sent: ${sanitizeLine(probe.unrunnable)}; the template as written:`
        : result
          ? verdictText[result.verdict]
          : probe.variants
            ? 'not run yet; the variant is chosen when it runs, the first is shown'
            : 'not run yet';
    lines.push(`# ${index + 1}. ${sanitizeLine(probe.title)} — ${state}`);
    for (const line of wrapQuery(probe.query, width)) lines.push(line);
  });
  return lines;
}

/** The query's own lines, each cut into pieces of the pane's width: nothing dropped or re-flowed. */
function wrapQuery(query: string, width: number): string[] {
  const columns = Math.max(10, width);
  const out: string[] = [];
  for (const line of sanitizeText(query).replace(/\t/g, '  ').trim().split('\n')) {
    appendAll(out, hardWrap(line.replace(/\s+$/, ''), columns));
  }
  return out;
}

/**
 * What the chart shows (a line to add to the heading), then the chart of the result's most
 * important series (the first in series order), or why there is none.
 */
function chartLines(result: ProbeResult | undefined, width: number, height: number): string[] {
  if (!result) return ['not run yet'];
  if (result.error) return [describeFailure(result.error)];
  const [series] = result.series;
  if (!series) return ['no data: the query returned no series for this alert'];
  const { probe, window } = result;
  const unit = probe.unit === undefined ? undefined : sanitizeLine(probe.unit);
  const which = result.series.length > 1 ? ` (1st of ${result.series.length} series, as listed below)` : '';
  const value = series.value === undefined ? 'gone' : formatValue(series.value, unit);
  const about = `${verdictText[series.verdict]} ${value} ${formatLabels(series.labels) || '(no labels)'}${which}`;
  if (series.points.length === 0) {
    const why = result.rangeError ? `: ${describeFailure(result.rangeError)}` : '';
    return [about, `No range to draw${why}.`];
  }
  const thresholds =
    probe.judgement.kind === 'thresholds'
      ? (
          [
            ['warn', probe.judgement.warn],
            ['crit', probe.judgement.crit],
          ] as const
        ).flatMap(([name, t]: readonly [string, Threshold | undefined]) =>
          t !== undefined && Number.isFinite(t.value)
            ? [{ value: t.value, text: `${name} ${t.op} ${formatValue(t.value, unit)}` }]
            : [],
        )
      : [];
  const marks = thresholds.map((t) => t.value);
  const chart = lineChart(alignToWindow(series.points, window), {
    width,
    height,
    marks,
    formatValue: (value) => formatValue(value, unit),
    timeLabels: {
      start: `-${formatSeconds(window.end - window.start)}`,
      end: `${formatUtc(new Date(window.end * 1000).toISOString())} UTC`,
    },
  });
  if (chart.lines.length === 0) return [about, 'No finite value in the range to draw.'];
  const limits = thresholds.length > 0 ? ` · ┄ ${thresholds.map((t) => t.text).join(', ')}` : '';
  return [`${about}${limits}`, ...chart.lines];
}
