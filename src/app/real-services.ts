// The real services behind `sitrep`: the alert feed over the configured sources, incidents in the
// user's data folder, runbooks from the runbook folders (or the alert's link, or the generic one),
// probes against Prometheus, silences in the first Alertmanager.
import type { AlertFeed } from '../sources/alert-feed.js';
import type { Config } from '../core/config/config.js';
import { alertStatus } from '../core/timeline/alert-status.js';
import { incidentListTitle } from '../core/inbox/incident-title.js';
import { stepProgress } from '../core/timeline/incident.js';
import { IncidentStore } from '../store/incident-store.js';
import type { Journal } from '../store/journal.js';
import { incidentsDir } from '../store/data-dir.js';
import { authorName } from './author.js';
import { openScreenFeed } from './screen-feed.js';
import type { UiServices, WorkspaceSession } from './services.js';
import type * as WorkspaceSessions from './workspace-session.js';
import type { SessionDeps } from './workspace-session-deps.js';

/** How often the focused step's probes re-run on their own unless configured (`r` re-runs now). */
export const defaultProbeIntervalMs = 15_000;

/** Where the application runs: the environment variables and the working folder. */
export interface AppEnvironment {
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly cwd: string;
}

/**
 * Builds the real services from the resolved config and the command's environment, around the
 * screen's feed when it was opened early (openScreenFeed).
 */
export function realServices(
  config: Config,
  context: AppEnvironment,
  feed: AlertFeed = openScreenFeed(config),
  resumed?: Journal,
  resumedSession?: Promise<WorkspaceSession>,
): UiServices {
  const store = new IncidentStore(incidentsDir(context.env));
  // `sitrep resume` opened its journal already (and started loading the workspace's code): the
  // first resume of that incident takes it.
  let preopened = resumed;
  // And it may have started that incident's session too (while the screen's code loaded).
  let started = resumedSession;
  // The sessions' parts load with the workspace's code (the first open), not with the screen's.
  let deps: Promise<SessionDeps> | undefined;
  const sessionDeps = () =>
    (deps ??= import('./workspace-session-real.js').then((real) =>
      real.realSessionDeps(config, context, feed, store),
    ));
  const author = authorName(context.env) ?? 'sitrep';
  return {
    feed,
    now: () => Date.now(),
    // Alertmanager needs a creator on every silence: "sitrep" when nobody can be named.
    author,
    probeIntervalMs: config.probeIntervalMs ?? defaultProbeIntervalMs,
    cwd: context.cwd,
    openIncident: async (alerts) =>
      (await workspaceSessions()).openWorkspaceSession(alerts, await sessionDeps()),
    addToIncident: async (id, alerts) =>
      (await workspaceSessions()).addToWorkspaceSession(
        id,
        alerts,
        author,
        feed.getSnapshot().alerts,
        await sessionDeps(),
      ),
    resumeIncident: async (id) => {
      const sessions = await workspaceSessions();
      const journal = preopened?.incident()?.id === id ? preopened : undefined;
      preopened = undefined;
      const session = journal ? started : undefined;
      started = undefined;
      if (session) return session;
      const deps = await sessionDeps();
      return journal
        ? sessions.resumeJournalSession(journal, feed.getSnapshot().alerts, deps)
        : sessions.resumeWorkspaceSession(id, feed.getSnapshot().alerts, deps);
    },
    openIncidents: async () => {
      const { incidents, warnings } = await store.list();
      const open = incidents
        .filter((entry) => entry.incident.status === 'open')
        .map(({ id, incident }) => {
          const progress = stepProgress(incident);
          const status = alertStatus(incident);
          return {
            id,
            title: incidentListTitle(incident.title, incident.alerts),
            alertname: incident.alertname,
            fingerprints: incident.alerts.map((a) => a.fingerprint),
            openedAt: incident.openedAt,
            done: progress.done + progress.skipped,
            total: progress.total,
            alertsResolvedAt: status.kind === 'resolved' ? status.resolvedAt : undefined,
          };
        });
      return { incidents: open, problems: warnings };
    },
  };
}

/**
 * The incident workspace's code (runbooks, probes, exports, and the Markdown parser under them),
 * loaded when an incident is first opened rather than before the inbox's first frame.
 */
function workspaceSessions(): Promise<typeof WorkspaceSessions> {
  return import('./workspace-session.js');
}
