// Whether two copies of an alert say the same: the feed keeps the last answer's lists (and spares the
// screen a new frame) when a refresh parsed equal alerts again.
import type { Alert, LabelSet } from './alert.js';

/** Whether two copies of an alert say the same in every field. */
export function sameAlert(a: Alert, b: Alert): boolean {
  if (a === b) return true;
  return (
    a.fingerprint === b.fingerprint &&
    a.name === b.name &&
    a.severity === b.severity &&
    a.state === b.state &&
    a.startsAt === b.startsAt &&
    a.updatedAt === b.updatedAt &&
    a.generatorURL === b.generatorURL &&
    a.runbookUrl === b.runbookUrl &&
    sameStrings(a.silencedBy, b.silencedBy) &&
    sameStrings(a.inhibitedBy, b.inhibitedBy) &&
    sameLabels(a.labels, b.labels) &&
    sameLabels(a.annotations, b.annotations) &&
    a.origins.length === b.origins.length &&
    a.origins.every((o, i) => o.kind === b.origins[i]?.kind && o.source === b.origins[i]?.source)
  );
}

function sameStrings(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((value, i) => value === b[i]);
}

/** Whether two label sets hold the same names and values, in any order. */
export function sameLabels(a: LabelSet, b: LabelSet): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((key) => a[key] === b[key]);
}
