import type { LabelSet } from '../alerts/alert.js';
import type { Judgement } from './verdict.js';

/** The alert's labels a result series must agree with, and label names not to compare. */
export interface Narrowing {
  readonly labels: LabelSet;
  /** The rule's own labels (e.g. `severity`): the rule sets them on the alert, overriding the series'. */
  readonly ignore: readonly string[];
}

/**
 * Where a probe comes from: a runbook step's ```promql block, the alert rule's own expression, or
 * derived from that expression by sitrep (the automatic checks, automatic-checks.ts).
 */
export type ProbeRole = 'runbook' | 'alert-rule' | 'derived';

/**
 * A probe ready to run for one alert: its query final (labels filled in and escaped), or the reason it
 * can not run. Built by the planner from a ProbeSpec (or from the alert rule); run by the probe runner.
 */
export interface Probe {
  /** Unique within a runbook: `diagnosis-2#1` (step id and 1-based position), or `alert-expression`. */
  readonly id: string;
  /** The step the probe belongs to (`alert-expression` for the free probe). */
  readonly stepId: string;
  readonly title: string;
  /** The query to send; for an unrunnable probe, the template as written. */
  readonly query: string;
  /** Why the probe can not run, naming what is missing (e.g. the label the alert lacks); else undefined. */
  readonly unrunnable: string | undefined;
  readonly judgement: Judgement;
  /** How far back the range (sparkline) reaches, in seconds. */
  readonly rangeSeconds: number;
  readonly unit: string | undefined;
  /**
   * Keep only result series that agree with these labels (see narrow.ts); undefined keeps every
   * series. Set for the alert-expression probe, whose query is the rule's and covers every alert of it.
   */
  readonly narrowTo: Narrowing | undefined;
  readonly role: ProbeRole;
  /** Something the reader should know about how the probe was built, e.g. why a threshold was not split off. */
  readonly note: string | undefined;
  /**
   * A probe written for several exporters: its alternatives, each filled in for the alert. The runner
   * picks one (see variants.ts) before sending anything; `query`/`unrunnable` are the first's meanwhile.
   */
  readonly variants?: readonly ProbeVariant[];
  /** Which variant ran and why, once the runner chose one. */
  readonly variant?: VariantChoice;
}

/** One alternative of a probe, filled in for the alert. */
export interface ProbeVariant {
  /** The `variant` attribute, e.g. `builtin` or `haproxy_exporter`. */
  readonly name: string;
  readonly query: string;
  /** Why this variant can not run for the alert (e.g. a label it lacks); else undefined. */
  readonly unrunnable: string | undefined;
  /** The metric names the query reads: the variant fits when Prometheus has them. */
  readonly metrics: readonly string[];
  /**
   * Metric names only this variant's blocks read anywhere in the runbook: they tell whether its
   * exporter is there at all (empty when the variant reads nothing of its own).
   */
  readonly sourceMetrics: readonly string[];
  /** The block's own title, thresholds, range and unit, where it sets them (else the first block's). */
  readonly title: string;
  readonly judgement: Judgement;
  readonly rangeSeconds: number;
  readonly unit: string | undefined;
}

/** The variant that ran, and why it was chosen over the others, in words. */
export interface VariantChoice {
  readonly name: string;
  readonly reason: string;
}

/** A group of probes that run together (and are cancelled together): one checklist step's, or the alert's. */
export interface ProbeStep {
  /** The runbook step id (`diagnosis-1`, …), or `alert-expression` for the alert's own expression. */
  readonly id: string;
  readonly title: string;
  readonly probes: readonly Probe[];
}

/** The id of the pseudo-step holding the alert-expression probe. */
export const alertExpressionStepId = 'alert-expression';
