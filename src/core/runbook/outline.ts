// Splits a runbook's top-level blocks into sections by their headings. Headings may be at any
// level; a deeper heading inside a section is a group ("### Immediate" under Mitigation) unless it is
// plainly another section's name. <details> blocks are skipped: on a web page they are collapsed
// extras, and in a checklist they would be noise.
import type { Heading, Root, RootContent } from 'mdast';
import { plainText } from './markdown.js';
import { isBareSectionName, sectionOf, type SectionKind } from './sections.js';

/** A run of blocks under one heading. */
export interface Segment {
  /** `intro`: before the first heading; `other`: under a heading that is no section sitrep knows. */
  readonly kind: SectionKind | 'intro' | 'other';
  readonly group: string | undefined;
  /** The heading that opened the section (or group), if any. */
  readonly heading: Heading | undefined;
  readonly blocks: RootContent[];
}

/** The document's title heading and its segments in order. */
export interface Outline {
  /** The first level-1 heading that is not a section name. */
  readonly title: string | undefined;
  readonly headingCount: number;
  readonly segments: readonly Segment[];
}

/** Reads the outline of a parsed runbook (front matter excluded). */
export function outline(tree: Root): Outline {
  const segments: Segment[] = [];
  let title: string | undefined;
  let headingCount = 0;
  let current: Segment = { kind: 'intro', group: undefined, heading: undefined, blocks: [] };
  let sectionDepth = 0;
  let detailsDepth = 0;
  segments.push(current);
  for (const block of tree.children) {
    if (block.type === 'yaml') continue;
    if (block.type === 'heading') {
      headingCount += 1;
      detailsDepth = 0;
      const text = plainText(block);
      const kind = sectionOf(text);
      const inSection = current.kind !== 'intro' && current.kind !== 'other';
      if (
        inSection &&
        block.depth > sectionDepth &&
        !(kind && kind !== current.kind && isBareSectionName(text))
      ) {
        current = { kind: current.kind, group: text, heading: block, blocks: [] };
      } else {
        if (!kind && block.depth === 1 && title === undefined) title = text;
        current = { kind: kind ?? 'other', group: undefined, heading: block, blocks: [] };
        sectionDepth = block.depth;
      }
      segments.push(current);
      continue;
    }
    if (block.type === 'html') {
      detailsDepth = Math.max(0, detailsDepth + detailsChange(block.value));
      continue;
    }
    if (detailsDepth === 0) current.blocks.push(block);
  }
  return { title, headingCount, segments };
}

// How many <details> an HTML block opens minus how many it closes.
function detailsChange(html: string): number {
  const lower = html.toLowerCase();
  const count = (needle: string) => lower.split(needle).length - 1;
  return count('<details') - count('</details');
}
