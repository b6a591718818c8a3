import { Box } from 'ink';
import { memo, useMemo } from 'react';
import { Text } from './text.js';
import type { Alert } from '../../core/alerts/alert.js';
import { formatDuration } from '../../core/format/duration.js';
import { severityCounts } from '../../core/inbox/inbox-rows.js';
import { sanitizeLine } from '../../core/sanitize.js';
import type { AlertFeedSnapshot, FeedSourceStatus } from '../../sources/alert-feed.js';
import { Severity } from './severity.js';
import { coverageOf, nothingFiringHeadline } from '../state/coverage.js';

/**
 * The top line: each source's health, and how many alerts fire at each severity. Memoized: a key
 * that moves the cursor leaves the feed's snapshot and the clock alone, so the header is not
 * rendered again for it.
 */
export const Header = memo(function Header({
  snapshot,
  nowMs,
}: {
  snapshot: AlertFeedSnapshot;
  nowMs: number;
}) {
  // Counted once per alert list, not on every frame (the clock redraws the header every second).
  const { firing, counts } = useMemo(() => firingCounts(snapshot.alerts), [snapshot.alerts]);
  const staleNames = useMemo(
    () => [...new Set(snapshot.staleAlerts.map((a) => sanitizeLine(a.name)))].slice(0, 3).join(', '),
    [snapshot.staleAlerts],
  );
  return (
    <Box flexDirection="column">
      <Box>
        <Text bold>sitrep</Text>
        <Text> · </Text>
        {counts.map(([severity, count]) => (
          <Text key={severity}>
            {count} <Severity severity={severity} />
            {'  '}
          </Text>
        ))}
        {firing === 0 ? <Text dimColor>{nothingFiringHeadline(coverageOf(snapshot))} </Text> : null}
        {snapshot.refreshing ? <Text dimColor>refreshing…</Text> : null}
      </Box>
      {snapshot.sources.map((source) => (
        <SourceLine key={`${source.kind}:${source.name}`} source={source} nowMs={nowMs} />
      ))}
      {snapshot.staleAlerts.length > 0 ? (
        <Text color="yellow" wrap="truncate">
          {snapshot.staleAlerts.length} more alert(s) known only to STALE sources, left out of the list:{' '}
          {staleNames}
        </Text>
      ) : null}
    </Box>
  );
});

/** The firing alerts (active or not yet processed): how many, and how many at each severity. */
function firingCounts(alerts: readonly Alert[]): { firing: number; counts: [string, number][] } {
  const firing = alerts.filter((a) => a.state === 'active' || a.state === 'unprocessed');
  return { firing: firing.length, counts: severityCounts(firing) };
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
