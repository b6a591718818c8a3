// Teams often paste the alert rule into its runbook (as a ```yaml block, sometimes inside
// <details>). Its `expr` is the alert's expression: the probe engine can run it, and lint checks
// the runbook's {{ $labels.x }} against what it keeps. Accepted shapes: one rule, a list of rules,
// a group (`rules:`), or a whole rule file (`groups:`).
import type { Code } from 'mdast';
import { parse } from 'yaml';
import { startOf } from './markdown.js';
import type { PastedRule } from './runbook.js';

/** The pasted rule for one of `alerts` (else the first alerting rule found), or undefined. */
export function findPastedRule(codes: readonly Code[], alerts: readonly string[]): PastedRule | undefined {
  const found: PastedRule[] = [];
  for (const code of codes) {
    const lang = (code.lang ?? '').toLowerCase();
    if (!['yaml', 'yml', ''].includes(lang) || !code.value.includes('expr')) continue;
    let doc: unknown;
    try {
      doc = parse(code.value, { prettyErrors: false });
    } catch {
      continue; // not YAML after all: an ordinary code block
    }
    for (const rule of rulesIn(doc)) {
      const pasted = toRule(rule, code);
      if (pasted) found.push(pasted);
    }
  }
  return found.find((rule) => rule.alert !== undefined && alerts.includes(rule.alert)) ?? found[0];
}

function rulesIn(doc: unknown): unknown[] {
  if (Array.isArray(doc)) return doc;
  if (!isRecord(doc)) return [];
  if (Array.isArray(doc['groups'])) {
    return (doc['groups'] as unknown[]).flatMap((group): unknown[] =>
      isRecord(group) && Array.isArray(group['rules']) ? (group['rules'] as unknown[]) : [],
    );
  }
  if (Array.isArray(doc['rules'])) return doc['rules'];
  return [doc];
}

function toRule(rule: unknown, code: Code): PastedRule | undefined {
  if (!isRecord(rule)) return undefined;
  const expr = rule['expr'];
  if (typeof expr !== 'string' && typeof expr !== 'number') return undefined;
  // Recording rules (`record:`) are not the alert's expression.
  if (rule['record'] !== undefined) return undefined;
  const alert = rule['alert'];
  return {
    alert: typeof alert === 'string' ? alert : undefined,
    expr: String(expr).trim(),
    labels: stringMap(rule['labels']),
    annotations: stringMap(rule['annotations']),
    position: startOf(code),
  };
}

function stringMap(value: unknown): Record<string, string> {
  if (!isRecord(value)) return {};
  const map: Record<string, string> = {};
  for (const [key, item] of Object.entries(value)) {
    if (typeof item === 'string' || typeof item === 'number' || typeof item === 'boolean')
      map[key] = String(item);
  }
  return map;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
