// Two facts about an alert that its own record does not carry, looked up when the engineer opens
// it: the value of its rule's expression at the moment it fired (Prometheus keeps the data; the
// alert only says when), and who made each silence that mutes it and until when (the alert only
// lists silence ids). Each comes back as a fact or as "unknown" with the reason, never a guess.
import type { Alert } from '../core/alerts/alert.js';
import type { Silence } from '../core/alerts/silence.js';
import { errorLine } from '../core/errors.js';
import { alertExpressionProbe, type AlertRuleInfo } from '../core/probe/alert-probe.js';
import { buildProbeResult } from '../core/probe/result.js';
import { rangeWindow } from '../core/probe/range-window.js';
import { withFirstAnsweringPeer } from '../sources/alertmanager-peers.js';
import { getSilence } from '../sources/alertmanager.js';
import type { Endpoint } from '../sources/http-client.js';
import type { ProbeQueryClient } from '../sources/probe-runner.js';

/** What an alert's own record lacks, looked up when the engineer opens the alert pane. */
export interface AlertFacts {
  /** By alert fingerprint: the rule's expression when the alert fired, or why that is unknown. */
  readonly valueAtFiring: Readonly<Record<string, FiringValue>>;
  /** By silence id, for silences that mute the incident's alerts now. */
  readonly silences: Readonly<Record<string, SilenceFact>>;
}

/** Where the facts come from. */
export interface AlertFactSources {
  readonly findRule: (alert: Alert) => Promise<AlertRuleInfo | undefined>;
  readonly prometheus: ProbeQueryClient | undefined;
  readonly alertmanagers: readonly Endpoint[];
}

// Each alert costs one instant query: an incident of many alerts looks up the first ones only.
const maxAlertsLookedUp = 20;

/**
 * The facts for these alerts: each one's value at firing, and every silence muting them that the
 * journal does not already describe (`knownSilences`). Never rejects: a failure is a fact's reason.
 */
export async function lookUpAlertFacts(
  alerts: readonly Alert[],
  knownSilences: ReadonlySet<string>,
  sources: AlertFactSources,
): Promise<AlertFacts> {
  const looked = alerts.slice(0, maxAlertsLookedUp);
  const values = Promise.all(
    looked.map(async (alert) => {
      let rule: AlertRuleInfo | undefined;
      try {
        rule = await sources.findRule(alert);
      } catch (error) {
        return [alert.fingerprint, unknown(`its rule could not be looked up: ${errorLine(error)}`)] as const;
      }
      return [alert.fingerprint, await valueAtFiring(alert, rule, sources.prometheus)] as const;
    }),
  );
  const ids = [...new Set(alerts.flatMap((a) => a.silencedBy))].filter((id) => !knownSilences.has(id));
  // With no Alertmanager configured each silence says so rather than going missing.
  const silences = describeSilences(ids, sources.alertmanagers);
  const [valuePairs, silenceFacts] = await Promise.all([values, silences]);
  return {
    valueAtFiring: Object.fromEntries(valuePairs),
    silences: Object.fromEntries(silenceFacts.map((fact) => [fact.id, fact])),
  };
}

/** The alert expression's value when the alert fired, or why it is not known. */
export type FiringValue =
  | {
      readonly known: true;
      readonly value: number;
      readonly unit: string | undefined;
      /** The evaluation time: the alert's start (ISO 8601). */
      readonly at: string;
    }
  | { readonly known: false; readonly reason: string };

/**
 * Evaluates the alert-expression probe (the rule's expression without its comparison, narrowed to
 * this alert's series) at the alert's start: the moment Prometheus's rule evaluation made it fire.
 */
export async function valueAtFiring(
  alert: Alert,
  rule: AlertRuleInfo | undefined,
  client: ProbeQueryClient | undefined,
  signal: AbortSignal = new AbortController().signal,
): Promise<FiringValue> {
  if (!client) return unknown('no Prometheus configured');
  if (!rule) return unknown("the alert's rule was not found, so its expression is unknown");
  const probe = alertExpressionProbe(rule, alert.labels);
  if (probe.unrunnable !== undefined) return unknown(probe.unrunnable);
  const startsAtMs = Date.parse(alert.startsAt);
  if (!Number.isFinite(startsAtMs)) return unknown('the alert has no start time');
  const at = startsAtMs / 1000;
  const window = rangeWindow(at, probe.rangeSeconds);
  const timings = { startedAt: startsAtMs, instantMs: undefined, rangeMs: undefined, totalMs: 0 };
  let instant;
  try {
    instant = { ok: true as const, data: await client.instant(probe.query, at, signal) };
  } catch (error) {
    instant = { ok: false as const, failure: client.failureOf(error) };
  }
  const result = buildProbeResult(probe, { instant, range: undefined, evaluatedAt: at, window, timings });
  if (result.error) return unknown(`Prometheus did not answer: ${result.error.message}`);
  const values = result.series.map((s) => s.value).filter((v): v is number => v !== undefined);
  if (values.length === 0)
    return unknown('Prometheus has no sample of it at that time (retention, or a gap)');
  // The probe is narrowed to this alert's labels; more than one series left means the labels do
  // not single one out, and picking one would be a guess.
  if (values.length > 1) return unknown(`${values.length} series match the alert's labels at that time`);
  return { known: true, value: values[0] ?? Number.NaN, unit: probe.unit, at: alert.startsAt };
}

/** A silence muting the alert, as Alertmanager describes it, or why it could not be read. */
export type SilenceFact =
  | { readonly id: string; readonly known: true; readonly silence: Silence }
  | { readonly id: string; readonly known: false; readonly reason: string };

/** Reads each silence by id from the first Alertmanager that answers. */
export async function describeSilences(
  ids: readonly string[],
  alertmanagers: readonly Endpoint[],
  signal?: AbortSignal,
): Promise<readonly SilenceFact[]> {
  return Promise.all(
    ids.map(async (id): Promise<SilenceFact> => {
      try {
        const { value } = await withFirstAnsweringPeer(alertmanagers, (peer) => getSilence(peer, id, signal));
        return { id, known: true, silence: value };
      } catch (error) {
        return { id, known: false, reason: errorLine(error) };
      }
    }),
  );
}

function unknown(reason: string): FiringValue {
  return { known: false, reason };
}
