// One list of alerts from several sources. Alertmanager replicas of an HA cluster report the same
// alert with the same fingerprint; Prometheus alerts (including pending ones) fill in what no
// Alertmanager has, and add details (annotations) an Alertmanager copy lacks. Each merged alert
// lists every source it was seen in.
import type { Alert, LabelSet } from './alert.js';
import { labelsFingerprint } from './fingerprint.js';

/** The alerts one source returned. */
export interface AlertBatch {
  readonly kind: 'alertmanager' | 'prometheus';
  readonly alerts: readonly Alert[];
}

/**
 * Merges batches. Alertmanager batches are taken first and in the order given: when replicas
 * disagree, the first source's state wins. A Prometheus alert joins the Alertmanager alert with its
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
      merged.set(alert.fingerprint, existing ? withOrigins(existing, alert) : alert);
    }
  }
  const byReducedLabels = reducedIndex(merged, prometheus);
  for (const batch of prometheus) {
    for (const alert of batch.alerts) {
      const key = merged.has(alert.fingerprint)
        ? alert.fingerprint
        : (byReducedLabels?.index.get(reducedFingerprint(alert.labels, byReducedLabels.extra)) ??
          alert.fingerprint);
      const existing = merged.get(key);
      merged.set(key, existing ? fillIn(existing, alert) : alert);
    }
  }
  return [...merged.values()];
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

// Label names Alertmanager alerts carry that no Prometheus alert has: usually Prometheus's
// external labels (cluster, replica, …). Undefined when there are none, the common case.
function reducedIndex(
  merged: ReadonlyMap<string, Alert>,
  prometheus: readonly AlertBatch[],
): { extra: ReadonlySet<string>; index: Map<string, string> } | undefined {
  if (merged.size === 0 || prometheus.length === 0) return undefined;
  const prometheusNames = new Set<string>();
  for (const batch of prometheus)
    for (const a of batch.alerts) for (const n of Object.keys(a.labels)) prometheusNames.add(n);
  const extra = new Set<string>();
  for (const a of merged.values())
    for (const n of Object.keys(a.labels)) if (!prometheusNames.has(n)) extra.add(n);
  if (extra.size === 0) return undefined;
  const index = new Map<string, string>();
  for (const [fingerprint, a] of merged) {
    const key = reducedFingerprint(a.labels, extra);
    if (!index.has(key)) index.set(key, fingerprint);
  }
  return { extra, index };
}

function reducedFingerprint(labels: LabelSet, extra: ReadonlySet<string>): string {
  return labelsFingerprint(Object.fromEntries(Object.entries(labels).filter(([name]) => !extra.has(name))));
}
