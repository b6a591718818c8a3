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
  /**
   * The `variant` attribute: the exporter (or setup) this query is written for. Consecutive blocks
   * with different variants are one probe with alternatives; the one whose metrics Prometheus has
   * runs (see core/probe/variants.ts). Undefined for a plain probe.
   */
  readonly variant?: string | undefined;
  /** The attributes written on the block (the first block of a variant group sets them for all). */
  readonly attributeNames?: readonly string[];
}
