// Filling a probe query's `{{ $labels.NAME }}` placeholders with an alert's label values. Each value
// is escaped for the literal it lands in; a backtick literal (raw, so it can not hold a backtick)
// that receives a value is rewritten as the equivalent double-quoted literal. The result is parsed
// again before it is handed out, so a query sitrep runs always parses.
import type { LabelSet } from '../alerts/alert.js';
import { escapeRegex, escapeStringContent } from './escape.js';
import { findSyntaxError } from './parse.js';
import { scanPlaceholders, type Placeholder, type StringLiteralSpan } from './placeholders.js';

/** A query ready to run, or why the probe can not run for this alert. */
export type FilledQuery =
  | { readonly ok: true; readonly query: string }
  | {
      readonly ok: false;
      /** One sentence for the person: names the missing label, or says what is wrong with the query. */
      readonly message: string;
      /** The labels the query needs that the alert lacks (empty when the problem is something else). */
      readonly missingLabels: readonly string[];
    };

/**
 * Fills the placeholders of `template` from `labels`. Fails, with a message, when the template does
 * not parse, uses a placeholder where a value can not go safely, or names a label the alert lacks.
 * Matches the RenderProbeQuery signature the probe planner takes.
 */
export function fillProbeQuery(template: string, labels: LabelSet): FilledQuery {
  // A misplaced placeholder is usually also why the template does not parse: say that first.
  const scan = scanPlaceholders(template);
  const problem = scan.problems[0];
  if (problem) return failed(problem.message);
  const syntax = findSyntaxError(template);
  if (syntax) {
    return failed(`the probe query does not parse: ${syntax.line}:${syntax.column}: ${syntax.message}`);
  }
  const byHand = handPlaceholder(template);
  if (byHand !== undefined) {
    return failed(
      `the query holds "${byHand}", a value to fill in by hand (a runbook writes {{ $labels.NAME }} for sitrep to fill it)`,
    );
  }
  const missing = [
    ...new Set(
      scan.placeholders
        .filter((p) => p.context.kind !== 'comment' && !Object.hasOwn(labels, p.label))
        .map((p) => p.label),
    ),
  ];
  if (missing.length > 0) {
    const names = missing.map((name) => `"${name}"`).join(', ');
    return {
      ok: false,
      message: `the alert has no label ${names}, which this probe needs`,
      missingLabels: missing,
    };
  }
  const query = substitute(template, scan.placeholders, labels);
  const after = findSyntaxError(query);
  if (after) {
    // Escaping is meant to make this impossible; say so plainly if it ever happens.
    return failed(`the query stopped parsing once labels were filled in (a sitrep bug): ${after.message}`);
  }
  return { ok: true, query };
}

/**
 * A string literal that is a note to the reader rather than a value, as runbooks written for people
 * have them: `instance="<value of instance label from alert>"`. Sent as it is, it matches nothing,
 * and "no data" would read as a finding. Words in angle brackets, with a space between them, so that
 * a real value such as kube-state-metrics' `"<none>"` is not taken for one.
 */
function handPlaceholder(template: string): string | undefined {
  return /(["'`])(<[^<>"'`\n]*\s[^<>"'`\n]*>)\1/.exec(template)?.[2];
}

function failed(message: string): FilledQuery {
  return { ok: false, message, missingLabels: [] };
}

function substitute(template: string, placeholders: readonly Placeholder[], labels: LabelSet): string {
  const byLiteral = new Map<number, { literal: StringLiteralSpan; items: Placeholder[] }>();
  for (const placeholder of placeholders) {
    const { context } = placeholder;
    if (context.kind === 'comment') continue;
    const entry = byLiteral.get(context.literal.from) ?? { literal: context.literal, items: [] };
    entry.items.push(placeholder);
    byLiteral.set(context.literal.from, entry);
  }
  let out = '';
  let position = 0;
  for (const { literal, items } of [...byLiteral.values()].sort((a, b) => a.literal.from - b.literal.from)) {
    out += template.slice(position, literal.from);
    out += rewriteLiteral(template, literal, items, labels);
    position = literal.to;
  }
  return out + template.slice(position);
}

function rewriteLiteral(
  template: string,
  literal: StringLiteralSpan,
  items: readonly Placeholder[],
  labels: LabelSet,
): string {
  const raw = literal.quote === '`';
  const quote = raw ? '"' : literal.quote;
  // Text between placeholders: already escaped for its own quote, or raw and escaped now.
  const staticText = (from: number, to: number) => {
    const text = template.slice(from, to);
    return raw ? escapeStringContent(text, '"') : text;
  };
  let body = '';
  let position = literal.from + 1;
  for (const item of [...items].sort((a, b) => a.from - b.from)) {
    body += staticText(position, item.from);
    const value = labels[item.label] ?? '';
    const text = item.context.kind === 'regex' ? escapeRegex(value) : value;
    body += escapeStringContent(text, quote);
    position = item.to;
  }
  body += staticText(position, literal.to - 1);
  return `${quote}${body}${quote}`;
}
