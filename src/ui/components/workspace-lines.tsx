// One-line pieces of the workspace screen: the alert's state in the header, the footer under the
// pane, how old the probe values are, whose labels the probes use, and search hits marked in a line.
import { formatElapsed } from '../../core/alerts/select.js';
import { firingSinceText } from '../../core/format/start-time.js';
import { smallest } from '../../core/bounded.js';
import { formatDuration } from '../../core/format/duration.js';
import { sanitizeLine } from '../../core/sanitize.js';
import { alertIdentity, alertStatus } from '../../core/timeline/alert-status.js';
import type { Incident } from '../../core/timeline/incident.js';
import type { ProbeView } from '../state/probe-view.js';
import type { StepProbes } from '../state/workspace-probes.js';
import type { WorkspaceState } from '../state/workspace-state.js';
import { Text } from './text.js';

/** Under the pane: where the scroll is and the keys that change what it shows. */
export function PaneFooter(props: {
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

/**
 * "firing since 2m1s", "2 of 3 firing since …", "firing starts at 22:14 (in the future, by the
 * server's clock)", or "resolved at 04:31 (4m0s ago)".
 */
export function AlertState({ incident, nowMs }: { incident: Incident; nowMs: number }) {
  const status = alertStatus(incident);
  if (status.kind === 'firing') {
    const count = status.total > 1 ? `${status.firing} of ${status.total} firing` : 'firing';
    return (
      <Text color="red">
        {count} {firingSinceText(status.since, nowMs, timeOfDay)}
      </Text>
    );
  }
  const all = status.total > 1 ? 'all resolved' : 'resolved';
  if (status.resolvedAt === undefined) return <Text color="green">{all}</Text>;
  return (
    <Text color="green">
      {all} at {timeOfDay(status.resolvedAt)} ({formatElapsed(status.resolvedAt, nowMs)} ago)
    </Text>
  );
}

/** HH:MM in the terminal's own time zone, as the engineer reads a clock. */
function timeOfDay(iso: string): string {
  const date = new Date(iso);
  return `${String(date.getHours()).padStart(2, '0')}:${String(date.getMinutes()).padStart(2, '0')}`;
}

/** How old the probe values on screen are, and that they refresh on their own. */
export function ProbeAge(props: { probes: StepProbes | undefined; nowMs: number; intervalMs: number }) {
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
export function ProbesFor({
  incident,
  fingerprint,
}: {
  incident: Incident;
  fingerprint: string | undefined;
}) {
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
export function Marked({ line, query }: { line: string; query: string | undefined }) {
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
