// The alert's past in the workspace: one line of history from Prometheus with a strip chart of the
// window, and one line on the last incident recorded for it. Built by src/app/alert-past.ts.
import { Box } from 'ink';
import { Text } from './text.js';
import type { AlertPast } from '../../app/alert-past.js';
import { historyStrip } from '../../core/history/strip.js';
import { sanitizeLine } from '../../core/sanitize.js';
import type { PastState } from '../state/workspace-past.js';

/** The past as the workspace holds it: nothing, "loading history…", or its lines. */
export function WorkspacePast(props: { past: PastState; width: number; lastTime: boolean }) {
  const { past, width, lastTime } = props;
  if (past.kind === 'none') return null;
  if (past.kind === 'loading') return <Text dimColor>loading history…</Text>;
  const shown = lastTime ? past.past : { ...past.past, lastTime: undefined };
  // 6 h a cell over 7 days at 112 columns and more; narrower terminals get a coarser strip.
  return <AlertPastLines past={shown} stripWidth={Math.max(7, Math.min(28, Math.floor(width / 4)))} />;
}

/** History and "last time" lines; the strip is `stripWidth` characters (default 28: 6 h a cell over 7 days). */
export function AlertPastLines({ past, stripWidth = 28 }: { past: AlertPast; stripWidth?: number }) {
  const firing = past.report !== undefined && past.report.history.episodes.length > 0;
  return (
    <Box flexDirection="column">
      <Text wrap="truncate">
        {past.report?.alertsSeriesFound ? (
          <Text color={firing ? 'yellow' : 'gray'}>{historyStrip(past.report.history, stripWidth)} </Text>
        ) : null}
        {sanitizeLine(past.history)}
      </Text>
      {past.lastTime === undefined ? null : (
        <Text wrap="truncate" dimColor>
          {sanitizeLine(past.lastTime)}
        </Text>
      )}
    </Box>
  );
}
