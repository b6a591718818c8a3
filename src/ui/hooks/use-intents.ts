import { useApp } from 'ink';
import { useEffect, type Dispatch } from 'react';
import type { UiServices } from '../services.js';
import type { AppAction } from '../state/app-state.js';
import type { Intent } from '../state/intents.js';

/** Carries out the reducer's intents in order, then tells the reducer they were taken. */
export function useIntents(
  outbox: readonly Intent[],
  services: UiServices,
  dispatch: Dispatch<AppAction>,
): void {
  const { exit } = useApp();
  useEffect(() => {
    if (outbox.length === 0) return;
    for (const intent of outbox) {
      switch (intent.type) {
        case 'quit':
          exit();
          break;
        case 'refresh':
          void services.feed.refresh();
          break;
        case 'openIncident':
          break; // the incident workspace takes this over once it is wired
        default: {
          const unreachable: never = intent;
          return unreachable;
        }
      }
    }
    dispatch({ type: 'intentsTaken', count: outbox.length });
  }, [outbox, services, dispatch, exit]);
}
