// The whole screen's state: which screen is up, the inbox, the help overlay, and the outbox of
// intents for effects. Every key goes through here, one key at a time, so a burst of keys
// behaves exactly like the same keys typed slowly.
import type { Alert } from '../../core/alerts/alert.js';
import { actionFor, type Action, type KeyScope } from '../keymap.js';
import { inboxReducer, initialInbox, selectedRow, type InboxState } from './inbox-state.js';
import type { Intent } from './intents.js';

export type Screen = 'inbox' | 'workspace';

export interface AppState {
  readonly screen: Screen;
  readonly help: boolean;
  readonly inbox: InboxState;
  /** Intents not yet carried out, oldest first. */
  readonly outbox: readonly Intent[];
}

export type AppAction =
  | { readonly type: 'key'; readonly name: string }
  | { readonly type: 'alerts'; readonly alerts: readonly Alert[] }
  | { readonly type: 'height'; readonly rows: number }
  | { readonly type: 'intentsTaken'; readonly count: number }
  | { readonly type: 'screen'; readonly screen: Screen };

export const initialApp: AppState = { screen: 'inbox', help: false, inbox: initialInbox, outbox: [] };

/** Rows the header, column titles and footer take around the inbox list. */
const inboxChrome = 7;

/** The scopes whose keys apply on a screen, most specific first. */
export function scopesFor(screen: Screen): KeyScope[] {
  return screen === 'inbox' ? ['inbox', 'list', 'global'] : ['workspace', 'list', 'global'];
}

export function appReducer(state: AppState, action: AppAction): AppState {
  switch (action.type) {
    case 'alerts':
      return { ...state, inbox: inboxReducer(state.inbox, { type: 'alerts', alerts: action.alerts }) };
    case 'height':
      return {
        ...state,
        inbox: inboxReducer(state.inbox, { type: 'height', height: action.rows - inboxChrome }),
      };
    case 'intentsTaken':
      return { ...state, outbox: state.outbox.slice(action.count) };
    case 'screen':
      return { ...state, screen: action.screen };
    case 'key':
      return onKey(state, action.name);
    default: {
      const unreachable: never = action;
      return unreachable;
    }
  }
}

function send(state: AppState, intent: Intent): AppState {
  return { ...state, outbox: [...state.outbox, intent] };
}

function onKey(state: AppState, key: string): AppState {
  if (state.screen === 'inbox' && state.inbox.editingFilter) return onFilterKey(state, key);
  const action = actionFor(key, scopesFor(state.screen));
  if (state.help) {
    // The help overlay closes on ? or esc and lets quit through; other keys wait.
    if (action === 'help' || action === 'back') return { ...state, help: false };
    return action === 'quit' ? send(state, { type: 'quit' }) : state;
  }
  if (action === undefined) return state;
  return onAction(state, action);
}

function onAction(state: AppState, action: Action): AppState {
  const inbox = (a: Parameters<typeof inboxReducer>[1]) => ({
    ...state,
    inbox: inboxReducer(state.inbox, a),
  });
  switch (action) {
    case 'quit':
      return send(state, { type: 'quit' });
    case 'help':
      return { ...state, help: true };
    case 'back':
      return state.screen === 'inbox' ? state : { ...state, screen: 'inbox' };
    case 'up':
      return inbox({ type: 'list', action: { type: 'move', by: -1 } });
    case 'down':
      return inbox({ type: 'list', action: { type: 'move', by: 1 } });
    case 'pageUp':
      return inbox({ type: 'list', action: { type: 'page', by: -1 } });
    case 'pageDown':
      return inbox({ type: 'list', action: { type: 'page', by: 1 } });
    case 'top':
      return inbox({ type: 'list', action: { type: 'jump', to: 'top' } });
    case 'bottom':
      return inbox({ type: 'list', action: { type: 'jump', to: 'bottom' } });
    case 'expand':
      return inbox({ type: 'toggleExpanded' });
    case 'toggleSilenced':
      return inbox({ type: 'toggleMuted' });
    case 'filter':
      return inbox({ type: 'filterStart' });
    case 'refresh':
      return send(state, { type: 'refresh' });
    case 'open': {
      const row = selectedRow(state.inbox);
      if (!row) return state;
      const alerts = row.kind === 'group' ? row.group.alerts : [row.alert];
      return send({ ...state, screen: 'workspace' }, { type: 'openIncident', alerts });
    }
    case 'done':
    case 'skip':
    case 'reopen':
    case 'note':
    case 'rerun':
    case 'silence':
    case 'export':
    case 'link':
      return state; // workspace keys: handled once the workspace screen is wired
    default: {
      const unreachable: never = action;
      return unreachable;
    }
  }
}

function onFilterKey(state: AppState, key: string): AppState {
  const inbox = (a: Parameters<typeof inboxReducer>[1]) => ({
    ...state,
    inbox: inboxReducer(state.inbox, a),
  });
  if (key === 'return') return inbox({ type: 'filterEnd', keep: true });
  if (key === 'escape') return inbox({ type: 'filterEnd', keep: false });
  if (key === 'backspace') return inbox({ type: 'filterBackspace' });
  if (key === 'space') return inbox({ type: 'filterType', text: ' ' });
  if ([...key].length === 1) return inbox({ type: 'filterType', text: key });
  return state; // arrows and other named keys do nothing while typing
}
