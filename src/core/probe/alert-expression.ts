// The alert's own expression is the one probe every runbook has. A rule such as
//   sum by (server) (rate(haproxy_server_connection_errors_total[1m])) > 100
// only returns series while the condition holds, which hides the value that paged and how it moved.
// So the top-level comparison with a constant is split off with the PromQL grammar's own syntax tree
// (never a regex: `>` also appears in label matchers and strings), giving the value expression
// `sum by (server) (rate(...[1m]))` and the threshold `> 100`, which becomes the probe's crit.
import { parser } from '@prometheus-io/lezer-promql';
import type { Threshold } from './probe-spec.js';
import type { Judgement } from './verdict.js';

// The node type of the grammar's tree, named without importing @lezer/common (not our dependency).
type SyntaxNode = ReturnType<typeof parser.parse>['topNode'];

/** The alert expression, split into what to run and how to judge it. */
export interface AlertExpressionSplit {
  /** The expression to run: the value side of the comparison, or the whole expression. */
  readonly query: string;
  readonly judgement: Judgement;
  /** Why the threshold could not be split off (the expression runs whole); undefined when it was. */
  readonly note: string | undefined;
}

const comparisons: Readonly<Record<string, Threshold['op']>> = {
  Gtr: '>',
  Gte: '>=',
  Lss: '<',
  Lte: '<=',
  Eql: '==',
  Neq: '!=',
};

// `5 < x` means `x > 5`: the operator as seen from the other side.
const mirrored: Readonly<Record<Threshold['op'], Threshold['op']>> = {
  '>': '<',
  '>=': '<=',
  '<': '>',
  '<=': '>=',
  '==': '==',
  '!=': '!=',
};

/**
 * Splits an alert rule's expression into its value expression and its threshold, when the top level
 * (inside any parentheses) is `<expr> <cmp> <constant>` or `<constant> <cmp> <expr>`. A comparison on
 * the left of a top-level `and`/`unless` is split too (`x > 1 and y` runs `(x) and y`): those operators
 * only filter the left side's series and keep its values. Anything else — two vectors compared,
 * `bool`, `or` of two conditions — runs whole and is judged as a condition (a returned series means
 * the alert holds for it). Returns undefined when the expression does not parse.
 */
export function splitAlertExpression(expr: string): AlertExpressionSplit | undefined {
  const tree = parser.parse(expr);
  let broken = false;
  tree.iterate({
    enter: (node) => {
      if (node.type.isError) broken = true;
    },
  });
  if (broken) return undefined;
  const top = unwrapParens(tree.topNode.firstChild);
  if (!top) return undefined;
  return split(expr, top) ?? whole(expr.trim(), noteFor(expr, top));
}

function split(expr: string, node: SyntaxNode): AlertExpressionSplit | undefined {
  if (node.name !== 'BinaryExpr') return undefined;
  const [left, operator, right] = binaryParts(node);
  if (!left || !operator || !right) return undefined;
  if (operator.name === 'And' || operator.name === 'Unless') {
    const inner = unwrapParens(left);
    const innerSplit = inner ? split(expr, inner) : undefined;
    if (!innerSplit || innerSplit.judgement.kind !== 'thresholds') return undefined;
    const query = `(${innerSplit.query}) ${expr.slice(operator.from, node.to)}`;
    return { ...innerSplit, query };
  }
  const op = comparisons[operator.name];
  if (op === undefined || hasChild(node, 'BoolModifier')) return undefined;
  const rightValue = constantValue(expr, right);
  const leftValue = constantValue(expr, left);
  if (rightValue !== undefined && leftValue === undefined) {
    return thresholded(expr.slice(left.from, left.to), { op, value: rightValue });
  }
  if (leftValue !== undefined && rightValue === undefined) {
    return thresholded(expr.slice(right.from, right.to), { op: mirrored[op], value: leftValue });
  }
  return undefined;
}

function thresholded(query: string, crit: Threshold): AlertExpressionSplit {
  return { query: query.trim(), judgement: { kind: 'thresholds', warn: undefined, crit }, note: undefined };
}

function whole(query: string, note: string): AlertExpressionSplit {
  return { query, judgement: { kind: 'condition' }, note };
}

function noteFor(expr: string, top: SyntaxNode): string {
  if (top.name === 'BinaryExpr' && hasChild(top, 'BoolModifier')) {
    return 'the comparison uses `bool`, so the expression runs whole';
  }
  const [, operator] = binaryParts(top);
  if (operator && comparisons[operator.name] !== undefined) {
    return 'the threshold is not a constant, so the expression runs whole and each series it returns is firing';
  }
  return `no top-level comparison with a constant in \`${expr.trim()}\`, so it runs whole and each series it returns is firing`;
}

/** The left operand, the operator and the right operand of a BinaryExpr (modifiers and comments skipped). */
function binaryParts(
  node: SyntaxNode,
): [SyntaxNode | undefined, SyntaxNode | undefined, SyntaxNode | undefined] {
  const parts: SyntaxNode[] = [];
  for (let child = node.firstChild; child; child = child.nextSibling) {
    if (
      child.name === 'BoolModifier' ||
      child.name === 'MatchingModifierClause' ||
      child.name === 'LineComment'
    ) {
      continue;
    }
    parts.push(child);
  }
  return [parts[0], parts[1], parts[2]];
}

function hasChild(node: SyntaxNode, name: string): boolean {
  for (let child = node.firstChild; child; child = child.nextSibling) if (child.name === name) return true;
  return false;
}

function unwrapParens(node: SyntaxNode | null): SyntaxNode | null {
  let current = node;
  while (current && current.name === 'ParenExpr') current = firstOperand(current);
  return current;
}

function firstOperand(node: SyntaxNode): SyntaxNode | null {
  for (let child = node.firstChild; child; child = child.nextSibling)
    if (child.name !== 'LineComment') return child;
  return null;
}

/**
 * The value of a constant scalar written as a literal (`100`, `-5`, `0x10`, `1e3`, `Inf`, `NaN`), possibly
 * in parentheses, negated, or combined with + - * / (`0.05 * 100`). Undefined for anything else.
 */
function constantValue(expr: string, node: SyntaxNode): number | undefined {
  switch (node.name) {
    case 'NumberDurationLiteral':
      return numberLiteral(expr.slice(node.from, node.to));
    case 'ParenExpr': {
      const inner = firstOperand(node);
      return inner ? constantValue(expr, inner) : undefined;
    }
    case 'UnaryExpr': {
      const operand = node.lastChild;
      const value = operand ? constantValue(expr, operand) : undefined;
      if (value === undefined) return undefined;
      return expr.slice(node.from, node.to).trimStart().startsWith('-') ? -value : value;
    }
    case 'BinaryExpr': {
      const [left, operator, right] = binaryParts(node);
      if (!left || !operator || !right) return undefined;
      const a = constantValue(expr, left);
      const b = constantValue(expr, right);
      if (a === undefined || b === undefined) return undefined;
      return arithmetic(operator.name, a, b);
    }
    default:
      return undefined;
  }
}

function arithmetic(operator: string, a: number, b: number): number | undefined {
  switch (operator) {
    case 'Add':
      return a + b;
    case 'Sub':
      return a - b;
    case 'Mul':
      return a * b;
    case 'Div':
      return a / b;
    default:
      return undefined;
  }
}

function numberLiteral(text: string): number | undefined {
  const trimmed = text.trim();
  const sign = trimmed.startsWith('-') ? -1 : 1;
  const body = trimmed.replace(/^[-+]/, '').toLowerCase();
  if (body === 'inf') return sign * Infinity;
  if (body === 'nan') return NaN;
  if (/^0x[0-9a-f]+$/.test(body)) return sign * Number.parseInt(body.slice(2), 16);
  // Plain decimals only: a duration such as `1m` is not a threshold sitrep can read.
  if (!/^(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/.test(body)) return undefined;
  return sign * Number(body);
}
