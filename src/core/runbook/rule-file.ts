// Prometheus rule files (`groups: [{ name, rules: [{ alert, expr, labels, annotations }] }]`) read
// with positions, so lint can point at the line and column of a broken expression or annotation.
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Scalar } from 'yaml';
import { scalarText } from './front-matter.js';
import type { RunbookProblem, SourcePosition } from './runbook.js';

/** A located YAML value: its text and how to find an offset of that text in the file. */
export interface LocatedText {
  readonly value: string;
  readonly position: SourcePosition;
  /** Where character `offset` of `value` is in the file (best effort; the value's start when unknown). */
  readonly at: (offset: number) => SourcePosition;
  /** Where `needle` first occurs in the value as written in the file, else the value's start. */
  readonly find: (needle: string) => SourcePosition;
}

/** One alerting rule of a rule file. */
export interface RuleFileRule {
  readonly alert: string;
  readonly expr: LocatedText;
  readonly labels: Readonly<Record<string, string>>;
  readonly annotations: ReadonlyMap<string, LocatedText>;
  readonly position: SourcePosition;
}

/** A rule file's alerting rules and what is wrong with its shape. */
export interface RuleFile {
  readonly rules: readonly RuleFileRule[];
  readonly problems: readonly RunbookProblem[];
}

/** True when the YAML text looks like a rule file (a top-level `groups:` list). */
export function looksLikeRuleFile(text: string): boolean {
  try {
    const doc = parseDocument(text, { prettyErrors: false });
    return isMap(doc.contents) && isSeq(doc.get('groups', true));
  } catch {
    return false;
  }
}

/** Reads a rule file. Never throws. Recording rules are skipped. */
export function parseRuleFile(text: string): RuleFile {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false });
  const pos = (offset: number): SourcePosition => {
    const { line, col } = lines.linePos(offset);
    return { line, column: col };
  };
  const problems: RunbookProblem[] = doc.errors.map((error) => ({
    severity: 'error',
    message: `not valid YAML: ${error.message.split('\n')[0] ?? error.message}`,
    position: pos(error.pos[0]),
  }));
  if (doc.errors.length > 0) return { rules: [], problems };
  const groups = isMap(doc.contents) ? doc.get('groups', true) : undefined;
  if (!isSeq(groups)) {
    problems.push({
      severity: 'error',
      message: 'a rule file needs a top-level `groups:` list',
      position: pos(0),
    });
    return { rules: [], problems };
  }
  const rules: RuleFileRule[] = [];
  for (const group of groups.items) {
    const list = isMap(group) ? group.get('rules', true) : undefined;
    if (!isSeq(list)) continue;
    for (const rule of list.items) {
      if (!isMap(rule)) continue;
      const alertNode = rule.get('alert', true);
      const expr = rule.get('expr', true);
      const alert = isScalar(alertNode) ? scalarText(alertNode.value) : undefined;
      if (alert === undefined) continue;
      const start = pos(range(rule)[0]);
      if (!isScalar(expr) || scalarText(expr.value) === undefined) {
        problems.push({ severity: 'error', message: `alert ${alert} has no \`expr\``, position: start });
        continue;
      }
      rules.push({
        alert,
        expr: located(text, expr, pos),
        labels: stringValues(rule.get('labels', true)),
        annotations: annotationsOf(text, rule.get('annotations', true), pos),
        position: start,
      });
    }
  }
  return { rules, problems };
}

function range(node: unknown): [number, number] {
  const r = (node as { range?: [number, number, number] }).range;
  return r ? [r[0], r[1]] : [0, 0];
}

function stringValues(node: unknown): Record<string, string> {
  const map: Record<string, string> = {};
  if (!isMap(node)) return map;
  for (const pair of node.items) {
    const name = isScalar(pair.key) ? scalarText(pair.key.value) : undefined;
    const value = isScalar(pair.value) ? scalarText(pair.value.value) : undefined;
    if (name !== undefined && value !== undefined) map[name] = value;
  }
  return map;
}

function annotationsOf(text: string, node: unknown, pos: (offset: number) => SourcePosition) {
  const map = new Map<string, LocatedText>();
  if (!isMap(node)) return map;
  for (const pair of node.items) {
    const name = isScalar(pair.key) ? scalarText(pair.key.value) : undefined;
    if (name !== undefined && isScalar(pair.value)) map.set(name, located(text, pair.value, pos));
  }
  return map;
}

function located(text: string, node: Scalar, pos: (offset: number) => SourcePosition): LocatedText {
  const value = scalarText(node.value) ?? '';
  const [from, to] = range(node);
  const type = node.type ?? '';
  // The value's text starts after an opening quote, or on the line after a block header (`|`, `>-`).
  let bodyStart = from;
  if (type === 'QUOTE_DOUBLE' || type === 'QUOTE_SINGLE') bodyStart = from + 1;
  if (type === 'BLOCK_LITERAL' || type === 'BLOCK_FOLDED') bodyStart = text.indexOf('\n', from) + 1 || from;
  const raw = text.slice(bodyStart, to);
  return {
    value,
    position: pos(bodyStart),
    // Pair up the non-blank characters of the value and of the source: the same sequence for plain
    // and block scalars (only line breaks and indentation differ), and for quoted ones without escapes.
    at: (offset) => {
      let seen = -1;
      for (let i = 0; i <= offset && i < value.length; i += 1) if (!/\s/.test(value[i] ?? '')) seen += 1;
      let count = -1;
      for (let j = 0; j < raw.length; j += 1) {
        if (/\s/.test(raw[j] ?? '')) continue;
        count += 1;
        if (count === Math.max(0, seen)) return pos(bodyStart + j);
      }
      return pos(bodyStart);
    },
    find: (needle) => {
      const index = raw.indexOf(needle);
      return pos(index === -1 ? bodyStart : bodyStart + index);
    },
  };
}
