import type { SourcePosition } from '../runbook/runbook.js';

/** A comparison a probe value is judged by, e.g. `> 100`. */
export interface Threshold {
  readonly op: '>' | '>=' | '<' | '<=' | '==' | '!=';
  readonly value: number;
}

/** A PromQL probe as written in a runbook step (a ```promql block), before templating. */
export interface ProbeSpec {
  readonly title: string;
  /** The query with `{{ $labels.x }}` placeholders still in it. */
  readonly query: string;
  readonly warn: Threshold | undefined;
  readonly crit: Threshold | undefined;
  /** Range for the sparkline, in seconds (the `range` attribute; default 30 m). */
  readonly rangeSeconds: number;
  /** Display unit: `req/s`, `bytes`, `seconds`, `percent`, … */
  readonly unit: string | undefined;
  readonly position: SourcePosition | undefined;
}
