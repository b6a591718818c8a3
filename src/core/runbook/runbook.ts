import type { ProbeSpec } from '../probe/probe-spec.js';

/** A location in a runbook's source text (1-based). */
export interface SourcePosition {
  readonly line: number;
  readonly column: number;
}

/** Something wrong or missing in a runbook, located where possible. Never fatal to opening it. */
export interface RunbookProblem {
  readonly severity: 'error' | 'warning';
  readonly message: string;
  readonly position: SourcePosition | undefined;
}

/** Which section a checklist step belongs to. */
export type StepSection = 'diagnosis' | 'mitigation';

/** One checklist item of a runbook. */
export interface Step {
  /** Stable within the runbook: `diagnosis-1`, `mitigation-3`, … (used by the timeline). */
  readonly id: string;
  readonly section: StepSection;
  /**
   * Sub-heading the step sits under, e.g. "Immediate" in Mitigation, or the line that introduces the
   * step's list ("Work through these in order:"); both joined by " · " when there are both. Undefined
   * when none.
   */
  readonly group: string | undefined;
  /** The step's text as plain markdown (without its probes' code blocks). */
  readonly text: string;
  readonly probes: readonly ProbeSpec[];
  readonly position: SourcePosition;
}

/**
 * Text that is neither Meaning, Impact nor a step: a remark under Diagnosis or Mitigation that
 * instructs nothing (or a `<details>` extra with no step before it), or a section sitrep has no place
 * for (`other`: "Escalation", "Dashboards", an introduction next to a Meaning section).
 */
export interface SectionNote {
  readonly section: StepSection | 'other';
  /** The heading of an `other` section; undefined for remarks and for text before any heading. */
  readonly heading?: string | undefined;
  /** Markdown, as written. */
  readonly text: string;
  readonly position: SourcePosition;
}

/** One entry of a "References" / "See also" / "Additional resources" list. */
export interface RunbookLink {
  /** What the list was introduced as ("Additional resources", "See also"). */
  readonly label: string;
  /** The entry's words without markup ("HAProxy management guide"). */
  readonly text: string;
  /** The entry's first link target; undefined when the entry has no link. */
  readonly url: string | undefined;
  readonly position: SourcePosition;
}

/** Where the runbook text came from; recorded in the incident timeline. */
export type RunbookSource =
  | { readonly kind: 'file'; readonly path: string }
  | { readonly kind: 'url'; readonly url: string; readonly cached: boolean }
  | { readonly kind: 'builtin' };

/** An alert rule pasted into the runbook as a YAML code block. */
export interface PastedRule {
  readonly alert: string | undefined;
  readonly expr: string;
  /** The rule's own `labels:` (they are on the alert, but not in its `$labels` for annotations). */
  readonly labels: Readonly<Record<string, string>>;
  readonly annotations: Readonly<Record<string, string>>;
  /** Where the code block starts. */
  readonly position: SourcePosition;
}

/** Where a runbook's alert names came from, strongest first. */
export type AlertNamesFrom = 'front-matter' | 'rule' | 'heading' | 'file-name' | 'none';

/** A runbook parsed into the shape sitrep works with. */
export interface Runbook {
  readonly title: string;
  /** Alert names this runbook serves (front matter `alert`/`alerts`, else the title or file name). */
  readonly alerts: readonly string[];
  /** Label matchers from the front matter that narrow which alerts it serves. */
  readonly matchers: Readonly<Record<string, string>>;
  readonly severity: string | undefined;
  readonly owner: string | undefined;
  readonly tags: readonly string[];
  readonly meaning: string | undefined;
  readonly impact: string | undefined;
  readonly steps: readonly Step[];
  /** The `expr` of an alert rule pasted into the runbook, if any. */
  readonly ruleExpr: string | undefined;
  /** The whole pasted rule (ruleExpr is its expr). Always set by parseRunbook; optional for hand-made runbooks. */
  readonly rule?: PastedRule | undefined;
  /** How `alerts` was found; matching trusts front matter and a pasted rule only. Set by parseRunbook. */
  readonly alertsFrom?: AlertNamesFrom;
  /** Remarks under Diagnosis or Mitigation, then other sections' text, in document order. Set by parseRunbook. */
  readonly notes?: readonly SectionNote[];
  /** Reference links ("See also", "Additional resources"), in document order. Set by parseRunbook. */
  readonly links?: readonly RunbookLink[];
  readonly problems: readonly RunbookProblem[];
}
