import { Box } from 'ink';
import { Text } from './components/text.js';
import { useEffect, useMemo, useReducer, useState } from 'react';
import { sanitizeLine } from '../core/sanitize.js';
import { HelpOverlay } from './components/help-overlay.js';
import { Header } from './components/header.js';
import { KeyHints } from './components/key-hints.js';
import { useAppInput } from './hooks/use-app-input.js';
import { useFeed } from './hooks/use-feed.js';
import { useIntents } from './hooks/use-intents.js';
import { useNow } from './hooks/use-now.js';
import { useProbeRefresh } from './hooks/use-probe-refresh.js';
import { useTerminalSize } from './hooks/use-terminal-size.js';
import { FilterProblem, InboxList } from './screens/inbox-view.js';
import { WorkspaceView } from './screens/workspace-view.js';
import type { UiServices, WorkspaceSession } from '../app/services.js';
import { appReducer, initialApp, scopesFor } from './state/app-state.js';
import { resumedAction } from './hooks/use-intents-session.js';
import { coverageOf } from './state/coverage.js';

/** The interactive screen's root: state in one reducer, effects in hooks, views below. */
export function App(props: {
  services: UiServices;
  resumeId?: string | undefined;
  /** Open the incident for this alertname as soon as it is seen firing (`sitrep --alert NAME`). */
  openAlertname?: string | undefined;
  /** The session of `resumeId`, opened already: the first frame holds its checklist. */
  resumed?: WorkspaceSession | undefined;
}) {
  const { services, resumeId, openAlertname, resumed } = props;
  const { rows, columns } = useTerminalSize();
  // Resuming starts on the workspace (opening), so the first frame is not an inbox drawn for nothing;
  // with its session opened already, on the workspace as it is once opened.
  const [shown] = useState(() =>
    resumed ? { session: resumed, events: resumed.journalEvents?.() } : undefined,
  );
  const [state, dispatch] = useReducer(
    appReducer,
    { ...initialApp, cwd: services.cwd, pendingOpen: openAlertname },
    (initial) => {
      if (resumeId === undefined) return initial;
      if (shown === undefined) return appReducer(initial, { type: 'resume', id: resumeId });
      const sources = services.feed.getSnapshot().sources.length;
      return appReducer(
        initial,
        resumedAction(shown.session, { rows: rows - sources, columns: columns - 1 }),
      );
    },
  );
  const snapshot = useFeed(services.feed, dispatch);
  const nowMs = useNow(services.now);
  // The tick reaches the reducer in the render that reads it (as the feed's alerts do, use-feed.ts):
  // from an effect, every second drew two frames.
  const [clocked, setClocked] = useState<number | undefined>(undefined);
  if (clocked !== nowMs) {
    setClocked(nowMs);
    dispatch({ type: 'clock', nowMs });
  }
  useAppInput(dispatch);
  useIntents(state.outbox, services, dispatch, state.screen === 'inbox', shown);
  useProbeRefresh(state.workspace, services.probeIntervalMs, services.now, dispatch);
  useEffect(() => {
    dispatch({ type: 'height', rows: rows - snapshot.sources.length, columns: columns - 1 });
  }, [rows, columns, snapshot.sources.length]);

  // The same array while the screen stays, so the memoized footer is not drawn again per key.
  const scopes = useMemo(() => scopesFor(state.screen), [state.screen]);
  // The help takes the whole screen: every row goes to the keys, so all of them fit at 80×24.
  if (state.help) return <HelpOverlay scopes={scopes} rows={rows} width={columns - 1} />;
  // One column short of the terminal's width: a line that fills the last column makes some
  // terminals wrap, and Ink's line count would then be off by one.
  return (
    <Box flexDirection="column" width={columns - 1}>
      <Header snapshot={snapshot} nowMs={nowMs} />
      <Box marginTop={1} flexDirection="column">
        {state.screen === 'inbox' ? (
          <InboxList inbox={state.inbox} nowMs={nowMs} width={columns - 1} coverage={coverageOf(snapshot)} />
        ) : state.workspace ? (
          <WorkspaceView
            workspace={state.workspace}
            nowMs={nowMs}
            width={columns - 1}
            rows={rows}
            probeIntervalMs={services.probeIntervalMs}
          />
        ) : null}
      </Box>
      {state.screen === 'inbox' ? (
        <InboxNotes notice={state.notice} problems={state.incidentProblems} />
      ) : null}
      {state.screen === 'inbox' && (state.inbox.editingFilter || state.inbox.filterText) ? (
        <Text>
          filter: {sanitizeLine(state.inbox.filterText)}
          {state.inbox.editingFilter ? (
            <Text inverse> </Text>
          ) : (
            <Text dimColor> (/ to change, esc in it to clear)</Text>
          )}
        </Text>
      ) : null}
      {state.screen === 'inbox' ? <FilterProblem inbox={state.inbox} /> : null}
      <KeyHints scopes={scopes} />
    </Box>
  );
}

/** Under the inbox: its last word, and incident journals that could not be read (never dropped). */
function InboxNotes({ notice, problems }: { notice: string | undefined; problems: readonly string[] }) {
  const [first] = problems;
  return (
    <>
      {notice ? (
        <Text color="cyan" wrap="truncate">
          {sanitizeLine(notice)}
        </Text>
      ) : null}
      {first === undefined ? null : (
        <Text color="yellow" wrap="truncate">
          Incident journals: {sanitizeLine(first)}
          {problems.length > 1
            ? ` (and ${problems.length - 1} more problems; sitrep incidents lists them)`
            : ''}
        </Text>
      )}
    </>
  );
}
