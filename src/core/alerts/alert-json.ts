// The stable `--json` shape of `sitrep alerts` (documented in README.md, "sitrep alerts"). Field
// names and meanings only ever gain additions; `version` changes if one must change.
import type { Alert, AlertOrigin } from './alert.js';

/** How one source fared in a listing. */
export interface SourceReport {
  readonly name: string;
  readonly kind: 'alertmanager' | 'prometheus';
  /** Without credentials. */
  readonly url: string;
  /** Why the source failed; undefined when it answered. */
  readonly error: string | undefined;
  /** What to try about the failure, for people (not part of the JSON). */
  readonly hint?: string | undefined;
  readonly alerts: number;
  /** Items of its response that were skipped as malformed. */
  readonly problems: readonly string[];
}

/** One alert in the JSON output. */
export interface AlertJson {
  readonly fingerprint: string;
  readonly name: string;
  readonly severity: string;
  readonly state: Alert['state'];
  readonly startsAt: string;
  readonly ageSeconds: number;
  readonly labels: Readonly<Record<string, string>>;
  readonly annotations: Readonly<Record<string, string>>;
  readonly silencedBy: readonly string[];
  readonly inhibitedBy: readonly string[];
  readonly generatorURL: string | null;
  readonly runbookUrl: string | null;
  readonly origins: readonly AlertOrigin[];
}

/** One source in the JSON output. */
export interface SourceJson {
  readonly name: string;
  readonly kind: SourceReport['kind'];
  readonly url: string;
  readonly ok: boolean;
  readonly error: string | null;
  readonly alerts: number;
  readonly problems: readonly string[];
}

/** The whole document. */
export interface AlertsJson {
  readonly version: 1;
  readonly generatedAt: string;
  readonly alerts: readonly AlertJson[];
  readonly sources: readonly (Omit<SourceReport, 'error'> & {
    readonly ok: boolean;
    readonly error: string | null;
  })[];
}

/** Builds the document for these (already selected and sorted) alerts. */
export function alertsJson(
  alerts: readonly Alert[],
  sources: readonly SourceReport[],
  nowMs: number,
): AlertsJson {
  return {
    version: 1,
    generatedAt: new Date(nowMs).toISOString(),
    alerts: alerts.map((a) => ({
      fingerprint: a.fingerprint,
      name: a.name,
      severity: a.severity,
      state: a.state,
      startsAt: a.startsAt,
      ageSeconds: Math.max(0, Math.floor((nowMs - Date.parse(a.startsAt)) / 1000)),
      labels: a.labels,
      annotations: a.annotations,
      silencedBy: a.silencedBy,
      inhibitedBy: a.inhibitedBy,
      generatorURL: a.generatorURL ?? null,
      runbookUrl: a.runbookUrl ?? null,
      origins: a.origins,
    })),
    sources: sources.map((s) => ({
      name: s.name,
      kind: s.kind,
      url: s.url,
      ok: s.error === undefined,
      error: s.error ?? null,
      alerts: s.alerts,
      problems: s.problems,
    })),
  };
}

/**
 * JSON text that is safe to print on a terminal: JSON.stringify already escapes C0 controls (ESC
 * included); this also escapes DEL, the C1 controls (8-bit CSI/OSC), the bidi controls and marks
 * and the zero-width characters (the ones src/core/sanitize.ts strips), which stay the same data for
 * a JSON parser. A `replacer` is applied as JSON.stringify applies it.
 */
export function stringifyForTerminal(
  value: unknown,
  indent = 2,
  replacer?: (key: string, value: unknown) => unknown,
): string {
  return escapeForTerminal(JSON.stringify(value, replacer, indent));
}

/**
 * JSON text from JSON.stringify made safe as stringifyForTerminal says. It changes only characters
 * from DEL (U+007F) up: text that is ASCII without DEL comes back as it is.
 */
export function escapeForTerminal(json: string): string {
  return json.replace(
    /[\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/g,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}
