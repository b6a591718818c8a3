// Reference links ("See also", "Additional resources"): each list item or paragraph is one entry,
// with its words and its first link target. Also the targets of link reference definitions.
import type { Nodes, Root } from 'mdast';
import { plainText, startOf, walk } from './markdown.js';
import type { Segment } from './outline.js';
import type { RunbookLink } from './runbook.js';

/** One link per entry (list item or paragraph), labelled with what introduced them. */
export function linksOf(entries: readonly Nodes[], label: string): RunbookLink[] {
  const links: RunbookLink[] = [];
  for (const entry of entries) {
    const text = wordsOf(entry);
    const url = firstUrl(entry);
    if (text === '' && url === undefined) continue;
    links.push({ label, text: text === '' ? (url ?? '') : text, url, position: startOf(entry) });
  }
  return links;
}

function firstUrl(node: Nodes): string | undefined {
  let url: string | undefined;
  walk(node, (child) => {
    if (url !== undefined) return false;
    if (child.type === 'link' && child.url !== '') url = child.url;
    return true;
  });
  return url;
}

// The entry's words: text and code, with a space between blocks (plainText would run them together).
function wordsOf(node: Nodes): string {
  let out = '';
  walk(node, (child) => {
    if (child.type === 'text' || child.type === 'inlineCode') out += child.value;
    else if (child.type === 'paragraph' || child.type === 'break' || child.type === 'listItem') out += ' ';
  });
  return out.replace(/\s+/g, ' ').trim();
}

/** A "References" / "See also" section: one link per list item or paragraph. */
export function referenceLinks(segment: Segment): RunbookLink[] {
  const label = segment.heading ? plainText(segment.heading) : 'Links';
  const entries = segment.blocks.flatMap((block): Nodes[] =>
    block.type === 'list' ? block.children : block.type === 'paragraph' ? [block] : [],
  );
  return linksOf(entries, label);
}

/**
 * Link reference definitions (`[dr-guide]: https://…`, used as `[the guide][dr-guide]`): the
 * targets of the text's reference links, listed as links. `[//]: # "…"` (a comment) is none.
 */
export function definitionLinks(tree: Root): RunbookLink[] {
  const links: RunbookLink[] = [];
  walk(tree, (node) => {
    if (node.type !== 'definition') return true;
    if (node.url !== '' && !node.url.startsWith('#')) {
      const text = node.label ?? node.identifier;
      links.push({ label: 'Link references', text, url: node.url, position: startOf(node) });
    }
    return false;
  });
  return links;
}
