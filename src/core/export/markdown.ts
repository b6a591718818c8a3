// The postmortem as Markdown, in the shape teams already use: facts first, then the timeline and
// what was checked and done, then empty sections for the team. Same events in → same bytes out.
import { fold } from '../timeline/fold.js';
import type { TimelineEvent } from '../timeline/events.js';
import { incidentStart, type Incident } from '../timeline/incident.js';
import type { DetectionInput } from './detection-lag.js';
import { formatDuration } from '../format/duration.js';
import {
  between,
  describeZone,
  firstAlertStart,
  formatInZone,
  formatUtc,
  futureStartText,
  type LocalZone,
} from './format.js';
import { blockLines, codeText, inlineText } from './markdown-text.js';
import { detectionSection } from './detection-section.js';
import {
  diagnosisSection,
  mitigationSection,
  notesSection,
  section,
  silencesSection,
} from './markdown-sections.js';
import { chartSection } from './mermaid.js';
import { eventRow, timelineOrder, type TimelineRow } from './timeline-rows.js';
import { documentPieces, linesInBlocks } from './document-pieces.js';
import { alertsSection } from './alerts-section.js';
import { historySection } from './history-section.js';

/** How to render the export. */
export interface MarkdownOptions {
  /** The zone of the timeline's second time column. */
  readonly zone: LocalZone;
  /** The alert expression's range data, when not recorded in the journal as an `alert-rule` probe. */
  readonly detection?: DetectionInput;
  /** Prometheus's URL: each probe gets a link to its graph over the incident (mermaid.ts). */
  readonly prometheusUrl?: string;
  /** `fold(events)`, when the caller has it already (the incident store folds what it reads). */
  readonly incident?: Incident;
}

const toFill = '_To be filled in by the team._';

/** The postmortem notes for a journal's events. Throws if there is no incident-opened event. */
export function exportMarkdown(events: readonly TimelineEvent[], options: MarkdownOptions): string {
  return [...exportMarkdownPieces(events, options)].join('');
}

/**
 * exportMarkdown as consecutive pieces of text (joined, they are exactly its text), the long
 * timeline and notes made as they are read: for writing a long document out as it is made.
 */
export function exportMarkdownPieces(
  events: readonly TimelineEvent[],
  options: MarkdownOptions,
): Iterable<string> {
  const incident = options.incident ?? fold(events);
  if (incident === undefined) throw new Error('exportMarkdown: the events have no incident-opened event');
  const sections: Iterable<string>[] = [
    header(incident),
    alertsSection(incident),
    section('Summary', paragraph(incident.summary, '_Not written yet._')),
    detectionSection(incident, options.detection),
    chartSection(incident, options),
    historySection(incident),
    section('Impact', paragraph(incident.impact, '_Not assessed yet._')),
    timelineSection(incident, events, options.zone),
    diagnosisSection(incident),
    mitigationSection(incident),
    silencesSection(incident),
    notesSection(incident),
    section('Root cause', [toFill]),
    section('Action items', [toFill]),
    section('Lessons learned', [toFill]),
    footer(incident),
  ];
  return documentPieces(flatten(sections));
}

function* flatten(sections: readonly Iterable<string>[]): Generator<string> {
  for (const lines of sections) yield* lines;
}

function paragraph(text: string | undefined, empty: string): string[] {
  const lines = text === undefined ? [] : blockLines(text);
  // Lines of one paragraph: a hard break (two spaces) keeps the author's line breaks.
  return lines.length === 0 ? [empty] : lines.map((line, i) => (i < lines.length - 1 ? `${line}  ` : line));
}

function header(incident: Incident): string[] {
  const end = incident.resolvedAt ?? incident.closedAt;
  const started = incidentStart(incident);
  const first = firstAlertStart(incident);
  const ended = `${incident.resolvedAt === undefined ? 'closed' : 'resolved'} ${formatUtc(end ?? '')} UTC`;
  const duration = first.future
    ? end === undefined
      ? `ongoing (${futureStartText(first.at)})`
      : `unknown (alert ${futureStartText(first.at)} → ${ended})`
    : end === undefined
      ? `ongoing (firing since ${formatUtc(started)} UTC)`
      : `${formatDuration(between(started, end))} (alert firing ${formatUtc(started)} UTC → ${ended})`;
  const runbook = incident.runbook;
  const lines = [
    `# Postmortem: ${inlineText(incident.title)}`,
    '',
    `- **Incident:** ${codeText(incident.id)}`,
    `- **Status:** ${incident.status}`,
    `- **Severity:** ${inlineText(incident.severity)}`,
    `- **Duration:** ${duration}`,
  ];
  if (runbook !== undefined) {
    lines.push(
      `- **Runbook:** ${inlineText(runbook.title)} (${describeSource(incident)}, ${runbook.textHash.slice(0, 19)})`,
    );
  }
  return [...lines, ''];
}

function describeSource(incident: Incident): string {
  const source = incident.runbook?.source;
  switch (source?.kind) {
    case 'file':
      return `file ${codeText(source.path)}`;
    case 'url':
      return `${codeText(source.url)}${source.cached ? ', from the cache' : ''}`;
    case 'builtin':
    case undefined:
      return 'bundled with sitrep';
    default: {
      const unreachable: never = source;
      return unreachable;
    }
  }
}

function timelineSection(
  incident: Incident,
  events: readonly TimelineEvent[],
  zone: LocalZone,
): Iterable<string> {
  const order = timelineOrder(incident, events);
  const rows = linesInBlocks(order.length, (i) => {
    const entry = order[i] as TimelineRow | number;
    const row = typeof entry === 'number' ? eventRow(incident, events[entry] as TimelineEvent) : entry;
    const utc = formatUtc(row.at);
    // In UTC (the zone of most servers) both columns read the same: format the time once.
    const local = zone.offsetMinutes === 0 ? utc : formatInZone(row.at, zone);
    return `| ${utc} | ${local} | ${row.text} |`;
  });
  const table = [`| Time (UTC) | Time (${inlineText(describeZone(zone))}) | Event |`, '| --- | --- | --- |'];
  return section('Timeline', table, rows);
}

function footer(incident: Incident): string[] {
  const problems = incident.problems.map((p) => `- ${inlineText(p)}`);
  const record =
    problems.length === 0
      ? []
      : ['Events in the journal that did not fit and were left out:', '', ...problems, ''];
  return [
    '---',
    '',
    ...record,
    `_Generated by sitrep from the journal of incident ${codeText(incident.id)} (${incident.eventCount} ${incident.eventCount === 1 ? 'event' : 'events'})._`,
  ];
}
