// Carries out the reducers' intents. The handlers live by family in use-intents-session.ts (open,
// leave, quit), use-intents-work.ts (events, probes, silence, export, close) and
// use-intents-links.ts (copy, open, edit the runbook) and use-intents-alert.ts (the alert's past
// and facts).
import { useApp } from 'ink';
import { useEffect, useMemo, useRef, type Dispatch } from 'react';
import type { UiServices, WorkspaceSession } from '../../app/services.js';
import type { TimelineEvent } from '../../core/timeline/events.js';
import type { AppAction } from '../state/app-state.js';
import type { Intent } from '../state/intents.js';
import {
  adoptShownSession,
  dropSession,
  leaveWorkspace,
  loadIncidents,
  openSession,
  quit,
  type Held,
  type IntentContext,
} from './use-intents-session.js';
import { loadAlertFacts, loadPast, viewPastIncident } from './use-intents-alert.js';
import { copyGraph, copyText, editRunbook, openLink, showLinks } from './use-intents-links.js';
import { closeIncident, exportNotes, recordEvent, runProbes, silence } from './use-intents-work.js';

/**
 * Carries out the reducer's intents in order, then tells the reducer they were taken. Owns the
 * open incident's session: its journal subscription, its probes, its cleanup on leave and quit.
 * A session that finishes opening after the engineer went back (or opened another) is closed at
 * once, so no journal is left open.
 */
export function useIntents(
  outbox: readonly Intent[],
  services: UiServices,
  dispatch: Dispatch<AppAction>,
  /** Whether the screen starts on the inbox; when it starts on a workspace, the inbox's incidents are read on leaving it. */
  startsOnInbox = true,
  /** A session the state opened with (App's first frame), with the journal's events it showed. */
  shown?: { readonly session: WorkspaceSession; readonly events: readonly TimelineEvent[] | undefined },
): void {
  const { exit } = useApp();
  const session = useRef<Held | undefined>(undefined);
  const ticket = useRef(0);
  // Through a ref: a new `exit` must not make a new context, whose cleanup would close the session.
  const exitRef = useRef(exit);
  exitRef.current = exit;
  const ctx = useMemo<IntentContext>(
    () => ({ services, dispatch, exit: () => exitRef.current(), session, ticket }),
    [services, dispatch],
  );

  const listIncidents = useRef(startsOnInbox);
  // Held before the first intents run: those of its `opened` action (its past, its first probes).
  const adopt = useRef(shown);
  useEffect(() => {
    if (listIncidents.current) loadIncidents(ctx);
    if (adopt.current) adoptShownSession(ctx, adopt.current.session, adopt.current.events);
    adopt.current = undefined;
    return () => dropSession(ctx);
  }, [ctx]);

  useEffect(() => {
    if (outbox.length === 0) return;
    // A burst of moves asks for several steps' probes; only the last one focused is worth running.
    const lastProbeIndex = outbox.map((i) => i.type).lastIndexOf('runProbes');
    outbox.forEach((intent, index) => {
      if (intent.type !== 'runProbes' || index === lastProbeIndex) carryOut(ctx, intent);
    });
    dispatch({ type: 'intentsTaken', count: outbox.length });
  }, [outbox, ctx, dispatch]);
}

/** One intent. */
function carryOut(ctx: IntentContext, intent: Intent): void {
  switch (intent.type) {
    case 'quit':
      return quit(ctx);
    case 'refresh':
      void ctx.services.feed.refresh();
      return;
    case 'openIncident':
      return openSession(ctx, () => ctx.services.openIncident(intent.alerts));
    case 'addToIncident':
      return openSession(ctx, () => ctx.services.addToIncident(intent.id, intent.alerts));
    case 'resumeIncident':
      return openSession(ctx, () => ctx.services.resumeIncident(intent.id));
    case 'closeWorkspace':
      return leaveWorkspace(ctx);
    case 'record':
      return recordEvent(ctx, intent.event);
    case 'runProbes':
      return runProbes(ctx, intent.stepId);
    case 'silence':
      return silence(ctx, intent.request);
    case 'export':
      return exportNotes(ctx, intent.format, intent.path);
    case 'closeIncident':
      return closeIncident(ctx, intent.expireSilences);
    case 'showLinks':
      return showLinks(ctx, intent.queries);
    case 'copy':
      return copyText(ctx, intent.what, intent.text);
    case 'copyGraph':
      return copyGraph(ctx, intent.queries);
    case 'openLink':
      return openLink(ctx, intent.url);
    case 'editRunbook':
      return editRunbook(ctx);
    case 'loadPast':
      return loadPast(ctx);
    case 'loadAlertFacts':
      return loadAlertFacts(ctx);
    case 'viewPastIncident':
      return viewPastIncident(ctx, intent.id);
    default: {
      const unreachable: never = intent;
      return unreachable;
    }
  }
}
