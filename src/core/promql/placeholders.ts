// Finding the `{{ $labels.NAME }}` placeholders of a probe query and what kind of PromQL text each
// sits in. The query's own syntax tree decides (a placeholder inside a string literal leaves the
// query parseable), so a `=~` three lines up or a `"` inside another string never confuses it.
import { parsePromql, type PromqlNode } from './parse.js';

/** A string literal in the query: its span (quotes included) and its quote character. */
export interface StringLiteralSpan {
  readonly from: number;
  readonly to: number;
  readonly quote: '"' | "'" | '`';
}

/**
 * What a placeholder stands in. `string`: a label value compared with `=`/`!=`, or any other string
 * argument. `regex`: a regular expression (after `=~`/`!~`, or label_replace's regex argument), so
 * the value is escaped as a regex too. `comment`: left as written.
 */
export type PlaceholderContext =
  | { readonly kind: 'string'; readonly literal: StringLiteralSpan }
  | { readonly kind: 'regex'; readonly literal: StringLiteralSpan }
  | { readonly kind: 'comment' };

/** One `{{ $labels.NAME }}` (or `{{$labels.NAME}}`, `{{ .Labels.NAME }}`) in a query. */
export interface Placeholder {
  readonly label: string;
  /** 0-based offsets of the whole `{{ … }}` in the query. */
  readonly from: number;
  readonly to: number;
  readonly context: PlaceholderContext;
}

/** A placeholder sitrep can not fill safely, located by its 0-based offset in the query. */
export interface PlaceholderProblem {
  readonly offset: number;
  readonly message: string;
}

/** Every placeholder of a query with its context, and those that can not be filled. */
export interface PlaceholderScan {
  readonly placeholders: readonly Placeholder[];
  readonly problems: readonly PlaceholderProblem[];
}

const labelName = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Scans a probe query for label placeholders. Pure; works on queries that do not parse, too. */
export function scanPlaceholders(query: string): PlaceholderScan {
  const placeholders: Placeholder[] = [];
  const problems: PlaceholderProblem[] = [];
  const regions = textRegions(query);
  for (let open = query.indexOf('{{'); open !== -1; open = query.indexOf('{{', open + 2)) {
    const close = query.indexOf('}}', open + 2);
    if (close === -1) break;
    const to = close + 2;
    const inner = query
      .slice(open + 2, close)
      .replace(/^-\s/, '')
      .replace(/\s-$/, '')
      .trim();
    const label = /^(?:\$labels|\.Labels)\.(.*)$/.exec(inner)?.[1];
    const raw = query.slice(open, to);
    const context = regions.find((region) => region.from < open && to <= region.to);
    if (label === undefined || !labelName.test(label)) {
      // `{{2}}` inside a regex is a quantifier, not a template; only `$…` and `.…` are templates.
      if (/^[$.]/.test(inner) && context?.context.kind !== 'comment') {
        problems.push({
          offset: open,
          message: `only {{ $labels.NAME }} can be filled in a probe, not ${raw}`,
        });
      }
      open = close;
      continue;
    }
    if (!context) {
      problems.push({
        offset: open,
        message: `${raw} must sit inside a quoted string, e.g. server="${raw}": a label value is never pasted into PromQL as code`,
      });
    } else if (context.labelName) {
      problems.push({ offset: open, message: `${raw} can not stand in a label name, only in a label value` });
    } else {
      placeholders.push({ label, from: open, to, context: context.context });
    }
    open = close;
  }
  return { placeholders, problems };
}

interface Region {
  readonly from: number;
  readonly to: number;
  readonly context: PlaceholderContext;
  readonly labelName: boolean;
}

// The string literals and comments of the query, each with what a placeholder inside it means.
function textRegions(query: string): Region[] {
  const regions: Region[] = [];
  const cursor = parsePromql(query).cursor();
  do {
    if (cursor.name === 'LineComment') {
      regions.push({ from: cursor.from, to: cursor.to, context: { kind: 'comment' }, labelName: false });
    } else if (cursor.name === 'StringLiteral') {
      const quote = query[cursor.from];
      if (quote !== '"' && quote !== "'" && quote !== '`') continue;
      const literal: StringLiteralSpan = { from: cursor.from, to: cursor.to, quote };
      const node = cursor.node;
      const kind = isRegex(node) ? 'regex' : 'string';
      regions.push({
        from: cursor.from,
        to: cursor.to - 1,
        context: { kind, literal },
        labelName: node.parent?.name === 'QuotedLabelName',
      });
    }
  } while (cursor.next());
  return regions;
}

function isRegex(literal: PromqlNode): boolean {
  const parent = literal.parent;
  if (!parent) return false;
  if (parent.name === 'UnquotedLabelMatcher' || parent.name === 'QuotedLabelMatcher') {
    const op = parent.getChild('MatchOp')?.firstChild?.name;
    return op === 'EqlRegex' || op === 'NeqRegex';
  }
  // label_replace(v, dst, replacement, src, regex): the fifth argument is an anchored regex.
  if (parent.name === 'FunctionCallBody' && parent.parent?.name === 'FunctionCall') {
    const fn = parent.parent.getChild('FunctionIdentifier')?.firstChild?.name;
    if (fn !== 'LabelReplace') return false;
    const args = parent.getChildren('StringLiteral');
    return args[3]?.from === literal.from;
  }
  return false;
}
