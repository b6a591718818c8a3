import { useApp } from 'ink';
import { useEffect, useRef, type Dispatch } from 'react';
import { errorMessage } from '../../core/errors.js';
import { probeRunEvent } from '../../core/probe/timeline-record.js';
import { sanitizeLine } from '../../core/sanitize.js';
import type { TimelineEvent } from '../../core/timeline/events.js';
import type { UiServices, WorkspaceSession } from '../../app/services.js';
import type { AppAction } from '../state/app-state.js';
import type { Intent } from '../state/intents.js';

const message = (text: string): AppAction => ({ type: 'workspace', action: { type: 'message', text } });

/**
 * Carries out the reducer's intents in order, then tells the reducer they were taken. Owns the
 * open incident's session: its journal subscription, its probes, its cleanup on leave and quit.
 */
export function useIntents(
  outbox: readonly Intent[],
  services: UiServices,
  dispatch: Dispatch<AppAction>,
): void {
  const { exit } = useApp();
  const session = useRef<{ current: WorkspaceSession; unsubscribe: () => void } | undefined>(undefined);

  useEffect(() => {
    const loadIncidents = () =>
      services.openIncidents().then(
        (incidents) => dispatch({ type: 'incidents', incidents }),
        () => undefined, // the list is a convenience; `sitrep incidents` says what is wrong
      );
    void loadIncidents();
    return () => {
      session.current?.unsubscribe();
      void session.current?.current.close();
    };
  }, [services, dispatch]);

  useEffect(() => {
    if (outbox.length === 0) return;
    const active = () => session.current?.current;
    const record = (event: TimelineEvent) => active()?.record(event);
    const at = () => new Date(services.now()).toISOString();

    const adopt = (opened: WorkspaceSession) => {
      const sync = () =>
        dispatch({
          type: 'workspace',
          action: { type: 'incident', incident: opened.incident(), recording: opened.recording() },
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
        },
      });
    };
    const failed = (error: unknown) =>
      dispatch({ type: 'workspace', action: { type: 'openFailed', error: errorMessage(error) } });

    const runProbes = (stepId: string) => {
      const current = active();
      if (!current) return;
      dispatch({ type: 'workspace', action: { type: 'probeStarted', stepId } });
      const onResult = (result: Parameters<Parameters<WorkspaceSession['runProbes']>[1]>[0]) =>
        dispatch({ type: 'workspace', action: { type: 'probeResult', stepId, result } });
      current.runProbes(stepId, onResult).then(
        (results) => {
          dispatch({ type: 'workspace', action: { type: 'probeFinished', stepId, results } });
          if (results) void current.record(probeRunEvent(stepId, results, services.now()));
        },
        (error: unknown) => {
          dispatch({ type: 'workspace', action: { type: 'probeFinished', stepId, results: undefined } });
          dispatch(message(`Probes failed: ${errorMessage(error)}`));
        },
      );
    };

    const leaveWorkspace = () => {
      const current = session.current;
      session.current = undefined;
      current?.unsubscribe();
      current?.current.cancelProbes();
      void current?.current.close();
      dispatch({ type: 'showInbox' });
      services.openIncidents().then(
        (incidents) => dispatch({ type: 'incidents', incidents }),
        () => undefined,
      );
    };

    // A burst of moves asks for several steps' probes; only the last one focused is worth running.
    const lastProbeIndex = outbox.map((i) => i.type).lastIndexOf('runProbes');
    outbox.forEach((intent, index) => {
      switch (intent.type) {
        case 'quit': {
          const current = active();
          if (current) void current.close().finally(exit);
          else exit();
          break;
        }
        case 'refresh':
          void services.feed.refresh();
          break;
        case 'openIncident':
          services.openIncident(intent.alerts).then(adopt, failed);
          break;
        case 'resumeIncident':
          services.resumeIncident(intent.id).then(adopt, failed);
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
            (error: unknown) => dispatch(message(`Silence failed: ${errorMessage(error)}`)),
          );
          break;
        }
        case 'export': {
          const current = active();
          current?.exportNotes(intent.format, intent.path).then(
            (written) => dispatch(message(`Postmortem notes written to ${written}`)),
            (error: unknown) => dispatch(message(`Export failed: ${errorMessage(error)}`)),
          );
          break;
        }
        case 'closeIncident': {
          const current = active();
          current
            ?.closeIncident(intent.expireSilences)
            .then(leaveWorkspace, (error: unknown) =>
              dispatch(message(`Closing failed: ${errorMessage(error)}`)),
            );
          break;
        }
        case 'showLinks': {
          const links = active()?.runbook.links ?? [];
          dispatch(message(links.length > 0 ? links.join('  ') : 'No links for this alert.'));
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
