import { Box, Text } from 'ink';
import { useEffect, useReducer } from 'react';
import { sanitizeLine } from '../core/sanitize.js';
import { HelpOverlay } from './components/help-overlay.js';
import { Header } from './components/header.js';
import { KeyHints } from './components/key-hints.js';
import { useAppInput } from './hooks/use-app-input.js';
import { useFeed } from './hooks/use-feed.js';
import { useIntents } from './hooks/use-intents.js';
import { useNow } from './hooks/use-now.js';
import { useTerminalSize } from './hooks/use-terminal-size.js';
import { InboxList } from './screens/inbox-view.js';
import type { UiServices } from './services.js';
import { appReducer, initialApp, scopesFor } from './state/app-state.js';

/** The interactive screen's root: state in one reducer, effects in hooks, views below. */
export function App({ services }: { services: UiServices }) {
  const [state, dispatch] = useReducer(appReducer, initialApp);
  const snapshot = useFeed(services.feed, dispatch);
  const nowMs = useNow(services.now);
  const { rows, columns } = useTerminalSize();
  useAppInput(dispatch);
  useIntents(state.outbox, services, dispatch);
  useEffect(() => {
    dispatch({ type: 'height', rows: rows - snapshot.sources.length });
  }, [rows, snapshot.sources.length]);

  const scopes = scopesFor(state.screen);
  return (
    // One column short of the terminal's width: a line that fills the last column makes some
    // terminals wrap, and Ink's line count would then be off by one.
    <Box flexDirection="column" width={columns - 1}>
      <Header snapshot={snapshot} nowMs={nowMs} />
      <Box marginTop={1} flexDirection="column">
        {state.help ? (
          <HelpOverlay scopes={scopes} />
        ) : state.screen === 'inbox' ? (
          <InboxList inbox={state.inbox} nowMs={nowMs} width={columns - 1} />
        ) : (
          <Text>Incident workspace: coming next.</Text>
        )}
      </Box>
      {state.inbox.editingFilter || state.inbox.filterText ? (
        <Text>
          filter: {sanitizeLine(state.inbox.filterText)}
          {state.inbox.editingFilter ? (
            <Text inverse> </Text>
          ) : (
            <Text dimColor> (/ to change, esc in it to clear)</Text>
          )}
        </Text>
      ) : null}
      <KeyHints scopes={scopes} />
    </Box>
  );
}
