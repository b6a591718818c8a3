// What the workspace learns about the alert after it opens: its past (history and past incidents,
// loaded once the screen shows so opening is not slowed) and the facts its record lacks (value at
// firing, who made a silence), looked up when the alert pane opens.
import { errorLine } from '../../core/errors.js';
import { formatUtc } from '../../core/export/format.js';
import type { AlertPast } from '../../app/alert-past.js';
import type { WorkspaceSession } from '../../app/services.js';
import { activeSession, type IntentContext } from './use-intents-session.js';

/** Says the alert's past is loading, for a session just adopted that has one (see loadPast). */
export function pastLoading(ctx: IntentContext, opened: WorkspaceSession): void {
  if (opened.alertPast) ctx.dispatch({ type: 'workspace', action: { type: 'past', past: 'loading' } });
}

/** Loads the open session's alert past; a late answer for a session left is dropped. */
export function loadPast(ctx: IntentContext): void {
  const opened = activeSession(ctx);
  if (!opened?.alertPast) return;
  const past = (value: AlertPast) => {
    if (ctx.session.current?.current === opened)
      ctx.dispatch({ type: 'workspace', action: { type: 'past', past: value } });
  };
  opened
    .alertPast()
    .then(past, (error: unknown) =>
      past({ history: `History unknown: ${errorLine(error)}`, report: undefined, lastTime: undefined }),
    );
}

/** Looks up the alert facts; a session without them answers with none (each then "unknown"). */
export function loadAlertFacts(ctx: IntentContext): void {
  const facts = activeSession(ctx)?.alertFacts?.() ?? Promise.resolve({ valueAtFiring: {}, silences: {} });
  void facts.then((found) =>
    ctx.dispatch({ type: 'workspace', action: { type: 'alertFacts', facts: found } }),
  );
}

/** Reads a past incident's timeline for the read-only view, or says why it could not. */
export function viewPastIncident(ctx: IntentContext, id: string): void {
  const show = (lines: readonly string[]) =>
    ctx.dispatch({ type: 'workspace', action: { type: 'pastIncident', id, lines } });
  const current = activeSession(ctx);
  if (!current?.pastIncidentRows) {
    show(['Past incidents are not available here.']);
    return;
  }
  current.pastIncidentRows(id).then(
    (rows) => show(rows.map((row) => `${formatUtc(row.at)}  ${row.text}`)),
    (error: unknown) => show([`Could not read incident ${id}: ${errorLine(error)}`]),
  );
}
