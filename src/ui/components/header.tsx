import { Box } from 'ink';
import { Text } from './text.js';
import type { Alert } from '../../core/alerts/alert.js';
import { formatDuration } from '../../core/format/duration.js';
import { severityCounts } from '../../core/inbox/inbox-rows.js';
import { sanitizeLine } from '../../core/sanitize.js';
import type { AlertFeedSnapshot, FeedSourceStatus } from '../../sources/alert-feed.js';
import { Severity } from './severity.js';
import { coverageOf, nothingFiringHeadline } from '../state/coverage.js';

/** The top line: each source's health, and how many alerts fire at each severity. */
export function Header({ snapshot, nowMs }: { snapshot: AlertFeedSnapshot; nowMs: number }) {
  const firing = snapshot.alerts.filter((a: Alert) => a.state === 'active' || a.state === 'unprocessed');
  return (
    <Box flexDirection="column">
      <Box>
        <Text bold>sitrep</Text>
        <Text> · </Text>
        {severityCounts(firing).map(([severity, count]) => (
          <Text key={severity}>
            {count} <Severity severity={severity} />
            {'  '}
          </Text>
        ))}
        {firing.length === 0 ? <Text dimColor>{nothingFiringHeadline(coverageOf(snapshot))} </Text> : null}
        {snapshot.refreshing ? <Text dimColor>refreshing…</Text> : null}
      </Box>
      {snapshot.sources.map((source) => (
        <SourceLine key={`${source.kind}:${source.name}`} source={source} nowMs={nowMs} />
      ))}
      {snapshot.staleAlerts.length > 0 ? (
        <Text color="yellow" wrap="truncate">
          {snapshot.staleAlerts.length} more alert(s) known only to STALE sources, left out of the list:{' '}
          {[...new Set(snapshot.staleAlerts.map((a) => sanitizeLine(a.name)))].slice(0, 3).join(', ')}
        </Text>
      ) : null}
    </Box>
  );
}

function SourceLine({ source, nowMs }: { source: FeedSourceStatus; nowMs: number }) {
  const ago =
    source.lastSuccessAt === undefined
      ? undefined
      : formatDuration(Math.max(0, nowMs - source.lastSuccessAt));
  const label = `${source.kind} ${sanitizeLine(source.name)}`;
  switch (source.health) {
    case 'loading':
      return <Text dimColor>{label}: loading…</Text>;
    case 'ok':
      return (
        <Text>
          <Text color="green">●</Text> {label}: ok, {source.alertCount} alerts, updated {ago} ago
        </Text>
      );
    case 'stale':
      return (
        <Text wrap="truncate">
          <Text color="yellow">●</Text> {label}: STALE since {ago} ago: {sanitizeLine(source.error ?? '')}
        </Text>
      );
    case 'failing':
      return (
        <Text wrap="truncate">
          <Text color="red">●</Text> {label}: failing: {sanitizeLine(source.error ?? '')}
        </Text>
      );
    default: {
      const unreachable: never = source.health;
      return unreachable;
    }
  }
}
