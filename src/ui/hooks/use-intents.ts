import { useApp } from 'ink';
import { useEffect, useRef, type Dispatch } from 'react';
import { errorLine } from '../../core/errors.js';
import { formatUtc } from '../../core/export/format.js';
import type { ProbeResult } from '../../core/probe/result.js';
import { sanitizeLine } from '../../core/sanitize.js';
import type { TimelineEvent } from '../../core/timeline/events.js';
import type { UiServices, WorkspaceSession } from '../../app/services.js';
import type { AlertPast } from '../../app/alert-past.js';
import type { AppAction } from '../state/app-state.js';
import type { Intent } from '../state/intents.js';

const message = (text: string): AppAction => ({ type: 'workspace', action: { type: 'message', text } });

/** The open incident's session and its journal subscription. */
interface Held {
  readonly current: WorkspaceSession;
  readonly unsubscribe: () => void;
}

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
): void {
  const { exit } = useApp();
  const session = useRef<Held | undefined>(undefined);
  // Each open asks with a new ticket; leaving the workspace takes a new one, so a late answer to
  // an earlier open is recognised and closed instead of adopted.
  const ticket = useRef(0);

  useEffect(() => {
    const loadIncidents = () =>
      services.openIncidents().then(
        ({ incidents, problems }) => dispatch({ type: 'incidents', incidents, problems }),
        (error: unknown) =>
          dispatch({ type: 'incidents', incidents: [], problems: [`Incidents: ${errorLine(error)}`] }),
      );
    void loadIncidents();
    return () => {
      ticket.current += 1;
      session.current?.unsubscribe();
      void session.current?.current.close();
      session.current = undefined;
    };
  }, [services, dispatch]);

  useEffect(() => {
    if (outbox.length === 0) return;
    const active = () => session.current?.current;
    const record = (event: TimelineEvent) => active()?.record(event);
    const at = () => new Date(services.now()).toISOString();

    const release = () => {
      const held = session.current;
      session.current = undefined;
      held?.unsubscribe();
      held?.current.cancelProbes();
      return held?.current.close();
    };

    const opening = (open: () => Promise<WorkspaceSession>) => {
      void release();
      ticket.current += 1;
      const mine = ticket.current;
      open().then(
        (opened) => {
          if (mine !== ticket.current) void opened.close();
          else adopt(opened);
        },
        (error: unknown) => {
          if (mine === ticket.current)
            dispatch({ type: 'workspace', action: { type: 'openFailed', error: errorLine(error) } });
        },
      );
    };

    const adopt = (opened: WorkspaceSession) => {
      const sync = () =>
        dispatch({
          type: 'workspace',
          action: {
            type: 'incident',
            incident: opened.incident(),
            recording: opened.recording(),
            events: opened.journalEvents?.(),
          },
        });
      session.current = { current: opened, unsubscribe: opened.subscribe(sync) };
      dispatch({
        type: 'workspace',
        action: {
          type: 'opened',
          id: opened.id,
          runbook: opened.runbook,
          probeSteps: opened.probeSteps,
          incident: opened.incident(),
          recording: opened.recording(),
          volatileLabels: opened.volatileLabels,
          probeAlert: opened.probeAlert.fingerprint,
          events: opened.journalEvents?.(),
        },
      });
      loadPast(opened);
    };

    // The alert's past loads after the workspace shows, so opening is not slowed by it; a late
    // answer for a session already left is dropped.
    const loadPast = (opened: WorkspaceSession) => {
      if (!opened.alertPast) return;
      const past = (value: AlertPast | 'loading') => {
        if (session.current?.current === opened)
          dispatch({ type: 'workspace', action: { type: 'past', past: value } });
      };
      past('loading');
      opened
        .alertPast()
        .then(past, (error: unknown) =>
          past({ history: `History unknown: ${errorLine(error)}`, report: undefined, lastTime: undefined }),
        );
    };

    const runProbes = (stepId: string) => {
      const current = active();
      if (!current) return;
      dispatch({ type: 'workspace', action: { type: 'probeStarted', stepId } });
      const onResult = (result: ProbeResult) =>
        dispatch({ type: 'workspace', action: { type: 'probeResult', stepId, result } });
      const finished = (results: readonly ProbeResult[] | undefined) =>
        dispatch({
          type: 'workspace',
          action: { type: 'probeFinished', stepId, results, at: services.now() },
        });
      current.runProbes(stepId, onResult).then(finished, (error: unknown) => {
        finished(undefined);
        dispatch(message(`Probes failed: ${errorLine(error)}`));
      });
    };

    const leaveWorkspace = () => {
      ticket.current += 1;
      void release();
      dispatch({ type: 'showInbox' });
      services.openIncidents().then(
        ({ incidents, problems }) => dispatch({ type: 'incidents', incidents, problems }),
        (error: unknown) =>
          dispatch({ type: 'incidents', incidents: [], problems: [`Incidents: ${errorLine(error)}`] }),
      );
    };

    // A burst of moves asks for several steps' probes; only the last one focused is worth running.
    const lastProbeIndex = outbox.map((i) => i.type).lastIndexOf('runProbes');
    outbox.forEach((intent, index) => {
      switch (intent.type) {
        case 'quit': {
          ticket.current += 1;
          const closing = release();
          if (closing) void closing.finally(exit);
          else exit();
          break;
        }
        case 'refresh':
          void services.feed.refresh();
          break;
        case 'openIncident':
          opening(() => services.openIncident(intent.alerts));
          break;
        case 'addToIncident':
          opening(() => services.addToIncident(intent.id, intent.alerts));
          break;
        case 'resumeIncident':
          opening(() => services.resumeIncident(intent.id));
          break;
        case 'closeWorkspace':
          leaveWorkspace();
          break;
        case 'record': {
          const event = intent.event;
          // Notes carry who wrote them, as notes from `sitrep note` do.
          const authored =
            event.type === 'note-added' && event.author === undefined
              ? { ...event, author: services.author }
              : event;
          void record({ ...authored, at: at() });
          break;
        }
        case 'runProbes':
          if (index === lastProbeIndex) runProbes(intent.stepId);
          break;
        case 'silence': {
          const current = active();
          current?.silence(intent.request, services.author).then(
            ({ id, alertmanager }) =>
              dispatch(
                message(
                  `Silenced (silence ${id}) through alertmanager ${sanitizeLine(alertmanager)}; recorded in the timeline.`,
                ),
              ),
            (error: unknown) => dispatch(message(`Silence failed: ${errorLine(error)}`)),
          );
          break;
        }
        case 'export': {
          const current = active();
          current?.exportNotes(intent.format, intent.path).then(
            (written) => dispatch(message(`Postmortem notes written to ${written}`)),
            (error: unknown) => dispatch(message(`Export failed: ${errorLine(error)}`)),
          );
          break;
        }
        case 'closeIncident': {
          const current = active();
          current
            ?.closeIncident(intent.expireSilences)
            .then(leaveWorkspace, (error: unknown) =>
              dispatch(message(`Closing failed: ${errorLine(error)}`)),
            );
          break;
        }
        case 'showLinks': {
          const links = active()?.runbook.links ?? [];
          dispatch(message(links.length > 0 ? links.join('  ') : 'No links for this alert.'));
          break;
        }
        case 'loadAlertFacts': {
          const facts = active()?.alertFacts?.() ?? Promise.resolve({ valueAtFiring: {}, silences: {} });
          void facts.then((found) =>
            dispatch({ type: 'workspace', action: { type: 'alertFacts', facts: found } }),
          );
          break;
        }
        case 'viewPastIncident': {
          const id = intent.id;
          const show = (lines: readonly string[]) =>
            dispatch({ type: 'workspace', action: { type: 'pastIncident', id, lines } });
          const current = active();
          if (!current?.pastIncidentRows) {
            show(['Past incidents are not available here.']);
            break;
          }
          current.pastIncidentRows(id).then(
            (rows) => show(rows.map((row) => `${formatUtc(row.at)}  ${row.text}`)),
            (error: unknown) => show([`Could not read incident ${id}: ${errorLine(error)}`]),
          );
          break;
        }
        default: {
          const unreachable: never = intent;
          return unreachable;
        }
      }
    });
    dispatch({ type: 'intentsTaken', count: outbox.length });
  }, [outbox, services, dispatch, exit]);
}
