// The postmortem's sections about what happened: the runbook's steps with their probe
// results, silences and notes. Each returns Markdown lines; all untrusted text is escaped.
import type { Incident, IncidentNote, StepState } from '../timeline/incident.js';
import { linesInBlocks } from './document-pieces.js';
import { formatUtc } from './format.js';
import { blockLines, cellText, codeText, inlineText } from './markdown-text.js';
import { probeLines } from './probe-tables.js';
import { alertLabels } from './timeline-rows.js';

/** The diagnosis steps in runbook order, each with its state and its probe results. */
export function diagnosisSection(incident: Incident): Iterable<string> {
  const steps = incident.steps.filter((s) => s.step.section === 'diagnosis');
  if (steps.length === 0) return section('Diagnosis', ['_No diagnosis steps were recorded._']);
  const body = steps.flatMap((state, index) => [
    `### ${index + 1}. ${inlineText(state.step.text)}`,
    '',
    `${stepStatus(state)}.`,
    '',
    ...probeRunLines(incident, state.step.id),
  ]);
  return section('Diagnosis', body);
}

/** The mitigation steps as a checklist: taken, skipped (struck through) and not done. */
export function mitigationSection(incident: Incident): Iterable<string> {
  const steps = incident.steps.filter((s) => s.step.section === 'mitigation');
  if (steps.length === 0) return section('Mitigation', ['_No mitigation steps were recorded._']);
  const body: string[] = [];
  let group: string | undefined;
  for (const state of steps) {
    if (state.step.group !== group && state.step.group !== undefined) {
      body.push('', `### ${inlineText(state.step.group)}`, '');
    }
    group = state.step.group;
    const text = inlineText(state.step.text);
    const box = state.status === 'done' ? '[x]' : '[ ]';
    const shown = state.status === 'skipped' ? `~~${text}~~` : text;
    const status = stepStatus(state);
    body.push(`- ${box} ${shown} (${status.charAt(0).toLowerCase()}${status.slice(1)})`);
  }
  const probed = steps.filter((s) => incident.probeRuns.some((r) => r.stepId === s.step.id));
  const probes = probed.flatMap((state) => [
    '',
    `### Checks: ${inlineText(state.step.text)}`,
    '',
    ...probeRunLines(incident, state.step.id),
  ]);
  return section('Mitigation', body, probes);
}

function stepStatus(state: StepState): string {
  const when = state.at === undefined ? '' : ` at ${formatUtc(state.at)} UTC`;
  switch (state.status) {
    case 'done':
      return `Done${when}`;
    case 'skipped':
      return `Skipped${when}${state.reason ? `: ${inlineText(state.reason)}` : ''}`;
    case 'todo':
      return 'Not done';
    default: {
      const unreachable: never = state.status;
      return unreachable;
    }
  }
}

function probeRunLines(incident: Incident, stepId: string): string[] {
  return incident.probeRuns
    .filter((run) => run.stepId === stepId)
    .flatMap((run) => [...probeRunAlert(incident, run), ...run.probes.flatMap(probeLines)]);
}

/** Which alert a run's values belong to (its labels filled the queries), when the journal says. */
function probeRunAlert(incident: Incident, run: Incident['probeRuns'][number]): string[] {
  const alert = incident.alerts.find((a) => a.fingerprint === run.alert);
  if (alert === undefined) return [];
  return [
    `For alert ${codeText(alertLabels(incident, alert.labels), true)} at ${formatUtc(run.at)} UTC:`,
    '',
  ];
}

/** Silences created during the incident, as a table. */
export function silencesSection(incident: Incident): Iterable<string> {
  if (incident.silences.length === 0) return section('Silences', ['_No silences were created._']);
  const rows = incident.silences.map((s) => {
    const matchers = s.matchers
      .map((m) => `${m.name}${matcherOp(m.isEqual, m.isRegex)}${JSON.stringify(m.value)}`)
      .join(', ');
    const expired = s.expiredAt === undefined ? '—' : `${formatUtc(s.expiredAt)} UTC`;
    const cells = [cellText(s.id), codeText(`{${matchers}}`, true), cellText(s.comment), cellText(s.author)];
    return `| ${[...cells, `${formatUtc(s.createdAt)} UTC`, `${formatUtc(s.endsAt)} UTC`, expired].join(' | ')} |`;
  });
  return section('Silences', [
    '| ID | Matchers | Comment | Author | Created | Ends | Expired |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...rows,
  ]);
}

function matcherOp(isEqual: boolean, isRegex: boolean): string {
  if (isRegex) return isEqual ? '=~' : '!~';
  return isEqual ? '=' : '!=';
}

/** Every note in full, in the order recorded, with its time and author (made as it is read). */
export function notesSection(incident: Incident): Iterable<string> {
  if (incident.notes.length === 0) return section('Notes', ['_No notes were recorded._']);
  // One author writes many notes: each name is escaped once.
  const authors = new Map<string, string>();
  const byAuthor = (name: string): string => {
    const known = authors.get(name);
    if (known !== undefined) return known;
    const text = ` (${inlineText(name)})`;
    authors.set(name, text);
    return text;
  };
  const items = linesInBlocks(incident.notes.length, (i) => {
    const note = incident.notes[i] as IncidentNote;
    const lines = blockLines(note.text);
    const by = note.author === undefined ? '' : byAuthor(note.author);
    const head = `- **${formatUtc(note.at)} UTC**${by}: ${lines[0] ?? ''}`;
    if (lines.length <= 1) return head;
    // Indented continuation lines stay in the item; two trailing spaces keep each line break.
    const rest = lines.slice(1).map((line, j) => `  ${line}${j < lines.length - 2 ? '  ' : ''}`);
    return [`${head}  `, ...rest].join('\n');
  });
  return section('Notes', items);
}

/**
 * A `## title` section: a blank line, the lines of each body in turn, and a blank line after. A
 * body may be made as it is read (the timeline's 10,000 rows): nothing here holds it whole.
 */
export function* section(title: string, ...bodies: readonly Iterable<string>[]): Generator<string> {
  yield `## ${title}`;
  yield '';
  for (const body of bodies) yield* body;
  yield '';
}
