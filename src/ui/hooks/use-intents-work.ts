// What the engineer does inside an incident: record events, run probes, silence, export, close.
import { errorLine } from '../../core/errors.js';
import type { ProbeResult } from '../../core/probe/result.js';
import { sanitizeLine } from '../../core/sanitize.js';
import type { ExportFormat, SilenceRequest } from '../../app/services.js';
import type { EventDraft } from '../state/intents.js';
import { activeSession, leaveWorkspace, message, type IntentContext } from './use-intents-session.js';

/** Records an event stamped with the time now; notes carry who wrote them, as `sitrep note`'s do. */
export function recordEvent(ctx: IntentContext, event: EventDraft): void {
  const authored =
    event.type === 'note-added' && event.author === undefined
      ? { ...event, author: ctx.services.author }
      : event;
  void activeSession(ctx)?.record({ ...authored, at: new Date(ctx.services.now()).toISOString() });
}

/** Runs a step's probes, reporting each result as it arrives and the run's end. */
export function runProbes(ctx: IntentContext, stepId: string): void {
  const { dispatch, services } = ctx;
  const current = activeSession(ctx);
  if (!current) return;
  dispatch({ type: 'workspace', action: { type: 'probeStarted', stepId } });
  const onResult = (result: ProbeResult) =>
    dispatch({ type: 'workspace', action: { type: 'probeResult', stepId, result } });
  const finished = (results: readonly ProbeResult[] | undefined) =>
    dispatch({ type: 'workspace', action: { type: 'probeFinished', stepId, results, at: services.now() } });
  current.runProbes(stepId, onResult).then(finished, (error: unknown) => {
    finished(undefined);
    dispatch(message(`Probes failed: ${errorLine(error)}`));
  });
}

/** Creates a silence through the session and says which Alertmanager took it. */
export function silence(ctx: IntentContext, request: SilenceRequest): void {
  const { dispatch, services } = ctx;
  activeSession(ctx)
    ?.silence(request, services.author)
    .then(
      ({ id, alertmanager }) =>
        dispatch(
          message(
            `Silenced (silence ${id}) through alertmanager ${sanitizeLine(alertmanager)}; recorded in the timeline.`,
          ),
        ),
      (error: unknown) => dispatch(message(`Silence failed: ${errorLine(error)}`)),
    );
}

/** Writes the postmortem notes and says where. */
export function exportNotes(ctx: IntentContext, format: ExportFormat, path: string): void {
  activeSession(ctx)
    ?.exportNotes(format, path)
    .then(
      (written) => ctx.dispatch(message(`Postmortem notes written to ${written}`)),
      (error: unknown) => ctx.dispatch(message(`Export failed: ${errorLine(error)}`)),
    );
}

/** Closes the incident (expiring its silences when asked) and goes back to the inbox. */
export function closeIncident(ctx: IntentContext, expireSilences: boolean): void {
  activeSession(ctx)
    ?.closeIncident(expireSilences)
    .then(
      () => leaveWorkspace(ctx),
      (error: unknown) => ctx.dispatch(message(`Closing failed: ${errorLine(error)}`)),
    );
}
