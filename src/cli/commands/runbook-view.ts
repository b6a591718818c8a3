// How `sitrep runbook` shows a resolved runbook: a numbered checklist with each probe's final query
// (or why it can not run), as text for people or as JSON (shape documented in runbooks/README.md).
import { withVariantDefaults } from '../../core/probe/variants.js';
import type { LabelSet } from '../../core/alerts/alert.js';
import type { Threshold } from '../../core/probe/probe-spec.js';
import { displayUnit, formatSeconds } from '../../core/format/index.js';
import { formatThreshold } from '../../core/probe/threshold.js';
import { fillProbeQuery } from '../../core/promql/fill.js';
import type { MatchedBy } from '../../core/runbook/match.js';
import type { Runbook, RunbookSource, Step } from '../../core/runbook/runbook.js';
import { sanitizeLine, sanitizeText } from '../../core/sanitize.js';

/** Everything shown about one resolved runbook. */
export interface RunbookView {
  readonly alert: { readonly name: string; readonly labels: LabelSet };
  readonly runbook: Runbook;
  readonly source: RunbookSource;
  readonly matchedBy: MatchedBy | 'generic' | 'file-flag';
  readonly notes: readonly string[];
}

/** The `--json` document. */
export function runbookJson(view: RunbookView) {
  const { runbook } = view;
  const steps = (section: Step['section']) =>
    runbook.steps
      .filter((step) => step.section === section)
      .map((step, index) => ({
        id: step.id,
        number: index + 1,
        group: step.group ?? null,
        text: step.text,
        line: step.position.line,
        probes: withVariantDefaults(step.probes).map((probe) => {
          const filled = fillProbeQuery(probe.query, view.alert.labels);
          return {
            title: probe.title,
            template: probe.query,
            query: filled.ok ? filled.query : null,
            unrunnable: filled.ok ? null : filled.message,
            warn: thresholdJson(probe.warn),
            crit: thresholdJson(probe.crit),
            rangeSeconds: probe.rangeSeconds,
            unit: displayUnit(probe.unit) ?? null,
            variant: probe.variant ?? null,
            line: probe.position?.line ?? null,
          };
        }),
      }));
  return {
    version: 1,
    alert: view.alert,
    source: { ...view.source, matchedBy: view.matchedBy },
    notes: view.notes,
    title: runbook.title,
    alerts: runbook.alerts,
    matchers: runbook.matchers,
    severity: runbook.severity ?? null,
    owner: runbook.owner ?? null,
    tags: runbook.tags,
    meaning: runbook.meaning ?? null,
    impact: runbook.impact ?? null,
    ruleExpr: runbook.ruleExpr ?? null,
    diagnosis: steps('diagnosis'),
    mitigation: steps('mitigation'),
    sectionNotes: (runbook.notes ?? []).map((note) => ({
      section: note.section,
      heading: note.heading ?? null,
      text: note.text,
      line: note.position.line,
    })),
    links: (runbook.links ?? []).map((link) => ({
      label: link.label,
      text: link.text,
      url: link.url ?? null,
      line: link.position.line,
    })),
    problems: runbook.problems.map((problem) => ({
      severity: problem.severity,
      message: problem.message,
      line: problem.position?.line ?? null,
      column: problem.position?.column ?? null,
    })),
  };
}

function thresholdJson(threshold: Threshold | undefined) {
  if (!threshold) return null;
  // JSON has no Infinity; `> +Inf` keeps its meaning as a string.
  const value = Number.isFinite(threshold.value) ? threshold.value : threshold.value > 0 ? '+Inf' : '-Inf';
  return { op: threshold.op, value };
}

/** The text for people. Every piece of runbook text is sanitized before it reaches the terminal. */
export function runbookText(view: RunbookView): string {
  const { runbook } = view;
  const out: string[] = [];
  out.push(sanitizeLine(runbook.title));
  out.push(`source: ${describeRunbookSource(view.source, view.matchedBy)}`);
  const labels = Object.entries(view.alert.labels).filter(([name]) => name !== 'alertname');
  out.push(
    `alert: ${sanitizeLine(view.alert.name)}${labels.length > 0 ? ` {${labels.map(([k, v]) => `${sanitizeLine(k)}=${JSON.stringify(sanitizeLine(v))}`).join(', ')}}` : ''}`,
  );
  const facts = [
    runbook.severity && `severity ${runbook.severity}`,
    runbook.owner && `owner ${runbook.owner}`,
    runbook.tags.length > 0 && `tags ${runbook.tags.join(', ')}`,
  ].filter((fact): fact is string => typeof fact === 'string');
  if (facts.length > 0) out.push(sanitizeLine(facts.join(' · ')));
  for (const note of view.notes) out.push(`note: ${sanitizeLine(note)}`);
  for (const [heading, text] of [
    ['Meaning', runbook.meaning],
    ['Impact', runbook.impact],
  ] as const) {
    if (text) out.push('', heading, indent(sanitizeText(text), 2));
  }
  for (const section of ['diagnosis', 'mitigation'] as const) {
    const steps = runbook.steps.filter((step) => step.section === section);
    if (steps.length === 0) continue;
    out.push('', section === 'diagnosis' ? 'Diagnosis' : 'Mitigation');
    let group: string | undefined;
    steps.forEach((step, index) => {
      if (step.group !== group && step.group !== undefined) out.push(`  ${sanitizeLine(step.group)}`);
      group = step.group;
      out.push(stepText(step, index + 1, view.alert.labels));
    });
  }
  for (const section of ['diagnosis', 'mitigation'] as const) {
    const notes = (runbook.notes ?? []).filter((note) => note.section === section);
    if (notes.length === 0) continue;
    out.push('', section === 'diagnosis' ? 'Diagnosis notes' : 'Mitigation notes');
    for (const note of notes) out.push(indent(sanitizeText(note.text), 2));
  }
  for (const note of (runbook.notes ?? []).filter((n) => n.section === 'other')) {
    out.push('', sanitizeLine(note.heading ?? 'Other text'), indent(sanitizeText(note.text), 2));
  }
  const links = runbook.links ?? [];
  if (links.length > 0) {
    out.push('', 'Links');
    let label: string | undefined;
    for (const link of links) {
      if (link.label !== label) out.push(`  ${sanitizeLine(link.label)}`);
      label = link.label;
      const url = link.url === undefined || link.url === link.text ? '' : ` <${sanitizeLine(link.url)}>`;
      out.push(`    - ${sanitizeLine(link.text)}${url}`);
    }
  }
  if (runbook.problems.length > 0) {
    out.push('', 'Problems');
    for (const problem of runbook.problems) {
      const at = problem.position ? `line ${problem.position.line}: ` : '';
      out.push(`  ${problem.severity}: ${at}${sanitizeLine(problem.message)}`);
    }
  }
  return `${out.join('\n')}\n`;
}

function stepText(step: Step, number: number, labels: LabelSet): string {
  const marker = `  ${number}. `;
  const lines = [indent(sanitizeText(step.text), marker.length).replace(/^ +/, marker)];
  for (const probe of withVariantDefaults(step.probes)) {
    const details = [
      probe.variant && `variant ${probe.variant}`,
      probe.warn && `warn ${formatThreshold(probe.warn)}`,
      probe.crit && `crit ${formatThreshold(probe.crit)}`,
      `range ${formatSeconds(probe.rangeSeconds)}`,
      displayUnit(probe.unit),
    ].filter((detail): detail is string => typeof detail === 'string' && detail !== '');
    lines.push(
      `${' '.repeat(marker.length)}probe: ${sanitizeLine(probe.title)} (${sanitizeLine(details.join(', '))})`,
    );
    const filled = fillProbeQuery(probe.query, labels);
    if (filled.ok) lines.push(indent(sanitizeText(filled.query), marker.length + 2));
    else {
      lines.push(`${' '.repeat(marker.length + 2)}cannot run: ${sanitizeLine(filled.message)}`);
      lines.push(indent(sanitizeText(probe.query), marker.length + 2));
    }
  }
  return lines.join('\n');
}

const chosenBecause: Record<RunbookView['matchedBy'], string> = {
  'front-matter': 'its front matter names the alert',
  'file-name': 'its file name is the alert name',
  annotation: "the alert's runbook annotation points at it",
  generic: 'no runbook of its own was found',
  'file-flag': 'given with --file',
};

/** Where a runbook came from, for a terminal; with `matchedBy`, also why it was the one chosen. */
export function describeRunbookSource(source: RunbookSource, matchedBy?: RunbookView['matchedBy']): string {
  const why = matchedBy === undefined ? '' : ` (${chosenBecause[matchedBy]})`;
  switch (source.kind) {
    case 'file':
      return `${sanitizeLine(source.path)}${why}`;
    case 'url':
      return `${sanitizeLine(source.url)}${source.cached ? ' (cached copy: the fetch failed)' : ''}${why}`;
    case 'builtin':
      return `built-in generic runbook${why}`;
    default: {
      const unreachable: never = source;
      return unreachable;
    }
  }
}

function indent(text: string, width: number): string {
  const pad = ' '.repeat(width);
  return text
    .split('\n')
    .map((line) => (line === '' ? '' : pad + line))
    .join('\n');
}
