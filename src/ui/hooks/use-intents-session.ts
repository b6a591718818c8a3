// The open incident's session as the intent hook holds it: opening one (a late answer to an
// earlier open is closed, not adopted), adopting it, and releasing it on leave and quit.
import type { Dispatch, MutableRefObject } from 'react';
import { errorLine } from '../../core/errors.js';
import type { UiServices, WorkspaceSession } from '../../app/services.js';
import type { TimelineEvent } from '../../core/timeline/events.js';
import type { AppAction } from '../state/app-state.js';
import type { WorkspaceAction } from '../state/workspace-state.js';
import { pastLoading } from './use-intents-alert.js';

/** The open incident's session and its journal subscription. */
export interface Held {
  readonly current: WorkspaceSession;
  readonly unsubscribe: () => void;
}

/** What every intent handler works with. */
export interface IntentContext {
  readonly services: UiServices;
  readonly dispatch: Dispatch<AppAction>;
  readonly exit: () => void;
  readonly session: MutableRefObject<Held | undefined>;
  /**
   * Each open asks with a new ticket; leaving the workspace takes a new one, so a late answer to an
   * earlier open is recognised and closed instead of adopted.
   */
  readonly ticket: MutableRefObject<number>;
}

/** A line for the workspace's message row. */
export const message = (text: string): AppAction => ({
  type: 'workspace',
  action: { type: 'message', text },
});

/** The session in use, if one is open. */
export const activeSession = (ctx: IntentContext): WorkspaceSession | undefined =>
  ctx.session.current?.current;

/** Stops the held session's probes and closes it; resolves when its journal is closed. */
export function releaseSession(ctx: IntentContext): Promise<void> | undefined {
  const held = ctx.session.current;
  ctx.session.current = undefined;
  held?.unsubscribe();
  held?.current.cancelProbes();
  return held?.current.close();
}

/** Loads the open incidents for the inbox; a failure is shown as the inbox's problem line. */
export function loadIncidents(ctx: IntentContext): void {
  const { services, dispatch } = ctx;
  services.openIncidents().then(
    ({ incidents, problems }) => dispatch({ type: 'incidents', incidents, problems }),
    (error: unknown) =>
      dispatch({ type: 'incidents', incidents: [], problems: [`Incidents: ${errorLine(error)}`] }),
  );
}

/** Releases the current session and opens another; only the latest open is adopted. */
export function openSession(
  ctx: IntentContext,
  open: () => Promise<WorkspaceSession>,
  adopted?: () => void,
): void {
  void releaseSession(ctx);
  ctx.ticket.current += 1;
  const mine = ctx.ticket.current;
  open().then(
    (opened) => {
      if (mine !== ctx.ticket.current) return void opened.close();
      adoptSession(ctx, opened);
      adopted?.();
    },
    (error: unknown) => {
      if (mine === ctx.ticket.current)
        ctx.dispatch({ type: 'workspace', action: { type: 'openFailed', error: errorLine(error) } });
    },
  );
}

function adoptSession(ctx: IntentContext, opened: WorkspaceSession): void {
  holdSession(ctx, opened);
  ctx.dispatch({ type: 'workspace', action: openedAction(opened) });
  pastLoading(ctx, opened);
  loadProbePlan(ctx, opened);
}

/** What the reducer is told when a session opens (adoptSession, or the first frame's state). */
export function openedAction(opened: WorkspaceSession): Extract<WorkspaceAction, { type: 'opened' }> {
  return {
    type: 'opened',
    id: opened.id,
    runbook: opened.runbook,
    probeSteps: opened.probeSteps,
    incident: opened.incident(),
    recording: opened.recording(),
    volatileLabels: opened.volatileLabels,
    probeAlert: opened.probeAlert.fingerprint,
    events: opened.journalEvents?.(),
    probesPending: opened.probePlan !== undefined,
  };
}

/**
 * The first frame's state of `sitrep resume` with its session opened already, on a screen of
 * `size` (rows for the workspace, columns it may use).
 */
export function resumedAction(
  opened: WorkspaceSession,
  size: { readonly rows: number; readonly columns: number },
): AppAction {
  return {
    type: 'resumed',
    ...size,
    opened: openedAction(opened),
    pastLoading: opened.alertPast !== undefined,
  };
}

/** Holds the session and follows its journal: each change reaches the reducer. */
function holdSession(ctx: IntentContext, opened: WorkspaceSession): () => void {
  const sync = () =>
    ctx.dispatch({
      type: 'workspace',
      action: {
        type: 'incident',
        incident: opened.incident(),
        recording: opened.recording(),
        events: opened.journalEvents?.(),
      },
    });
  ctx.session.current = { current: opened, unsubscribe: opened.subscribe(sync) };
  return sync;
}

/**
 * Adopts a session that the screen's state opened with (its `opened` action was in the first
 * frame's state, see App): held as adoptSession holds it, its probes' plan followed. `shown` is
 * the journal's events as that state has them; a journal that changed since is shown as it is now.
 */
export function adoptShownSession(
  ctx: IntentContext,
  opened: WorkspaceSession,
  shown: readonly TimelineEvent[] | undefined,
): void {
  const sync = holdSession(ctx, opened);
  if (opened.journalEvents?.() !== shown) sync();
  loadProbePlan(ctx, opened);
}

/** The probes of a session that opened before its alert rule answered; dropped for a session left. */
function loadProbePlan(ctx: IntentContext, opened: WorkspaceSession): void {
  const plan = (action: Omit<Extract<WorkspaceAction, { type: 'probePlan' }>, 'type'>) => {
    if (ctx.session.current?.current === opened)
      ctx.dispatch({ type: 'workspace', action: { type: 'probePlan', ...action } });
  };
  opened.probePlan?.then(plan, (error: unknown) =>
    plan({ probeSteps: [], volatileLabels: [], problems: [`Probes: ${errorLine(error)}`] }),
  );
}

/** Back to the inbox: the session is released (the incident stays open) and the list reloaded. */
export function leaveWorkspace(ctx: IntentContext): void {
  ctx.ticket.current += 1;
  void releaseSession(ctx);
  ctx.dispatch({ type: 'showInbox' });
  loadIncidents(ctx);
}

/** Quits once the session's journal is closed. */
export function quit(ctx: IntentContext): void {
  ctx.ticket.current += 1;
  const closing = releaseSession(ctx);
  if (closing) void closing.finally(ctx.exit);
  else ctx.exit();
}

/** On unmount: no late open is adopted, and the session's journal is closed. */
export function dropSession(ctx: IntentContext): void {
  ctx.ticket.current += 1;
  ctx.session.current?.unsubscribe();
  void ctx.session.current?.current.close();
  ctx.session.current = undefined;
}
