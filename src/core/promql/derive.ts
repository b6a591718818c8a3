// Rewrites of an alert's value expression, made on the PromQL grammar's syntax tree (never with
// regexes): the same expression narrowed to one alert's labels, shifted back in time with `offset`,
// the inputs of its aggregations, and its selectors. The automatic checks are built from these.
//
// Narrowing pushes `label="value"` matchers down into the selectors only where Prometheus's
// evaluation carries that label unchanged from the selector to the result: through `by (label)` but
// not `by (other)`, through a binary operation only on the labels it matches on, never through
// label_replace's target or into `scalar()`. Pushed that way a matcher removes whole groups and
// never part of one, so no value changes — the series of other alerts are simply not fetched.
// Where a node is not understood nothing is pushed below it: a broader query, never a wrong one.
// (Over 300 lines because it is one walk over the tree with a rule per kind of node, all feeding the
// same edits, selectors and aggregations; prettier's line breaks account for much of the length.)
import type { LabelSet } from '../alerts/alert.js';
import { quoteString } from './escape.js';
import { parseWholeExpression, type PromqlNode } from './parse.js';

/** The input of one aggregation (`sum by (server) (…)`), narrowed, for a `topk` breakdown. */
export interface AggregationInput {
  /** The aggregation as written, without its input: `sum by (server)`. */
  readonly aggregation: string;
  /** The aggregation's operator: `sum`, `max`, … */
  readonly operator: string;
  /** Its input expression, narrowed. */
  readonly input: string;
  /** `histogram_quantile(0.99, …)` around the aggregation: the input wrapped in it (per series quantile). */
  readonly quantileOf: string | undefined;
}

/** One selector of the expression, narrowed. */
export interface DerivedSelector {
  /** The metric name; undefined for a selector written only with matchers. */
  readonly metric: string | undefined;
  /** The instant selector, narrowed, without range or offset: `x{job="a",server="web1"}`. */
  readonly selector: string;
}

/** What can be derived from an expression for one alert. */
export interface DerivedExpression {
  /** The expression with the alert's labels pushed into its selectors. */
  readonly narrowed: string;
  /** The narrowed expression with `offset <duration>` on every selector; undefined when it already uses offset or `@`. */
  readonly shifted: (duration: string) => string | undefined;
  /** The outermost aggregations' inputs (none inside absent()). */
  readonly aggregations: readonly AggregationInput[];
  /** Every selector, narrowed where the label reaches it, in order, without duplicates. */
  readonly selectors: readonly DerivedSelector[];
}

interface Edit {
  readonly at: number;
  readonly text: string;
  /** Order of edits at the same offset: a selector's matchers before its offset. */
  readonly rank: number;
}

type Pushed = ReadonlyMap<string, string>;

const maxDepth = 200;
// Label names Prometheus 2 accepts unquoted; others (UTF-8 names) are never pushed.
const plainLabelName = /^[a-zA-Z_][a-zA-Z0-9_]*$/;
const aggregating = new Set(['Sum', 'Avg', 'Min', 'Max', 'Count', 'Stddev', 'Stdvar', 'Group', 'Quantile']);

/**
 * Derives the rewrites of `expr` for an alert with `labels` (the names in `ignore` — the rule's own
 * labels, `alertname` — are never pushed: the series do not carry them). Undefined when it does not parse.
 */
export function deriveExpression(
  expr: string,
  labels: LabelSet,
  ignore: readonly string[] = [],
): DerivedExpression | undefined {
  const first = parseWholeExpression(expr);
  if (!first) return undefined;
  const skip = new Set([...ignore, 'alertname', '__name__']);
  const pushed = new Map(
    Object.entries(labels).filter(([name]) => !skip.has(name) && plainLabelName.test(name)),
  );
  const walk = new Walk(expr);
  walk.visit(first, pushed, 0, false);
  const narrowed = apply(expr, first.from, first.to, walk.narrowing);
  return {
    narrowed,
    shifted: (duration) =>
      walk.cannotShift
        ? undefined
        : apply(expr, first.from, first.to, [...walk.narrowing, ...walk.offsets(duration)]),
    aggregations: walk.aggregations.map((found) => ({
      ...found,
      input: apply(expr, found.node.from, found.node.to, walk.narrowing),
      quantileOf: found.quantile,
    })),
    selectors: dedupe(
      walk.selectors.map((node) => ({
        metric: metricName(expr, node),
        selector: apply(expr, node.from, node.to, walk.narrowing),
      })),
    ),
  };
}

/** `expr[from, to)` with the edits that fall inside it applied. */
function apply(expr: string, from: number, to: number, edits: readonly Edit[]): string {
  const inside = edits
    .filter((edit) => edit.at >= from && edit.at <= to)
    .sort((a, b) => a.at - b.at || a.rank - b.rank);
  let out = '';
  let at = from;
  for (const edit of inside) {
    out += expr.slice(at, edit.at) + edit.text;
    at = edit.at;
  }
  return (out + expr.slice(at, to)).trim();
}

function dedupe(selectors: DerivedSelector[]): DerivedSelector[] {
  const seen = new Set<string>();
  return selectors.filter((s) => !seen.has(s.selector) && seen.add(s.selector));
}

function children(node: PromqlNode): PromqlNode[] {
  const list: PromqlNode[] = [];
  for (let child = node.firstChild; child; child = child.nextSibling) {
    if (child.name !== 'LineComment') list.push(child);
  }
  return list;
}

function unquote(text: string): string {
  return /^["'`]/.test(text) ? text.slice(1, -1) : text;
}

function metricName(expr: string, selector: PromqlNode): string | undefined {
  const identifier = selector.getChild('Identifier');
  return identifier ? expr.slice(identifier.from, identifier.to) : undefined;
}

function keep(pushed: Pushed, names: readonly string[]): Pushed {
  return new Map([...pushed].filter(([name]) => names.includes(name)));
}

function drop(pushed: Pushed, names: readonly string[]): Pushed {
  return new Map([...pushed].filter(([name]) => !names.includes(name)));
}

const nothing: Pushed = new Map();

interface FoundAggregation {
  readonly aggregation: string;
  readonly operator: string;
  readonly node: PromqlNode;
  readonly quantile: string | undefined;
}

class Walk {
  readonly narrowing: Edit[] = [];
  readonly selectors: PromqlNode[] = [];
  readonly aggregations: FoundAggregation[] = [];
  /** An offset or `@` is there already, or a node not understood: `shifted` gives nothing. */
  cannotShift = false;
  private readonly offsetPoints: number[] = [];
  // The φ of histogram_quantile(φ, …) whose argument is being visited (through parentheses only).
  private quantile: string | undefined;

  constructor(private readonly expr: string) {}

  offsets(duration: string): Edit[] {
    return this.offsetPoints.map((at) => ({ at, text: ` offset ${duration}`, rank: 1 }));
  }

  private text(node: PromqlNode): string {
    return this.expr.slice(node.from, node.to);
  }

  private grouping(node: PromqlNode | null | undefined): string[] {
    return node ? children(node).map((label) => unquote(this.text(label))) : [];
  }

  visit(node: PromqlNode, pushed: Pushed, depth: number, insideAggregation: boolean): void {
    if (depth > maxDepth) return;
    const next = (child: PromqlNode | undefined, labels: Pushed, inAggregation = insideAggregation) => {
      if (child) this.visit(child, labels, depth + 1, inAggregation);
    };
    const quantile = this.quantile;
    if (node.name !== 'ParenExpr') this.quantile = undefined;
    switch (node.name) {
      case 'VectorSelector':
        this.selector(node, pushed);
        this.offsetPoints.push(node.to);
        return;
      case 'MatrixSelector': {
        const selector = node.getChild('VectorSelector');
        if (selector) this.selector(selector, pushed);
        this.offsetPoints.push(node.to);
        return;
      }
      case 'OffsetExpr':
      case 'StepInvariantExpr':
        this.cannotShift = true;
        return next(children(node)[0], pushed);
      case 'ParenExpr':
        this.quantile = quantile;
        return next(children(node)[0], pushed);
      case 'SubqueryExpr':
        return next(children(node)[0], pushed);
      case 'UnaryExpr':
        return next(children(node).at(-1), pushed);
      case 'AggregateExpr':
        return this.aggregate(node, pushed, next, insideAggregation, quantile);
      case 'FunctionCall':
        return this.functionCall(node, pushed, next);
      case 'BinaryExpr':
        return this.binary(node, pushed, next);
      case 'NumberDurationLiteral':
      case 'StringLiteral':
        return;
      default:
        // Not understood (a newer grammar's node): its selectors are not narrowed, nor shifted.
        this.cannotShift = true;
        for (const child of children(node)) next(child, nothing);
    }
  }

  private selector(node: PromqlNode, pushed: Pushed): void {
    this.selectors.push(node);
    const matchers = node.getChild('LabelMatchers');
    const present = new Set(
      (matchers ? children(matchers) : [])
        .filter((m) => m.getChild('MatchOp')?.firstChild?.name === 'EqlSingle')
        .map((m) => m.getChild('LabelName') ?? m.getChild('QuotedLabelName'))
        .filter((name): name is PromqlNode => name !== null)
        .map((name) => unquote(this.text(name))),
    );
    const added = [...pushed]
      .filter(([name]) => !present.has(name))
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([name, value]) => `${name}=${quoteString(value)}`);
    if (added.length === 0) return;
    if (!matchers) {
      this.narrowing.push({ at: node.to, text: `{${added.join(', ')}}`, rank: 0 });
      return;
    }
    const body = this.expr.slice(matchers.from + 1, matchers.to - 1).trim();
    const separator = body === '' || body.endsWith(',') ? '' : ', ';
    this.narrowing.push({ at: matchers.to - 1, text: `${separator}${added.join(', ')}`, rank: 0 });
  }

  private aggregate(
    node: PromqlNode,
    pushed: Pushed,
    next: (child: PromqlNode | undefined, labels: Pushed, inAggregation?: boolean) => void,
    insideAggregation: boolean,
    quantile: string | undefined,
  ): void {
    const opNode = node.getChild('AggregateOp');
    const op = opNode?.firstChild?.name ?? '';
    const args = children(node.getChild('FunctionCallBody') ?? node);
    const input = args.at(-1);
    if (['Topk', 'Bottomk', 'LimitK', 'LimitRatio'].includes(op)) return next(input, pushed);
    const modifier = node.getChild('AggregateModifier');
    const grouping = this.grouping(modifier?.getChild('GroupingLabels'));
    let inner = modifier?.getChild('Without')
      ? drop(pushed, grouping)
      : keep(pushed, modifier?.getChild('By') ? grouping : []);
    if (op === 'CountValues') {
      const target = args[0];
      inner = target?.name === 'StringLiteral' ? drop(inner, [unquote(this.text(target))]) : nothing;
    }
    if (!insideAggregation && aggregating.has(op) && input && opNode) {
      const opText = this.text(opNode);
      this.aggregations.push({
        aggregation: modifier ? `${opText} ${this.text(modifier)}` : opText,
        operator: opText.toLowerCase(),
        node: input,
        quantile,
      });
    }
    next(input, inner, true);
  }

  private functionCall(
    node: PromqlNode,
    pushed: Pushed,
    next: (child: PromqlNode | undefined, labels: Pushed) => void,
  ): void {
    const fn = node.getChild('FunctionIdentifier')?.firstChild?.name ?? '';
    const args = children(node.getChild('FunctionCallBody') ?? node);
    const literal = (index: number) => {
      const arg = args[index];
      return arg?.name === 'StringLiteral' ? unquote(this.text(arg)) : undefined;
    };
    switch (fn) {
      case 'LabelReplace':
      case 'LabelJoin': {
        const target = literal(1);
        return next(args[0], target === undefined ? nothing : drop(pushed, [target]));
      }
      case 'Absent':
      case 'AbsentOverTime':
      case 'Scalar':
      case 'Vector':
        // Their result does not carry the input's labels (absent's come from its matchers).
        for (const arg of args) next(arg, nothing);
        return;
      case 'HistogramQuantile': {
        const [phi, histogram] = args;
        if (phi) next(phi, nothing);
        this.quantile = phi && phi.name === 'NumberDurationLiteral' ? this.text(phi) : undefined;
        next(histogram, drop(pushed, ['le']));
        this.quantile = undefined;
        return;
      }
      case 'HistogramFraction':
        return args.forEach((arg, index) => next(arg, index === 2 ? drop(pushed, ['le']) : nothing));
      default:
        for (const arg of args) next(arg, pushed);
    }
  }

  private binary(
    node: PromqlNode,
    pushed: Pushed,
    next: (child: PromqlNode | undefined, labels: Pushed) => void,
  ): void {
    const parts = children(node).filter(
      (c) => c.name !== 'BoolModifier' && c.name !== 'MatchingModifierClause',
    );
    const [left, operator, right] = parts;
    const matching = node.getChild('MatchingModifierClause');
    const groups = matching?.getChildren('GroupingLabels') ?? [];
    const matchLabels = this.grouping(groups[0]);
    const include = this.grouping(groups[1]);
    // The labels both sides are matched on: only those reach both.
    const matched = matching?.getChild('On')
      ? keep(pushed, matchLabels)
      : matching?.getChild('Ignoring')
        ? drop(pushed, matchLabels)
        : pushed;
    const op = operator?.name ?? '';
    if (op === 'And' || op === 'Unless' || op === 'Or') {
      next(left, pushed);
      next(right, matched);
    } else if (matching?.getChild('GroupLeft')) {
      next(left, drop(pushed, include));
      next(right, matched);
    } else if (matching?.getChild('GroupRight')) {
      next(left, matched);
      next(right, drop(pushed, include));
    } else {
      next(left, matched);
      next(right, matched);
    }
  }
}
