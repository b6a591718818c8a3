// The whole screen's state: which screen is up, the inbox, the incident workspace, the help
// overlay, and the outbox of intents for effects. Every key goes through here, one key at a time,
// so a burst of keys behaves exactly like the same keys typed slowly.
// (Over 300 lines because the inbox's keys and the reducer call each other, as opening an alert
// shows the workspace through appReducer; and the inbox lists every action it leaves alone, so
// a new action cannot be forgotten.)
import type { Alert } from '../../core/alerts/alert.js';
import { actionFor, type Action, type KeyScope } from '../keymap.js';
import type { OpenIncidentSummary } from '../../app/services.js';
import {
  filterProblemText,
  inboxReducer,
  initialInbox,
  selectedRow,
  type InboxAction,
  type InboxState,
} from './inbox-state.js';
import { cellWidth } from '../../core/format/cells.js';
import type { Intent } from './intents.js';
import { workspaceKey } from './workspace-keys.js';
import { probeRefreshTarget } from './workspace-probes.js';
import {
  openingWorkspace,
  workspaceReducer,
  type WorkspaceAction,
  type WorkspaceState,
} from './workspace-state.js';

export type Screen = 'inbox' | 'workspace';

export interface AppState {
  readonly screen: Screen;
  readonly help: boolean;
  readonly inbox: InboxState;
  readonly workspace: WorkspaceState | undefined;
  /** Terminal rows, for the lists' windows. */
  readonly rows: number;
  /** Columns the screen may use (one short of the terminal's), for the workspace's text panes. */
  readonly columns: number;
  /** Where exports go by default. */
  readonly cwd: string;
  /** An alertname to open as soon as it is seen firing (`sitrep --alert NAME`). */
  readonly pendingOpen: string | undefined;
  /** Intents not yet carried out, oldest first. */
  readonly outbox: readonly Intent[];
  /** Incident journals that could not be read, in words (shown under the inbox, never dropped). */
  readonly incidentProblems: readonly string[];
  /** The inbox's last word to the engineer ("no open incident of this name"). */
  readonly notice: string | undefined;
}

export type AppAction =
  | { readonly type: 'key'; readonly name: string }
  | { readonly type: 'alerts'; readonly alerts: readonly Alert[] }
  | {
      readonly type: 'incidents';
      readonly incidents: readonly OpenIncidentSummary[];
      readonly problems: readonly string[];
    }
  | { readonly type: 'height'; readonly rows: number; readonly columns?: number }
  /** The clock, once a second: the inbox moves incidents quiet for a while below the live ones. */
  | { readonly type: 'clock'; readonly nowMs: number }
  | { readonly type: 'intentsTaken'; readonly count: number }
  | { readonly type: 'workspace'; readonly action: WorkspaceAction }
  | { readonly type: 'showWorkspace'; readonly alerts: readonly Alert[] }
  | { readonly type: 'showInbox' }
  /** Open straight into an incident (`sitrep resume`). */
  | { readonly type: 'resume'; readonly id: string }
  /**
   * Open straight into an incident whose session is open already (`sitrep resume`'s first frame):
   * sized for the terminal, on the workspace as it is once opened, the session not asked for again.
   */
  | {
      readonly type: 'resumed';
      readonly rows: number;
      readonly columns: number;
      readonly opened: Extract<WorkspaceAction, { type: 'opened' }>;
      /** The session loads the alert's past: the workspace says so from the first frame. */
      readonly pastLoading: boolean;
    };

export const initialApp: AppState = {
  screen: 'inbox',
  help: false,
  inbox: initialInbox,
  workspace: undefined,
  rows: 24,
  columns: 79,
  cwd: '.',
  pendingOpen: undefined,
  outbox: [],
  incidentProblems: [],
  notice: undefined,
};

/** Rows the header, column titles and footer take around the inbox list. */
const inboxChrome = 7;
/** Rows the workspace shows besides its checklist: header, context, focused step, probes, footer. */
const workspaceChrome = 20;

/** The scopes whose keys apply on a screen, most specific first. */
export function scopesFor(screen: Screen): KeyScope[] {
  return screen === 'inbox' ? ['inbox', 'list', 'global'] : ['workspace', 'list', 'global'];
}

const checklistHeight = (rows: number) => Math.max(3, Math.min(12, rows - workspaceChrome));

export function appReducer(state: AppState, action: AppAction): AppState {
  switch (action.type) {
    case 'alerts': {
      const fed = inbox(state, { type: 'alerts', alerts: action.alerts });
      const next = fed.workspace ? workspace(fed, { type: 'liveAlerts', alerts: action.alerts }) : fed;
      if (next.pendingOpen === undefined || next.screen !== 'inbox') return next;
      const wanted = action.alerts.filter((a) => a.name === next.pendingOpen && a.state === 'active');
      if (wanted.length === 0) return next;
      const opening = appReducer(
        { ...next, pendingOpen: undefined },
        { type: 'showWorkspace', alerts: wanted },
      );
      return send(opening, { type: 'openIncident', alerts: wanted });
    }
    case 'incidents':
      return {
        ...inbox(state, { type: 'incidents', incidents: action.incidents }),
        incidentProblems: action.problems,
      };
    case 'height': {
      const columns = action.columns ?? state.columns;
      const next = inbox(
        { ...state, rows: action.rows, columns },
        { type: 'height', height: action.rows - inboxChrome },
      );
      return next.workspace
        ? workspace(next, {
            type: 'height',
            height: checklistHeight(action.rows),
            size: { rows: action.rows, width: columns },
          })
        : next;
    }
    case 'clock':
      return inbox(state, { type: 'clock', nowMs: action.nowMs });
    case 'intentsTaken':
      return { ...state, outbox: state.outbox.slice(action.count) };
    case 'workspace':
      return workspace(state, action.action);
    case 'showWorkspace': {
      const names = new Set(action.alerts.map((a) => a.name));
      const group = state.inbox.alerts.filter((a) => names.has(a.name));
      return {
        ...state,
        screen: 'workspace',
        notice: undefined,
        workspace: openingWorkspace(action.alerts, checklistHeight(state.rows), state.cwd, group, {
          rows: state.rows,
          width: state.columns,
        }),
      };
    }
    case 'showInbox':
      return { ...state, screen: 'inbox', workspace: undefined };
    case 'resume':
      return send(appReducer(state, { type: 'showWorkspace', alerts: [] }), {
        type: 'resumeIncident',
        id: action.id,
      });
    case 'resumed': {
      // As the first effect would size it, then as `resume` shows the workspace (without its
      // intent to open the session: it is open) and adoptSession tells it the session opened.
      const sized = appReducer(state, { type: 'height', rows: action.rows, columns: action.columns });
      const opened = workspace(appReducer(sized, { type: 'showWorkspace', alerts: [] }), action.opened);
      return action.pastLoading ? workspace(opened, { type: 'past', past: 'loading' }) : opened;
    }
    case 'key':
      return onKey(state, action.name);
    default: {
      const unreachable: never = action;
      return unreachable;
    }
  }
}

function inbox(state: AppState, action: InboxAction): AppState {
  const next = inboxReducer(state.inbox, action);
  // The lines naming the filter parts left out take rows from the list while they show.
  const problem = filterProblemText(next);
  const problemRows = problem === undefined ? 0 : Math.ceil(cellWidth(problem) / Math.max(1, state.columns));
  const wanted = state.rows - inboxChrome - problemRows;
  const sized =
    state.rows > 0 && next.list.height !== wanted
      ? inboxReducer(next, { type: 'height', height: wanted })
      : next;
  return { ...state, inbox: sized };
}

function workspace(state: AppState, action: WorkspaceAction): AppState {
  if (!state.workspace) return state;
  const next = { ...state, workspace: workspaceReducer(state.workspace, action) };
  // `q` waited on events not yet on disk: once they are, nothing is lost and it quits as asked
  // (the dialog would otherwise go on asking about "0 events").
  if (next.workspace.mode.kind === 'confirm-quit' && next.workspace.recording.pending === 0)
    return send({ ...next, workspace: { ...next.workspace, mode: { kind: 'checklist' } } }, { type: 'quit' });
  // The refresh timer says a step is due; it runs only if it is still the one waiting (focused, idle,
  // no dialog open), so a timer that fired just as things changed does nothing.
  if (action.type === 'probeDue') {
    const target = probeRefreshTarget(next.workspace);
    return target?.stepId === action.stepId ? send(next, { type: 'runProbes', stepId: action.stepId }) : next;
  }
  // Once the incident is open, the first row's probes run at once: the alert's own expression.
  const first = next.workspace.items[next.workspace.list.cursor];
  // The same when the probes follow the checklist (the alert rule answered late).
  const planned =
    action.type === 'opened' || (action.type === 'probePlan' && state.workspace.probesPending === true);
  const probes: Intent[] =
    planned && first !== undefined && next.workspace.probeSteps[first]
      ? [{ type: 'runProbes', stepId: first }]
      : [];
  // The alert's past is asked for once the opened workspace is drawn (intents run after the frame).
  return send(next, ...(action.type === 'opened' ? [{ type: 'loadPast' } as const] : []), ...probes);
}

function send(state: AppState, ...intents: readonly Intent[]): AppState {
  return intents.length === 0 ? state : { ...state, outbox: [...state.outbox, ...intents] };
}

/** True while a text field or menu has the keyboard, so `?` and `q` are typed, not obeyed. */
function capturesKeys(state: AppState): boolean {
  if (state.screen === 'inbox') return state.inbox.editingFilter;
  return state.workspace !== undefined && state.workspace.mode.kind !== 'checklist';
}

function onKey(current: AppState, key: string): AppState {
  // The inbox's notice answers the last key; the next one takes it away.
  const state = current.notice === undefined ? current : { ...current, notice: undefined };
  if (capturesKeys(state)) return onCapturedKey(state, key);
  const action = actionFor(key, scopesFor(state.screen));
  if (state.help) {
    // The help overlay closes on ? or esc and lets quit through; other keys wait.
    if (action === 'help' || action === 'back') return { ...state, help: false };
    return action === 'quit' ? send(state, { type: 'quit' }) : state;
  }
  if (action === 'help') return { ...state, help: true };
  if (state.screen === 'workspace' && state.workspace) {
    const outcome = workspaceKey(state.workspace, key);
    return send({ ...state, workspace: outcome.state }, ...outcome.intents);
  }
  return action === undefined ? state : onInboxAction(state, action);
}

function onCapturedKey(state: AppState, key: string): AppState {
  if (state.screen === 'inbox') {
    if (key === 'return') return inbox(state, { type: 'filterEnd', keep: true });
    if (key === 'escape') return inbox(state, { type: 'filterEnd', keep: false });
    if (key === 'backspace') return inbox(state, { type: 'filterBackspace' });
    if (key === 'space') return inbox(state, { type: 'filterType', text: ' ' });
    return [...key].length === 1 ? inbox(state, { type: 'filterType', text: key }) : state;
  }
  if (!state.workspace) return state;
  const outcome = workspaceKey(state.workspace, key);
  return send({ ...state, workspace: outcome.state }, ...outcome.intents);
}

/**
 * `a` on an alert: add it to the open incident of its name (the newest, if several) that does not
 * hold it yet, and open that incident. Only ever on this key: opening an alert never joins it to
 * another alert's incident.
 */
function addToIncident(state: AppState): AppState {
  const selection = selectedRow(state.inbox);
  if (!selection || selection.incident)
    return { ...state, notice: 'Move to an alert to add it to an incident.' };
  const { row } = selection;
  const alerts = row.kind === 'group' ? row.group.alerts : [row.alert];
  const name = alerts[0]?.name;
  const target = [...state.inbox.incidents]
    .filter((i) => i.alertname === name && !alerts.every((a) => i.fingerprints.includes(a.fingerprint)))
    .sort((a, b) => Date.parse(b.openedAt) - Date.parse(a.openedAt))[0];
  if (!target) return { ...state, notice: `No open ${name ?? ''} incident to add it to; ⏎ opens its own.` };
  return send(appReducer(state, { type: 'showWorkspace', alerts }), {
    type: 'addToIncident',
    id: target.id,
    alerts,
  });
}

function onInboxAction(state: AppState, action: Action): AppState {
  const move = (listAction: Extract<InboxAction, { type: 'list' }>['action']) =>
    inbox(state, { type: 'list', action: listAction });
  switch (action) {
    case 'quit':
      return send(state, { type: 'quit' });
    case 'up':
      return move({ type: 'move', by: -1 });
    case 'down':
      return move({ type: 'move', by: 1 });
    case 'pageUp':
      return move({ type: 'page', by: -1 });
    case 'pageDown':
      return move({ type: 'page', by: 1 });
    case 'top':
      return move({ type: 'jump', to: 'top' });
    case 'bottom':
      return move({ type: 'jump', to: 'bottom' });
    case 'expand':
      return inbox(state, { type: 'toggleExpanded' });
    case 'expandAll':
      return inbox(state, { type: 'expandAll', expanded: true });
    case 'collapseAll':
      return inbox(state, { type: 'expandAll', expanded: false });
    case 'toggleSilenced':
      return inbox(state, { type: 'toggleMuted' });
    case 'filter':
      return inbox(state, { type: 'filterStart' });
    case 'refresh':
      return send(state, { type: 'refresh' });
    case 'open': {
      const selection = selectedRow(state.inbox);
      if (!selection) return state;
      if (selection.incident) return appReducer(state, { type: 'resume', id: selection.incident.id });
      const { row } = selection;
      const alerts = row.kind === 'group' ? row.group.alerts : [row.alert];
      return send(appReducer(state, { type: 'showWorkspace', alerts }), { type: 'openIncident', alerts });
    }
    case 'addToIncident':
      return addToIncident(state);
    case 'help':
    case 'back':
    case 'done':
    case 'skip':
    case 'reopen':
    case 'note':
    case 'rerun':
    case 'silence':
    case 'export':
    case 'link':
    case 'close':
    case 'scrollDown':
    case 'scrollUp':
    case 'context':
    case 'alertPane':
    case 'timeline':
    case 'search':
    case 'nextMatch':
    case 'prevMatch':
    case 'pastIncidents':
    case 'probeQueries':
    case 'probeChart':
    case 'copyQuery':
    case 'copyCommand':
    case 'copyGraph':
    case 'openLink':
    case 'editRunbook':
      return state;
    default: {
      const unreachable: never = action;
      return unreachable;
    }
  }
}
