import { Box } from 'ink';
import { Text } from '../components/text.js';
import { formatAge } from '../../core/alerts/select.js';
import { cellWidth } from '../../core/format/cells.js';
import { formatDuration } from '../../core/format/duration.js';
import { alertIdentity, alertStatus } from '../../core/timeline/alert-status.js';
import type { Incident, StepState } from '../../core/timeline/incident.js';
import { sanitizeLine, sanitizeText } from '../../core/sanitize.js';
import { ProbePanel } from '../components/probe-panel.js';
import { RowText } from '../components/row-text.js';
import { WorkspacePast } from '../components/alert-past.js';
import { PastIncidentsScreen } from '../components/past-incidents.js';
import { showsLastTime } from '../state/workspace-past.js';
import { visibleRange } from '../state/list-state.js';
import { workspaceLayout } from '../state/workspace-layout.js';
import type { ProbeView } from '../state/probe-view.js';
import type { StepProbes } from '../state/workspace-probes.js';
import { focusedStepId, type WorkspaceState } from '../state/workspace-state.js';
import { WorkspaceDialog } from './workspace-dialogs.js';
import { smallest } from '../../core/bounded.js';

const statusMark = { todo: '○', done: '✓', skipped: '⊘' } as const;

/** The incident workspace: what fired, the runbook's context, the checklist, the focused step. */
export function WorkspaceView(props: {
  workspace: WorkspaceState;
  nowMs: number;
  width: number;
  rows: number;
  /** How often the focused step's probes re-run on their own. */
  probeIntervalMs: number;
}) {
  const { workspace, nowMs, width, probeIntervalMs } = props;
  if (workspace.phase === 'opening') return <Text>Opening the incident and its runbook…</Text>;
  if (workspace.phase === 'failed') {
    return (
      <Box flexDirection="column">
        <Text color="red">Could not open the incident: {sanitizeLine(workspace.error ?? '')}</Text>
        <Text dimColor>esc goes back to the inbox.</Text>
      </Box>
    );
  }
  const incident = workspace.incident;
  const runbook = workspace.runbook;
  if (!incident || !runbook) return null;
  if (workspace.mode.kind === 'past-list' || workspace.mode.kind === 'past-view') {
    return <PastIncidentsScreen workspace={workspace} mode={workspace.mode} />;
  }
  const progress = sectionProgress(incident.steps);
  const [first] = incident.alerts;
  const focused = focusedStepId(workspace);
  const focusedState = incident.steps.find((s) => s.step.id === focused);
  const probeStep = focused === undefined ? undefined : workspace.probeSteps[focused];
  const layout = workspaceLayout(workspace);
  // Folded, each context line is Meaning, Impact or the notes; the notes line is dimmed.
  const contextLabels = workspace.contextOpen
    ? layout.context.length
    : [runbook.meaning, runbook.impact].filter(Boolean).length;
  return (
    <Box flexDirection="column">
      <Text bold wrap="truncate">
        {sanitizeLine(incident.title)}
        <Text dimColor> · {incident.id}</Text>
      </Text>
      <Text wrap="truncate">
        <AlertState incident={incident} nowMs={nowMs} />
        {first ? ` · ${sanitizeLine(alertIdentity(first.labels))}` : ''}
        {incident.alerts.length > 1 ? ` +${incident.alerts.length - 1}` : ''}
        {' · '}
        Diagnosis {progress.diagnosis} · Mitigation {progress.mitigation}
      </Text>
      <Text dimColor wrap="truncate">
        Runbook: {sanitizeLine(runbook.sourceLabel)}
        {runbook.problems.length > 0
          ? ` (${runbook.problems.length} problems: ${sanitizeLine(runbook.problems[0] ?? '')})`
          : ''}
      </Text>
      {layout.context.map((line, i) => (
        <Text key={i} wrap="truncate" dimColor={i >= contextLabels}>
          {line}
        </Text>
      ))}
      <WorkspacePast past={workspace.past} width={width} lastTime={showsLastTime(workspace)} />
      <Checklist workspace={workspace} rows={layout.checklist} width={width} />
      <Box
        flexDirection="column"
        borderStyle="single"
        borderLeft={false}
        borderRight={false}
        borderBottom={false}
      >
        {layout.lines.slice(layout.scroll, layout.scroll + layout.detailRows).map((line, i) => (
          <Text key={i} wrap="truncate">
            {line === '' ? ' ' : <Marked line={line} query={workspace.search} />}
          </Text>
        ))}
        <PaneFooter
          pane={workspace.pane}
          scroll={layout.scroll}
          shown={layout.detailRows}
          total={layout.lines.length}
          contextOpen={workspace.contextOpen}
          probeView={workspace.probeView}
        />
        {probeStep && workspace.pane === 'step' ? (
          <ProbesFor incident={incident} fingerprint={workspace.probeAlert} />
        ) : null}
        {probeStep && workspace.pane === 'step' && !layout.probeView ? (
          <ProbePanel
            step={probeStep}
            probes={workspace.probes[probeStep.id]}
            width={width}
            maxLines={layout.probeRows}
            nowMs={nowMs}
          />
        ) : null}
        {workspace.pane !== 'step' ? null : probeStep ? (
          <ProbeAge probes={workspace.probes[probeStep.id]} nowMs={nowMs} intervalMs={probeIntervalMs} />
        ) : workspace.probesPending ? (
          <Text dimColor>Probes: waiting for the alert rule from Prometheus…</Text>
        ) : focusedState ? (
          <Text dimColor>No probes on this step.</Text>
        ) : null}
      </Box>
      <WorkspaceDialog workspace={workspace} />
      {workspace.recording.ok ? null : (
        <Text color="red" wrap="truncate">
          Not saved to disk ({workspace.recording.pending} events kept in memory, retrying):{' '}
          {sanitizeLine(workspace.recording.error ?? '')}
        </Text>
      )}
      {workspace.message ? (
        <Text color="cyan" wrap="truncate">
          {sanitizeLine(workspace.message)}
        </Text>
      ) : null}
    </Box>
  );
}

function Checklist(props: { workspace: WorkspaceState; rows: number; width: number }) {
  const { workspace, rows, width } = props;
  // While a dialog is open the checklist shrinks to the rows around the cursor to make room.
  // So does it on a terminal too short for its usual window (see workspaceLayout).
  const window = visibleRange(workspace.list);
  const squeezed = workspace.mode.kind !== 'checklist' || window.end - window.start > rows;
  const start = squeezed
    ? Math.max(0, Math.min(workspace.list.cursor - 1, workspace.items.length - rows))
    : window.start;
  const end = squeezed ? Math.min(workspace.items.length, start + rows) : window.end;
  const steps = new Map((workspace.incident?.steps ?? []).map((s) => [s.step.id, s]));
  return (
    <Box flexDirection="column" marginTop={1}>
      {workspace.items.slice(start, end).map((id, i) => {
        const index = start + i;
        const selected = index === workspace.list.cursor;
        const state = steps.get(id);
        const probes = workspace.probeSteps[id];
        const group = state?.step.group === undefined ? '' : `(${sanitizeLine(state.step.group)}) `;
        const label = state
          ? `${shortId(id)} ${group}${firstLines(state.step.text, 1)}`
          : (probes?.title ?? id);
        const mark = state ? statusMark[state.status] : '◆';
        const lead = `${selected ? '›' : ' '} ${mark} `;
        return (
          <RowText
            key={id}
            selected={selected}
            dimColor={state?.status === 'skipped'}
            width={width}
            lead={lead}
            leadWidth={cellWidth(lead)}
            rest={label}
            suffix={
              probes && probes.probes.length > 0
                ? { text: ` [${probes.probes.length} probes]`, color: 'cyan' }
                : undefined
            }
          />
        );
      })}
    </Box>
  );
}

function shortId(id: string): string {
  const [section, n] = id.split('-');
  return section === 'diagnosis' ? `D${n}` : section === 'mitigation' ? `M${n}` : id;
}

function firstLines(text: string, count: number): string {
  return sanitizeText(text)
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .slice(0, count)
    .join(' ');
}

function sectionProgress(steps: readonly StepState[]) {
  const count = (section: string) => {
    const own = steps.filter((s) => s.step.section === section);
    return `${own.filter((s) => s.status !== 'todo').length}/${own.length}`;
  };
  return { diagnosis: count('diagnosis'), mitigation: count('mitigation') };
}

/** Under the pane: where the scroll is and the keys that change what it shows. */
function PaneFooter(props: {
  pane: WorkspaceState['pane'];
  scroll: number;
  shown: number;
  total: number;
  contextOpen: boolean;
  probeView?: ProbeView | undefined;
}) {
  const { pane, scroll, shown, total, contextOpen, probeView } = props;
  const what =
    pane === 'alert'
      ? 'the alert (i back to the step)'
      : pane === 'timeline'
        ? 'timeline, UTC (t back to the step)'
        : pane === 'links'
          ? 'links: j/k choose · ⏎ open · y copy · o back'
          : probeView?.kind === 'queries'
            ? 'probe queries (Q back to the step)'
            : probeView?.kind === 'chart'
              ? 'probe chart (v next, esc back to the step)'
              : 'step';
  const position =
    total > shown ? `lines ${scroll + 1}–${Math.min(total, scroll + shown)} of ${total} · J/K scroll` : '';
  return (
    <Text dimColor wrap="truncate">
      {[what, position, contextOpen ? 'm folds Meaning/Impact' : 'm shows Meaning/Impact whole']
        .filter(Boolean)
        .join(' · ')}
    </Text>
  );
}

/** "firing since 2m1s", "2 of 3 firing since …", or "resolved at 04:31 (4m0s ago)". */
function AlertState({ incident, nowMs }: { incident: Incident; nowMs: number }) {
  const status = alertStatus(incident);
  if (status.kind === 'firing') {
    const count = status.total > 1 ? `${status.firing} of ${status.total} firing` : 'firing';
    return (
      <Text color="red">
        {count} since {formatAge(status.since, nowMs)}
      </Text>
    );
  }
  const all = status.total > 1 ? 'all resolved' : 'resolved';
  if (status.resolvedAt === undefined) return <Text color="green">{all}</Text>;
  return (
    <Text color="green">
      {all} at {timeOfDay(status.resolvedAt)} ({formatAge(status.resolvedAt, nowMs)} ago)
    </Text>
  );
}

/** HH:MM in the terminal's own time zone, as the engineer reads a clock. */
function timeOfDay(iso: string): string {
  const date = new Date(iso);
  return `${String(date.getHours()).padStart(2, '0')}:${String(date.getMinutes()).padStart(2, '0')}`;
}

/** How old the probe values on screen are, and that they refresh on their own. */
function ProbeAge(props: { probes: StepProbes | undefined; nowMs: number; intervalMs: number }) {
  const { probes, nowMs, intervalMs } = props;
  const times = (probes?.results ?? []).map((r) => r.evaluatedAt * 1000).filter(Number.isFinite);
  if (times.length === 0) return null;
  const oldest = smallest(times);
  const every = formatDuration(intervalMs);
  return (
    <Text dimColor wrap="truncate">
      measured {formatDuration(Math.max(0, nowMs - oldest))} ago
      {probes?.running ? ' · re-running…' : ` · re-runs every ${every} (r now)`}
      {' · Q queries · v chart'}
    </Text>
  );
}

/** With several alerts, whose labels the probes were filled with (they run for that one alert). */
function ProbesFor({ incident, fingerprint }: { incident: Incident; fingerprint: string | undefined }) {
  if (incident.alerts.length < 2) return null;
  const alert = incident.alerts.find((a) => a.fingerprint === fingerprint);
  if (!alert) return null;
  return (
    <Text dimColor wrap="truncate">
      probes for {sanitizeLine(alertIdentity(alert.labels))}
    </Text>
  );
}

/** A line with each occurrence of the search words shown inverted. */
function Marked({ line, query }: { line: string; query: string | undefined }) {
  const wanted = query?.toLowerCase() ?? '';
  if (wanted === '' || !line.toLowerCase().includes(wanted)) return <>{line}</>;
  const parts: { text: string; hit: boolean }[] = [];
  let rest = line;
  for (let at = rest.toLowerCase().indexOf(wanted); at >= 0; at = rest.toLowerCase().indexOf(wanted)) {
    if (at > 0) parts.push({ text: rest.slice(0, at), hit: false });
    parts.push({ text: rest.slice(at, at + wanted.length), hit: true });
    rest = rest.slice(at + wanted.length);
  }
  if (rest !== '') parts.push({ text: rest, hit: false });
  return (
    <>
      {parts.map((part, i) =>
        part.hit ? (
          <Text key={i} inverse>
            {part.text}
          </Text>
        ) : (
          part.text
        ),
      )}
    </>
  );
}
