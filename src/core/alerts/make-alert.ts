import type { Alert, AlertOrigin, AlertState, LabelSet } from './alert.js';

/** What a parser knows about an alert; the rest of `Alert` follows from it. */
export interface AlertFields {
  readonly fingerprint: string;
  readonly labels: LabelSet;
  readonly annotations: LabelSet;
  readonly state: AlertState;
  readonly startsAt: string;
  readonly updatedAt?: string | undefined;
  readonly silencedBy?: readonly string[];
  readonly inhibitedBy?: readonly string[];
  readonly generatorURL?: string | undefined;
  readonly origin: AlertOrigin;
}

/** Builds an Alert, deriving its name, severity and runbook link the same way for every source. */
export function makeAlert(fields: AlertFields): Alert {
  return {
    fingerprint: fields.fingerprint,
    name: fields.labels['alertname'] ?? '',
    labels: fields.labels,
    annotations: fields.annotations,
    severity: severityOf(fields.labels),
    state: fields.state,
    startsAt: fields.startsAt,
    updatedAt: fields.updatedAt,
    silencedBy: fields.silencedBy ?? [],
    inhibitedBy: fields.inhibitedBy ?? [],
    generatorURL: nonEmpty(fields.generatorURL),
    runbookUrl: runbookUrlOf(fields.annotations),
    origins: [fields.origin],
  };
}

/** The `severity` label, lower-cased; `none` when absent or empty. */
export function severityOf(labels: LabelSet): string {
  return nonEmpty(labels['severity']?.toLowerCase()) ?? 'none';
}

/** `runbook_url` (the common convention), else `runbook`; both exist in the wild. */
export function runbookUrlOf(annotations: LabelSet): string | undefined {
  return nonEmpty(annotations['runbook_url']) ?? nonEmpty(annotations['runbook']);
}

function nonEmpty(text: string | undefined): string | undefined {
  const trimmed = text?.trim();
  return trimmed ? trimmed : undefined;
}
