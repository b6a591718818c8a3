/** Label or annotation names to values, as Prometheus and Alertmanager send them. */
export type LabelSet = Readonly<Record<string, string>>;

/** Where an alert was seen. An alert merged from several sources lists each of them. */
export interface AlertOrigin {
  readonly kind: 'alertmanager' | 'prometheus';
  /** The source's display name (its configured name, or its URL without credentials). */
  readonly source: string;
}

/**
 * The state of an alert as the on-call engineer cares about it: firing and unhandled (`active`),
 * muted by a silence, inhibited by another alert, or not yet firing (`pending`, Prometheus only).
 */
export type AlertState = 'active' | 'silenced' | 'inhibited' | 'pending' | 'unprocessed';

/** One alert instance: an alertname with one set of labels. */
export interface Alert {
  /** Alertmanager's fingerprint, or one computed from the labels for Prometheus-only alerts. */
  readonly fingerprint: string;
  readonly name: string;
  readonly labels: LabelSet;
  readonly annotations: LabelSet;
  /** `critical`, `warning`, `info`, … from the `severity` label; `none` when absent. */
  readonly severity: string;
  readonly state: AlertState;
  /** ISO 8601 time the alert started firing (Alertmanager `startsAt`, Prometheus `activeAt`). */
  readonly startsAt: string;
  /**
   * ISO 8601 time the source last updated this alert (Alertmanager `updatedAt`); undefined when the
   * source does not say (Prometheus). Decides between HA replicas that disagree.
   */
  readonly updatedAt: string | undefined;
  readonly silencedBy: readonly string[];
  readonly inhibitedBy: readonly string[];
  readonly generatorURL: string | undefined;
  /** From the `runbook_url` annotation, else the `runbook` annotation. */
  readonly runbookUrl: string | undefined;
  readonly origins: readonly AlertOrigin[];
}
