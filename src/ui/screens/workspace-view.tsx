// The incident workspace screen: the header (what fired, the runbook), the checklist, the pane
// under it (the focused step, the alert, the timeline or the links) with the step's probes, and
// the status lines. Its rows are in components/checklist, its one-line pieces in
// components/workspace-lines.
import { Box } from 'ink';
import { Text } from '../components/text.js';
import { incidentAlertsAbout } from '../../core/inbox/incident-title.js';
import type { StepState } from '../../core/timeline/incident.js';
import { emptyValue } from '../../core/alerts/alert-table.js';
import { countOf } from '../../core/format/count.js';
import { sanitizeLine } from '../../core/sanitize.js';
import { Checklist } from '../components/checklist.js';
import { ProbePanel } from '../components/probe-panel.js';
import { WorkspacePast } from '../components/alert-past.js';
import { PastIncidentsScreen } from '../components/past-incidents.js';
import { AlertState, Marked, PaneFooter, ProbeAge, ProbesFor } from '../components/workspace-lines.js';
import { showsLastTime } from '../state/workspace-past.js';
import { workspaceLayout } from '../state/workspace-layout.js';
import { focusedStepId, type WorkspaceState } from '../state/workspace-state.js';
import { WorkspaceDialog } from './workspace-dialogs.js';

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
  // Which alert, by its own labels, and how many more: left out when there is nothing to say.
  const about = sanitizeLine(incidentAlertsAbout(incident.alerts));
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
        {sanitizeLine(incident.title) || emptyValue}
        <Text dimColor> · {incident.id}</Text>
      </Text>
      <Text wrap="truncate">
        <AlertState incident={incident} nowMs={nowMs} />
        {about === '' ? '' : ` · ${about}`}
        {' · '}
        Diagnosis {progress.diagnosis} · Mitigation {progress.mitigation}
      </Text>
      <Text dimColor wrap="truncate">
        Runbook: {sanitizeLine(runbook.sourceLabel)}
        {runbook.problems.length > 0
          ? ` (${countOf(runbook.problems.length, 'problem')}: ${sanitizeLine(runbook.problems[0] ?? '')})`
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

function sectionProgress(steps: readonly StepState[]) {
  const count = (section: string) => {
    const own = steps.filter((s) => s.step.section === section);
    return `${own.filter((s) => s.status !== 'todo').length}/${own.length}`;
  };
  return { diagnosis: count('diagnosis'), mitigation: count('mitigation') };
}
