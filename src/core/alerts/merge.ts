// One list of alerts from several sources. Alertmanager replicas of an HA cluster report the same
// alert with the same fingerprint; when they disagree, the most recently updated copy wins and
// "active" wins a tie, so a lagging or dead peer can never hide an alert the others call firing.
// Prometheus alerts (including pending ones) fill in what no Alertmanager has, and add details
// (annotations) an Alertmanager copy lacks. Each merged alert lists every source it was seen in.
// A failing source's last answer takes part only while it is younger than one refresh interval
// (liveBatches); older, it is shown apart as stale.
import type { Alert, LabelSet } from './alert.js';
import { labelsFingerprint } from './fingerprint.js';

/** The alerts one source returned. */
export interface AlertBatch {
  readonly kind: 'alertmanager' | 'prometheus';
  readonly alerts: readonly Alert[];
}

/**
 * Merges batches. Alertmanager batches are taken first: when replicas disagree about an alert, the
 * copy with the newest `updatedAt` wins; on a tie (or when neither says) an active copy wins over
 * a silenced, inhibited or unprocessed one, and otherwise the first given. A Prometheus alert joins the Alertmanager alert with its
 * fingerprint; when Prometheus's external labels make the Alertmanager copy carry extra labels, it
 * joins the alert whose labels match once those extra label names are left out.
 */
export function mergeAlerts(batches: readonly AlertBatch[]): Alert[] {
  const merged = new Map<string, Alert>();
  const alertmanager = batches.filter((b) => b.kind === 'alertmanager');
  const prometheus = batches.filter((b) => b.kind === 'prometheus');
  for (const batch of alertmanager) {
    for (const alert of batch.alerts) {
      const existing = merged.get(alert.fingerprint);
      merged.set(
        alert.fingerprint,
        existing ? { ...newer(existing, alert), origins: withOrigins(existing, alert).origins } : alert,
      );
    }
  }
  // The index over the Alertmanager alerts (the first entries of `merged`) is built only when a
  // Prometheus alert's fingerprint matches none of them: often never (at 10,000 alerts it costs
  // ~10 ms a merge).
  const alertmanagerCount = merged.size;
  let indexed = false;
  let byReducedLabels: ReducedIndex | undefined;
  const reducedMatch = (alert: Alert) => {
    if (!indexed) byReducedLabels = reducedIndex(merged, alertmanagerCount, prometheus);
    indexed = true;
    return byReducedLabels?.index.get(reducedFingerprint(alert.labels, byReducedLabels.extra));
  };
  for (const batch of prometheus) {
    for (const alert of batch.alerts) {
      const key = merged.has(alert.fingerprint)
        ? alert.fingerprint
        : (reducedMatch(alert) ?? alert.fingerprint);
      const existing = merged.get(key);
      merged.set(key, existing ? fillIn(existing, alert) : alert);
    }
  }
  return [...merged.values()];
}

// The replica copy that decides the alert's state: newest update, then active over muted.
function newer(kept: Alert, other: Alert): Alert {
  const a = updatedMs(kept);
  const b = updatedMs(other);
  if (a !== b) return b > a ? other : kept;
  return other.state === 'active' && kept.state !== 'active' ? other : kept;
}

// Unknown or unreadable times sort before every known one.
function updatedMs(alert: Alert): number {
  const ms = alert.updatedAt === undefined ? Number.NaN : Date.parse(alert.updatedAt);
  return Number.isNaN(ms) ? Number.NEGATIVE_INFINITY : ms;
}

/** One source's last good answer, with when it came and whether the source fails now. */
export interface TimedBatch extends AlertBatch {
  /** Milliseconds since the epoch. */
  readonly fetchedAt: number;
  /** True when the source's latest request failed (its answer is the last good one). */
  readonly failing: boolean;
}

/**
 * Splits answers into those that take part in the merge and those that are stale: a failing
 * source whose last good answer is older than `maxAgeMs` (the refresh interval) contributes
 * nothing to the live view. `now` comes from the caller (core has no clock).
 */
export function liveBatches<T extends TimedBatch>(
  batches: readonly T[],
  now: number,
  maxAgeMs: number,
): { readonly live: T[]; readonly stale: T[] } {
  const live: T[] = [];
  const stale: T[] = [];
  for (const batch of batches) (batch.failing && now - batch.fetchedAt > maxAgeMs ? stale : live).push(batch);
  return { live, stale };
}

function withOrigins(base: Alert, other: Alert): Alert {
  const known = new Set(base.origins.map((o) => `${o.kind}\u0000${o.source}`));
  const added = other.origins.filter((o) => !known.has(`${o.kind}\u0000${o.source}`));
  return added.length === 0 ? base : { ...base, origins: [...base.origins, ...added] };
}

// Alertmanager's copy is authoritative for state and labels; Prometheus adds what is missing.
function fillIn(base: Alert, other: Alert): Alert {
  const annotations = { ...other.annotations, ...base.annotations };
  return {
    ...withOrigins(base, other),
    annotations,
    generatorURL: base.generatorURL ?? other.generatorURL,
    runbookUrl: base.runbookUrl ?? other.runbookUrl,
  };
}

interface ReducedIndex {
  readonly extra: ReadonlySet<string>;
  readonly index: Map<string, string>;
}

// Label names Alertmanager alerts carry that no Prometheus alert has: usually Prometheus's
// external labels (cluster, replica, …). Undefined when there are none, the common case. Only
// the first `count` entries of `merged` (the Alertmanager alerts) are indexed.
function reducedIndex(
  merged: ReadonlyMap<string, Alert>,
  count: number,
  prometheus: readonly AlertBatch[],
): ReducedIndex | undefined {
  if (count === 0 || prometheus.length === 0) return undefined;
  const alertmanager = [...merged].slice(0, count);
  const prometheusNames = new Set<string>();
  for (const batch of prometheus)
    for (const a of batch.alerts) for (const n of Object.keys(a.labels)) prometheusNames.add(n);
  const extra = new Set<string>();
  for (const [, a] of alertmanager)
    for (const n of Object.keys(a.labels)) if (!prometheusNames.has(n)) extra.add(n);
  if (extra.size === 0) return undefined;
  const index = new Map<string, string>();
  for (const [fingerprint, a] of alertmanager) {
    const key = reducedFingerprint(a.labels, extra);
    if (!index.has(key)) index.set(key, fingerprint);
  }
  return { extra, index };
}

function reducedFingerprint(labels: LabelSet, extra: ReadonlySet<string>): string {
  return labelsFingerprint(Object.fromEntries(Object.entries(labels).filter(([name]) => !extra.has(name))));
}
