// Splits a runbook's top-level blocks into sections by their headings. Headings may be at any
// level; a deeper heading inside a section is a group ("### Immediate" under Mitigation) unless it is
// plainly another section's name. A "References" / "See also" heading opens a list of links at any
// level. Blocks inside <details> stay in their section but are marked as collapsed extras (with the
// <summary> text), so they are shown with what precedes them and never become steps of their own.
import type { Heading, Root, RootContent } from 'mdast';
import { htmlText } from './block-text.js';
import { isFrontMatter, plainText } from './markdown.js';
import { isBareSectionName, isReferencesName, sectionOf, type SectionKind } from './sections.js';

/** A run of blocks under one heading. */
export interface Segment {
  /**
   * `intro`: before the first heading; `other`: under a heading that is no section sitrep knows;
   * `references`: under a "References" / "See also" heading.
   */
  readonly kind: SectionKind | 'intro' | 'other' | 'references';
  readonly group: string | undefined;
  /** The heading that opened the section (or group), if any. */
  readonly heading: Heading | undefined;
  /**
   * Headings above this one that hold no text of their own ("### Group Name: storage" right over
   * "#### Alert Name: DiskFull"), outermost first: shown with this heading so their words are kept.
   */
  readonly trail: readonly string[];
  readonly blocks: RootContent[];
  /**
   * Blocks that sit inside `<details>`, each mapped to the `<summary>` text when it is the first
   * block of its details (else to undefined).
   */
  readonly extras: Map<RootContent, string | undefined>;
}

/** The document's title heading and its segments in order. */
export interface Outline {
  /** The first level-1 heading that is not a section name. */
  readonly title: string | undefined;
  readonly headingCount: number;
  readonly segments: readonly Segment[];
}

/** Reads the outline of a parsed runbook (front matter excluded). */
export function outline(tree: Root, source = ''): Outline {
  const segments: Segment[] = [];
  let title: string | undefined;
  let headingCount = 0;
  // The headings above the current one (deepest last), each with its segment.
  let ancestors: { depth: number; text: string; segment: Segment; shown: boolean }[] = [];
  let trail: string[] = [];
  const open = (kind: Segment['kind'], group: string | undefined, heading: Heading | undefined) => {
    const segment: Segment = { kind, group, heading, trail, blocks: [], extras: new Map() };
    segments.push(segment);
    return segment;
  };
  let current = open('intro', undefined, undefined);
  // The section the current segment belongs to, and the depth of its heading.
  let section: { kind: SectionKind; depth: number } | undefined;
  let detailsDepth = 0;
  let summary: string | undefined;
  for (const block of tree.children) {
    if (isFrontMatter(block)) continue;
    if (block.type === 'heading' && section && isUnderlinedLine(block, source)) {
      // `Some text` over a `---` line is a heading to Markdown, but inside a section it is almost
      // always a paragraph followed by a rule: keep it as text of the section.
      current.blocks.push(block);
      continue;
    }
    if (block.type === 'heading') {
      headingCount += 1;
      detailsDepth = 0;
      const text = plainText(block);
      const kind = sectionOf(text);
      ancestors = ancestors.filter((ancestor) => ancestor.depth < block.depth);
      trail = ancestors
        .filter((ancestor) => ancestor.shown && ancestor.segment.blocks.length === 0)
        .map((ancestor) => ancestor.text);
      const titleBefore = title;
      if (isReferencesName(text)) {
        current = open('references', text, block);
      } else if (
        section &&
        block.depth > section.depth &&
        !(kind && kind !== section.kind && isBareSectionName(text))
      ) {
        current = open(section.kind, [...trail, text].join(' · '), block);
      } else {
        if (!kind && block.depth === 1 && title === undefined) title = text;
        current = open(kind ?? 'other', undefined, block);
        section = kind ? { kind, depth: block.depth } : undefined;
      }
      // A section's own heading and the title are shown anyway; a group's or another heading's
      // words are kept through the trail of the headings under it when it has no text itself.
      const shown =
        current.kind !== 'references' && (current.group !== undefined || (!kind && titleBefore === title));
      ancestors.push({ depth: block.depth, text, segment: current, shown });
      continue;
    }
    if (block.type === 'html') {
      const opens = detailsChange(block.value);
      if (opens > 0) detailsDepth += opens;
      if (detailsDepth > 0) summary = summaryOf(block.value) ?? summary;
      // An HTML block with words (`<p>Check the <b>iostat</b> output.</p>`) is text of its section.
      if (htmlText(block.value) !== '') {
        current.blocks.push(block);
        if (detailsDepth > 0) {
          current.extras.set(block, summary);
          summary = undefined;
        }
      }
      if (opens < 0) detailsDepth = Math.max(0, detailsDepth + opens);
      continue;
    }
    current.blocks.push(block);
    if (detailsDepth > 0) {
      current.extras.set(block, summary);
      summary = undefined;
    }
  }
  return { title, headingCount, segments };
}

// A level-2 setext heading (a line underlined with `---`) that names no section.
function isUnderlinedLine(heading: Heading, source: string): boolean {
  const start = heading.position?.start.offset;
  if (heading.depth !== 2 || start === undefined || source[start] === '#') return false;
  const text = plainText(heading);
  return sectionOf(text) === undefined && !isReferencesName(text);
}

// How many <details> an HTML block opens minus how many it closes.
function detailsChange(html: string): number {
  const lower = html.toLowerCase();
  const count = (needle: string) => lower.split(needle).length - 1;
  return count('<details') - count('</details');
}

// The words of a <summary> element in an HTML block, without tags.
function summaryOf(html: string): string | undefined {
  const match = /<summary[^>]*>([\s\S]*?)<\/summary>/i.exec(html);
  const text = match?.[1]
    ?.replace(/<[^>]*>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return text ? text : undefined;
}
