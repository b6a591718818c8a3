// Which labels an expression's result series can carry. An alert's `{{ $labels.x }}` (in its
// annotations, or a runbook probe) only has a value when the expression keeps `x`:
// `sum by (server) (...)` keeps `server` and nothing else, so `$labels.instance` is always empty.
// The analysis follows Prometheus's evaluation rules for each kind of node; where it can not know
// (a plain selector keeps whatever the series have) it says "any label".
import { parseWholeExpression, type PromqlNode } from './parse.js';

/**
 * The labels an expression's result may have: `none` for a number or string; `only` a known set;
 * `all-except` any label its input series have, except those listed.
 */
export type KeptLabels =
  | { readonly kind: 'none' }
  | { readonly kind: 'only'; readonly labels: ReadonlySet<string> }
  | { readonly kind: 'all-except'; readonly removed: ReadonlySet<string> };

const none: KeptLabels = { kind: 'none' };
const everything: KeptLabels = { kind: 'all-except', removed: new Set() };
// Deeper expressions are not analysed (a hostile query must not exhaust the stack); they are
// assumed to keep anything, so lint never reports a mistake it can not prove.
const maxDepth = 200;

/** What `expr` keeps; undefined when it does not parse. */
export function keptLabels(expr: string): KeptLabels | undefined {
  const first = parseWholeExpression(expr);
  return first ? analyse(expr, first, 0) : undefined;
}

/** True when a series of the result could carry label `name`. */
export function mayKeep(kept: KeptLabels, name: string): boolean {
  switch (kept.kind) {
    case 'none':
      return false;
    case 'only':
      return kept.labels.has(name);
    case 'all-except':
      return !kept.removed.has(name);
    default: {
      const unreachable: never = kept;
      return unreachable;
    }
  }
}

/** In words, for messages: "only server", "no labels", "any label except instance". */
export function describeKept(kept: KeptLabels): string {
  switch (kept.kind) {
    case 'none':
      return 'no labels (it is a number)';
    case 'only':
      return kept.labels.size === 0 ? 'no labels' : `only ${[...kept.labels].sort().join(', ')}`;
    case 'all-except':
      return kept.removed.size === 0
        ? 'any label of its series'
        : `any label except ${[...kept.removed].sort().join(', ')}`;
    default: {
      const unreachable: never = kept;
      return unreachable;
    }
  }
}

function only(labels: Iterable<string>): KeptLabels {
  return { kind: 'only', labels: new Set(labels) };
}

function without(kept: KeptLabels, names: Iterable<string>): KeptLabels {
  const list = [...names];
  switch (kept.kind) {
    case 'none':
      return kept;
    case 'only':
      return only([...kept.labels].filter((label) => !list.includes(label)));
    case 'all-except':
      return { kind: 'all-except', removed: new Set([...kept.removed, ...list]) };
    default: {
      const unreachable: never = kept;
      return unreachable;
    }
  }
}

function adding(kept: KeptLabels, names: Iterable<string>): KeptLabels {
  const list = [...names];
  switch (kept.kind) {
    case 'none':
      return only(list);
    case 'only':
      return only([...kept.labels, ...list]);
    case 'all-except':
      return { kind: 'all-except', removed: new Set([...kept.removed].filter((l) => !list.includes(l))) };
    default: {
      const unreachable: never = kept;
      return unreachable;
    }
  }
}

function union(a: KeptLabels, b: KeptLabels): KeptLabels {
  if (a.kind === 'none') return b;
  if (b.kind === 'none') return a;
  if (a.kind === 'only' && b.kind === 'only') return only([...a.labels, ...b.labels]);
  if (a.kind === 'all-except' && b.kind === 'all-except') {
    return { kind: 'all-except', removed: new Set([...a.removed].filter((l) => b.removed.has(l))) };
  }
  const all = a.kind === 'all-except' ? a : (b as Extract<KeptLabels, { kind: 'all-except' }>);
  const some = a.kind === 'only' ? a : (b as Extract<KeptLabels, { kind: 'only' }>);
  return adding(all, some.labels);
}

function children(node: PromqlNode): PromqlNode[] {
  const list: PromqlNode[] = [];
  for (let child = node.firstChild; child; child = child.nextSibling) {
    if (child.name !== 'LineComment') list.push(child);
  }
  return list;
}

// The names in a `(a, b)` list of by/without/on/ignoring/group_left/group_right.
function groupingLabels(expr: string, grouping: PromqlNode | null | undefined): string[] {
  if (!grouping) return [];
  return children(grouping).map((label) => unquote(expr.slice(label.from, label.to)));
}

function unquote(text: string): string {
  return /^["'`]/.test(text) ? text.slice(1, -1) : text;
}

function analyse(expr: string, node: PromqlNode, depth: number): KeptLabels {
  if (depth > maxDepth) return everything;
  const next = (child: PromqlNode | undefined): KeptLabels =>
    child ? analyse(expr, child, depth + 1) : everything;
  switch (node.name) {
    case 'VectorSelector':
      return everything;
    case 'NumberDurationLiteral':
    case 'StringLiteral':
      return none;
    case 'MatrixSelector':
    case 'SubqueryExpr':
    case 'OffsetExpr':
    case 'StepInvariantExpr':
    case 'ParenExpr':
    case 'AnchoredExpr':
    case 'SmoothedExpr':
      return next(children(node)[0]);
    case 'UnaryExpr':
      return without(next(children(node).at(-1)), ['__name__']);
    case 'AggregateExpr':
      return aggregate(expr, node, next);
    case 'FunctionCall':
      return functionCall(expr, node, next);
    case 'BinaryExpr':
      return binary(expr, node, next);
    default:
      return everything;
  }
}

function aggregate(expr: string, node: PromqlNode, next: (n: PromqlNode | undefined) => KeptLabels) {
  const op = node.getChild('AggregateOp')?.firstChild?.name ?? '';
  const args = children(node.getChild('FunctionCallBody') ?? node);
  const input = next(args.at(-1));
  // topk and friends pick series; they do not aggregate, so every input label stays.
  if (['Topk', 'Bottomk', 'LimitK', 'LimitRatio'].includes(op)) return input;
  const modifier = node.getChild('AggregateModifier');
  const grouping = groupingLabels(expr, modifier?.getChild('GroupingLabels'));
  let result: KeptLabels;
  if (modifier?.getChild('Without')) result = without(input, [...grouping, '__name__']);
  else result = only(modifier?.getChild('By') ? grouping : []);
  if (op === 'CountValues' && args[0]?.name === 'StringLiteral') {
    result = adding(result, [unquote(expr.slice(args[0].from, args[0].to))]);
  }
  return result;
}

function functionCall(expr: string, node: PromqlNode, next: (n: PromqlNode | undefined) => KeptLabels) {
  const fn = node.getChild('FunctionIdentifier')?.firstChild?.name ?? '';
  const args = children(node.getChild('FunctionCallBody') ?? node);
  const literal = (index: number) => {
    const arg = args[index];
    return arg?.name === 'StringLiteral' ? unquote(expr.slice(arg.from, arg.to)) : undefined;
  };
  switch (fn) {
    case 'LabelReplace':
    case 'LabelJoin': {
      const target = literal(1);
      return target === undefined ? next(args[0]) : adding(next(args[0]), [target]);
    }
    case 'Vector':
      return only([]);
    case 'Scalar':
    case 'Time':
    case 'Pi':
      return none;
    case 'Absent':
    case 'AbsentOverTime':
      return only(equalityMatcherNames(expr, args[0]));
    case 'HistogramQuantile':
    case 'HistogramFraction':
      return without(next(args.at(-1)), ['le', '__name__']);
    default: {
      // The first argument that is a vector carries the labels (quantile_over_time's is the second).
      const vector = args.map((arg) => next(arg)).find((kept) => kept.kind !== 'none');
      // Date functions without an argument work on vector(time()): a series with no labels.
      return vector ? without(vector, ['__name__']) : args.length === 0 ? only([]) : none;
    }
  }
}

function equalityMatcherNames(expr: string, arg: PromqlNode | undefined): string[] {
  let selector: PromqlNode | null | undefined = arg;
  while (selector && selector.name !== 'VectorSelector') selector = selector.firstChild;
  const matchers = selector?.getChild('LabelMatchers');
  if (!matchers) return [];
  return children(matchers)
    .filter((m) => m.getChild('MatchOp')?.firstChild?.name === 'EqlSingle')
    .map((m) => m.getChild('LabelName') ?? m.getChild('QuotedLabelName'))
    .filter((name): name is PromqlNode => name !== null)
    .map((name) => unquote(expr.slice(name.from, name.to)))
    .filter((name) => name !== '__name__');
}

function binary(expr: string, node: PromqlNode, next: (n: PromqlNode | undefined) => KeptLabels) {
  const parts = children(node).filter(
    (c) => c.name !== 'BoolModifier' && c.name !== 'MatchingModifierClause',
  );
  const [leftNode, operator, rightNode] = parts;
  const left = next(leftNode);
  const right = next(rightNode);
  const op = operator?.name ?? '';
  if (op === 'And' || op === 'Unless') return left;
  if (op === 'Or') return union(left, right);
  const comparisonFilter =
    ['Eql', 'Neq', 'Gtr', 'Gte', 'Lss', 'Lte'].includes(op) && !node.getChild('BoolModifier');
  const dropName = (kept: KeptLabels) => (comparisonFilter ? kept : without(kept, ['__name__']));
  if (left.kind === 'none') return dropName(right);
  if (right.kind === 'none') return dropName(left);
  const matching = node.getChild('MatchingModifierClause');
  const groups = matching?.getChildren('GroupingLabels') ?? [];
  const matchLabels = groupingLabels(expr, groups[0]);
  const include = groupingLabels(expr, groups[1]);
  if (matching?.getChild('GroupLeft')) return adding(dropName(left), include);
  if (matching?.getChild('GroupRight')) return adding(dropName(right), include);
  if (matching?.getChild('On')) return only(matchLabels);
  return without(dropName(left), matchLabels);
}
