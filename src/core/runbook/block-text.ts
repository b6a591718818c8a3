// The text of a block as the author wrote it (markdown), minus what sitrep does not show: images,
// raw HTML and comments (`<!-- … -->`, and `[//]: # "…"`, which is a link reference definition to
// markdown, as are all definitions: they render as nothing), Hugo shortcodes, and the probes' own
// code blocks (shown as probes).
import type { Nodes } from 'mdast';
import { spanOf, walk } from './markdown.js';

/** Options for blockText. */
export interface BlockTextOptions {
  /** Also leave out ```promql code blocks (a step's probes are shown separately). */
  readonly withoutProbes?: boolean;
  /** Start here instead of at the node's start (e.g. after a list item's marker). */
  readonly from?: number;
}

/** The node's markdown source with skipped parts removed, dedented and trimmed. */
export function blockText(source: string, node: Nodes, options: BlockTextOptions = {}): string {
  const [start, end] = spanOf(node);
  const from = options.from ?? start;
  // Each part left out, with what stands in for it (the words of an HTML block).
  const drops: [number, number, string][] = [];
  walk(node, (child) => {
    if (child.type === 'html' && !isPlaceholder(child.value)) {
      drops.push([...spanOf(child), htmlText(child.value)]);
      return false;
    }
    if (child.type === 'image' || child.type === 'imageReference' || child.type === 'definition') {
      drops.push([...spanOf(child), '']);
      return false;
    }
    if (options.withoutProbes && child.type === 'code' && isProbeBlock(child)) {
      drops.push([...spanOf(child), '']);
      return false;
    }
    return true;
  });
  let text = '';
  let position = from;
  for (const [dropFrom, dropTo, instead] of drops.sort((a, b) => a[0] - b[0])) {
    if (dropTo <= position) continue;
    text += source.slice(position, Math.max(position, dropFrom)) + instead;
    position = dropTo;
  }
  text += source.slice(position, end);
  // A setext heading's underline is layout.
  if (node.type === 'heading') text = text.replace(/\n[ \t]*(?:-+|=+)[ \t]*$/, '');
  return tidy(dedent(withoutShortcodes(text)));
}

// Elements a runbook's author may write as HTML; any other `<word>` is a placeholder.
const htmlElements = new Set(
  (
    'a abbr b big blockquote br caption center cite code col dd del details dfn div dl dt em figcaption ' +
    'figure font h1 h2 h3 h4 h5 h6 hr i img ins kbd li mark ol p picture pre q s samp section small source ' +
    'span strike strong sub summary sup table tbody td tfoot th thead tr tt u ul var video'
  ).split(' '),
);

/**
 * True for `<host-name>`, `<cluster-id>`, `<iface>`: Markdown reads them as HTML tags, but in a
 * runbook they stand for a value the reader fills in (`ethtool -S <iface>`), so they are text.
 */
export function isPlaceholder(html: string): boolean {
  const match = /^<\/?([A-Za-z][A-Za-z0-9-]*)>$/.exec(html);
  return match !== null && !htmlElements.has((match[1] ?? '').toLowerCase());
}

const entities: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  '#39': "'",
};

/**
 * The words of raw HTML (`<p>Check the <b>iostat</b> output.</p>`): tags, comments and a
 * `<summary>` (shown as the heading of its details) left out, placeholders (`<host-name>`) and line
 * breaks kept, common entities decoded. Empty for markup alone (`<details>`, `<img …>`).
 */
export function htmlText(html: string): string {
  return html
    .replace(/<!--[\s\S]*?(?:-->|$)/g, ' ')
    .replace(/<summary[^>]*>[\s\S]*?<\/summary>/gi, ' ')
    .replace(/<\/?[A-Za-z][^>]*>/g, (tag) => (isPlaceholder(tag) ? tag : ' '))
    .replace(/&(amp|lt|gt|quot|apos|nbsp|#39);/g, (_entity, name: string) => entities[name] ?? '')
    .split('\n')
    .map((line) => line.replace(/[ \t]+/g, ' ').trim())
    .filter((line) => line !== '')
    .join('\n');
}

/** True for a ```promql block. */
export function isProbeBlock(node: Nodes): boolean {
  return node.type === 'code' && (node.lang ?? '').toLowerCase() === 'promql';
}

/**
 * Removes Hugo shortcodes (`{{% name args %}}`, `{{< name args >}}`): they render as something else
 * on a website and mean nothing in a terminal. A `ref` or `relref` shortcode (a link to another
 * page of the site) is read as the page it names: `[Disk full]({{< ref "./DiskFull.md" >}})` is
 * `[Disk full](./DiskFull.md)`.
 */
export function withoutShortcodes(text: string): string {
  let out = '';
  let position = 0;
  for (let open = text.indexOf('{{', position); open !== -1; open = text.indexOf('{{', position)) {
    const kind = text[open + 2];
    const closer = kind === '%' ? '%}}' : kind === '<' ? '>}}' : undefined;
    const close = closer === undefined ? -1 : text.indexOf(closer, open + 3);
    if (closer === undefined || close === -1) {
      out += text.slice(position, open + 2);
      position = open + 2;
      continue;
    }
    out += text.slice(position, open) + (pageOf(text.slice(open + 3, close)) ?? '');
    position = close + closer.length;
  }
  return out + text.slice(position);
}

// The page a `ref` / `relref` shortcode's inside (` ref "./X.md" `) names.
function pageOf(inside: string): string | undefined {
  const match = /^\s*(?:rel)?ref\s+(?:"([^"\n]*)"|'([^'\n]*)'|([^\s"']+))\s*$/.exec(inside);
  return match ? (match[1] ?? match[2] ?? match[3]) : undefined;
}

/**
 * Continuation lines of a list item keep the item's indentation in the source; this removes the
 * common part (of every line but the first) so nested bullets read as they were meant. Tabs count as
 * four columns.
 */
export function dedent(text: string): string {
  const [first = '', ...rest] = text.split('\n');
  const widths = rest.filter((line) => line.trim() !== '').map((line) => indentWidth(line));
  const common = widths.length === 0 ? 0 : widths.reduce((a, b) => Math.min(a, b));
  return [first, ...rest.map((line) => stripColumns(line, common))].join('\n');
}

function indentWidth(line: string): number {
  let width = 0;
  for (const char of line) {
    if (char === ' ') width += 1;
    else if (char === '\t') width += 4 - (width % 4);
    else break;
  }
  return width;
}

function stripColumns(line: string, columns: number): string {
  let width = 0;
  let index = 0;
  while (index < line.length && width < columns) {
    const char = line[index];
    if (char === ' ') width += 1;
    else if (char === '\t') width += 4 - (width % 4);
    else break;
    index += 1;
  }
  return line.slice(index);
}

function tidy(text: string): string {
  return text
    .split('\n')
    .map((line) => line.trimEnd())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
