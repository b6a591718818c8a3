// What the real screen's workspace sessions are built from (SessionDeps): the incident store, the
// runbook lookup, the alert rule from Prometheus, probes against it, silences in the configured
// Alertmanagers. Loaded with the workspace's code, not with the screen's first chunk: the proxy
// agents under these parts are not needed to draw the inbox, nor the PromQL parser, which loads
// with the alert rule and the probes' plan. `sitrep resume` builds its session from here while the
// screen's code still loads (cli/interactive.ts).
import type { Alert } from '../core/alerts/alert.js';
import type { Config } from '../core/config/config.js';
import { localZone } from '../core/export/local-zone.js';
import type { AlertFeed } from '../sources/alert-feed.js';
import { prometheusProbeClient } from '../sources/prometheus-probe-client.js';
import { getRules } from '../sources/prometheus.js';
import { runbookProxy } from '../sources/runbook-proxy.js';
import type { IncidentStore } from '../store/incident-store.js';
import type { SessionDeps } from './workspace-session-deps.js';

/** Where the sessions run: the environment variables and the working folder. */
export interface SessionPlace {
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly cwd: string;
}

/** The real parts of every workspace session of one screen. */
export function realSessionDeps(
  config: Config,
  context: SessionPlace,
  feed: AlertFeed,
  store: IncidentStore,
): SessionDeps {
  const prometheus = config.prometheus;
  return {
    store,
    findRunbook: async (alert: Alert) => {
      const { lookUpRunbook } = await import('../sources/runbook-lookup.js');
      const found = await lookUpRunbook(
        {
          name: alert.name,
          labels: alert.labels,
          runbookUrl: alert.runbookUrl,
          generatorURL: alert.generatorURL,
        },
        context,
        { proxyUrl: runbookProxy(config), parseCache: true },
      );
      return { runbook: found.runbook, source: found.source, text: found.text, notes: found.notes };
    },
    findRule: async (alert) => {
      if (!prometheus) return undefined;
      const { groups } = await getRules(prometheus, { type: 'alert' });
      // Loaded once Prometheus has answered: the PromQL parser under it is for the probes only.
      const { findAlertRule } = await import('../core/probe/alert-probe.js');
      return findAlertRule(groups, alert.name, alert.labels);
    },
    probes: prometheus ? { client: prometheusProbeClient(prometheus) } : undefined,
    prometheusUrl: prometheus?.url,
    alertmanager: config.alertmanagers[0],
    alertmanagers: config.alertmanagers,
    zone: (at) => localZone(context.env, at).zone,
    now: () => Date.now(),
    feed,
    past: { prometheus },
  };
}
