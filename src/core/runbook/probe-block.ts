// A ```promql code block in a step is a probe. Its info string carries attributes:
//   ```promql title="Connection errors per second" warn="> 50" crit="> 100" range="30m" unit="req/s"
// Every attribute is optional; a probe without thresholds just shows its value.
import type { Code } from 'mdast';
import { parseDuration } from '../config/units.js';
import type { ProbeSpec } from '../probe/probe-spec.js';
import { parseThreshold } from '../probe/threshold.js';
import { findSyntaxError } from '../promql/parse.js';
import { scanPlaceholders } from '../promql/placeholders.js';
import { lineColumn } from '../promql/parse.js';
import { startOf } from './markdown.js';
import type { RunbookProblem, SourcePosition } from './runbook.js';

/** The probe attributes sitrep reads. */
export const probeAttributes = ['title', 'warn', 'crit', 'range', 'unit', 'variant'] as const;

const defaultRangeSeconds = 30 * 60;

/** The probe a code block describes, and what is wrong with it (located in the runbook). */
export function probeFromCode(code: Code): { probe: ProbeSpec; problems: RunbookProblem[] } {
  const position = startOf(code);
  const problems: RunbookProblem[] = [];
  const problem = (message: string, at: SourcePosition = position) =>
    problems.push({ severity: 'error', message, position: at });
  const attributes = parseAttributes(code.meta ?? '');
  for (const name of Object.keys(attributes)) {
    if (!(probeAttributes as readonly string[]).includes(name)) {
      problems.push({
        severity: 'warning',
        message: `unknown probe attribute \`${name}\` (sitrep reads ${probeAttributes.join(', ')})`,
        position,
      });
    }
  }
  const threshold = (name: 'warn' | 'crit') => {
    const text = attributes[name];
    if (text === undefined) return undefined;
    const parsed = parseThreshold(text);
    if (!parsed) problem(`probe ${name}="${text}" is not a threshold such as "> 100" or "<= 0.5"`);
    return parsed;
  };
  let rangeSeconds = defaultRangeSeconds;
  if (attributes.range !== undefined) {
    const ms = parseDuration(attributes.range);
    if (ms === undefined || ms < 1000)
      problem(`probe range="${attributes.range}" is not a duration such as "30m" or "2h"`);
    else rangeSeconds = Math.round(ms / 1000);
  }
  const variant = attributes.variant?.trim();
  if (variant === '') problem('probe variant="" needs a name, such as variant="builtin"');
  const query = code.value.trim();
  // The query's first line sits on the line after the fence, indented like the fence.
  const inQuery = (offset: number): SourcePosition => {
    const lead = code.value.length - code.value.trimStart().length;
    const at = lineColumn(code.value, offset + lead);
    return { line: position.line + at.line, column: position.column + at.column - 1 };
  };
  if (query === '') problem('the probe is empty: write a PromQL query between the fences');
  else {
    // A misplaced placeholder also breaks parsing; report the cause, not both.
    const placeholders = scanPlaceholders(query).problems;
    for (const placeholder of placeholders) problem(placeholder.message, inQuery(placeholder.offset));
    const syntax = placeholders.length === 0 ? findSyntaxError(query) : undefined;
    if (syntax) problem(`probe query does not parse: ${syntax.message}`, inQuery(syntax.offset));
  }
  return {
    probe: {
      title: attributes.title?.trim() || defaultTitle(query),
      query,
      warn: threshold('warn'),
      crit: threshold('crit'),
      rangeSeconds,
      unit: attributes.unit?.trim() || undefined,
      position,
      ...(variant ? { variant, attributeNames: Object.keys(attributes) } : {}),
    },
    problems,
  };
}

export function defaultTitle(query: string): string {
  const first = queryHeadline(query);
  return first.length > 60 ? `${first.slice(0, 59)}…` : first || 'Probe';
}

/** The query's first line that says something: `(` or `-` alone would make a meaningless title. */
export function queryHeadline(query: string): string {
  const lines = query.split('\n').map((line) => line.trim());
  return lines.find((line) => /[A-Za-z]/.test(line)) ?? lines[0] ?? '';
}

/**
 * `key="value with spaces" key='x' key=bare flag` → a map. A small tokenizer for the info string's
 * attribute syntax (the markdown parser hands over the info string as one piece of text).
 */
export function parseAttributes(meta: string): Record<string, string> {
  const attributes: Record<string, string> = {};
  let i = 0;
  while (i < meta.length) {
    while (i < meta.length && /\s/.test(meta[i] ?? '')) i += 1;
    const nameStart = i;
    while (i < meta.length && /[A-Za-z0-9_-]/.test(meta[i] ?? '')) i += 1;
    const name = meta.slice(nameStart, i);
    if (name === '') {
      i += 1; // a stray character: skip it
      continue;
    }
    if (meta[i] !== '=') {
      attributes[name] = '';
      continue;
    }
    i += 1;
    const quote = meta[i];
    if (quote === '"' || quote === "'") {
      const end = meta.indexOf(quote, i + 1);
      const stop = end === -1 ? meta.length : end;
      attributes[name] = meta.slice(i + 1, stop);
      i = stop + 1;
    } else {
      const valueStart = i;
      while (i < meta.length && !/\s/.test(meta[i] ?? '')) i += 1;
      attributes[name] = meta.slice(valueStart, i);
    }
  }
  return attributes;
}
