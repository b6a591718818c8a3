// Turns the blocks of Diagnosis and Mitigation into checklist steps, remarks and links, losing no
// text and inventing no step. Each list item is one step (numbered or bulleted, task items too), with
// its nested sub-items and code as part of it; a paragraph whose lines are numbered without a space
// (`1.Restart`) is read as such a list. A paragraph that introduces a list ("Check these in order:")
// is the steps' lead line (shown as their group); one that introduces examples ("Look for common
// causes, such as:") is one step together with its bullets; one that introduces links ("See also:")
// makes them links. Any other paragraph is a step when it instructs (or when the section has no list
// at all), else a remark shown with the section. A ```promql block belongs to the item it is nested
// in, or else to the step just before it. <details> content goes with the step before it.
import type { List, Nodes, RootContent } from 'mdast';
import type { ProbeSpec } from '../probe/probe-spec.js';
import { blockText, dedent, isProbeBlock } from './block-text.js';
import { instructs, introducesExamples } from './instructs.js';
import { linksOf } from './links.js';
import { plainText, spanOf, startOf, walk } from './markdown.js';
import type { Segment } from './outline.js';
import { defaultTitle, probeFromCode, queryHeadline } from './probe-block.js';
import type {
  RunbookLink,
  RunbookProblem,
  SectionNote,
  SourcePosition,
  Step,
  StepSection,
} from './runbook.js';
import { isReferencesName } from './sections.js';
import { appendAll } from '../bounded.js';

interface Draft {
  text: string;
  probes: ProbeSpec[];
  readonly group: string | undefined;
  readonly position: SourcePosition;
}

/** What one section holds besides its heading. */
export interface SectionRead {
  readonly steps: Step[];
  readonly notes: SectionNote[];
  readonly links: RunbookLink[];
}

/**
 * The steps, remarks and links of one section from its segments; steps are numbered `<section>-1`,
 * `<section>-2`, … `hidden` blocks (the pasted alert rule) are left out when inside <details>.
 */
export function readSection(
  source: string,
  segments: readonly Segment[],
  section: StepSection,
  problems: RunbookProblem[],
  hidden: ReadonlySet<Nodes> = new Set(),
): SectionRead {
  const reader = new SegmentReader(source, section, problems, hidden);
  for (const segment of segments) reader.read(segment);
  const steps = reader.drafts
    .filter((draft) => draft.text !== '' || draft.probes.length > 0)
    .map((draft, index) => ({
      id: `${section}-${index + 1}`,
      section,
      group: draft.group,
      text: draft.text,
      probes: draft.probes,
      position: draft.position,
    }));
  return { steps, notes: reader.notes, links: reader.links };
}

class SegmentReader {
  readonly drafts: Draft[] = [];
  readonly notes: SectionNote[] = [];
  readonly links: RunbookLink[] = [];

  constructor(
    private readonly source: string,
    private readonly section: StepSection,
    private readonly problems: RunbookProblem[],
    private readonly hidden: ReadonlySet<Nodes>,
  ) {}

  read(segment: Segment): void {
    const blocks = segment.blocks.filter((b) => b.type !== 'definition' && b.type !== 'thematicBreak');
    const main = blocks.filter((b) => !segment.extras.has(b));
    // A list of links ("See also:" + links) does not make the section's paragraphs lead-ins.
    const hasList = main.some(
      (b, i) =>
        (b.type === 'list' && !isLinkLead(main[i - 1]) && !isBareLinkList(b)) ||
        this.numbered(b) !== undefined,
    );
    const first = this.drafts.length;
    let lead: string | undefined;
    let linkLabel: string | undefined;
    // A <summary> goes with the first block of its details that has text.
    let summary: string | undefined;
    const group = () => joinGroup(segment.group, lead);
    for (let index = 0; index < blocks.length; index += 1) {
      const block = blocks[index] as RootContent;
      const next = blocks[index + 1];
      const nextIsMain = next !== undefined && !segment.extras.has(next);
      const last = this.drafts.length > first ? this.drafts.at(-1) : undefined;
      if (segment.extras.has(block)) {
        summary = segment.extras.get(block) ?? summary;
        if (this.extra(block, summary, last)) summary = undefined;
        continue;
      }
      summary = undefined;
      if (block.type === 'list') {
        if (linkLabel !== undefined) appendAll(this.links, linksOf(block.children, linkLabel));
        else if (isBareLinkList(block)) appendAll(this.links, linksOf(block.children, 'Linked pages'));
        else this.list(block, group());
        lead = undefined;
        linkLabel = undefined;
        continue;
      }
      // A heading here is a line over a `---` that outline kept as text (see outline.ts).
      // An HTML block here has words (outline.ts keeps no other): it reads like a paragraph.
      if (block.type === 'paragraph' || block.type === 'heading' || block.type === 'html') {
        const numbered = this.numbered(block);
        if (numbered) {
          const start = startOf(block);
          for (const piece of numbered) {
            const at = piece.line === 0 ? start : { line: start.line + piece.line, column: 1 };
            this.step(block, piece.text, group(), at);
          }
          lead = undefined;
          continue;
        }
        const text = blockText(this.source, block);
        if (text === '') continue;
        const words = plainText(block).replace(/:$/, '').trim();
        // A list of bare links after a paragraph is the paragraph's link targets, not its steps.
        if (nextIsMain && next.type === 'list' && (isReferencesName(words) || !isBareLinkList(next))) {
          if (isReferencesName(words)) linkLabel = words;
          else if (introducesExamples(text, next)) {
            this.step(block, `${text}\n${blockText(this.source, next)}`, segment.group);
            index += 1;
          } else lead = text.replace(/\s+/g, ' ');
        } else if ((nextIsMain && next.type === 'code') || !hasList || instructs(text)) {
          this.step(block, text, group());
        } else {
          this.notes.push({ section: this.section, text, position: startOf(block) });
        }
        continue;
      }
      if (block.type === 'code' && isProbeBlock(block)) {
        const [probe] = this.probesOf(block);
        // A probe with no text before it is a step named by its title (in full, as written).
        const name = (title: string, query: string) =>
          title === defaultTitle(query) && queryHeadline(query) !== '' ? queryHeadline(query) : title;
        if (probe) (last ?? this.step(block, name(probe.title, probe.query), group())).probes.push(probe);
      } else if (block.type === 'code') {
        const text = blockText(this.source, block);
        if (last) last.text = joined(last.text, text);
        else this.step(block, text, group());
      } else if (block.type === 'blockquote' || block.type === 'table') {
        const text = blockText(this.source, block, { withoutProbes: true });
        const probes = this.probesOf(block);
        if (last) {
          last.text = joined(last.text, text);
          appendAll(last.probes, probes);
        } else if (!hasList || probes.length > 0) {
          appendAll(this.step(block, text, group()).probes, probes);
        } else if (text !== '') {
          this.notes.push({ section: this.section, text, position: startOf(block) });
        }
      }
      // Anything else (math, raw HTML) is not text sitrep shows.
    }
  }

  private list(list: List, group: string | undefined): void {
    for (const item of list.children) {
      const head = item.children[0];
      const from = head ? spanOf(head)[0] : spanOf(item)[1];
      const text = blockText(this.source, item, { withoutProbes: true, from });
      // `1. Restart` followed by `2.Check` (no space) is one item to Markdown: the second line
      // continues the first item's paragraph. Split the paragraph's numbered lines into steps.
      const lines =
        list.ordered && head?.type === 'paragraph' ? blockText(this.source, head).split('\n').length : 1;
      const start = startOf(item);
      let step: Draft | undefined;
      for (const piece of splitNumbered(text, lines)) {
        const at = piece.line === 0 ? start : { line: start.line + piece.line, column: 1 };
        step = this.step(item, piece.text, group, at);
      }
      if (step) appendAll(step.probes, this.probesOf(item));
    }
  }

  // A collapsed extra goes with the step before it (a log sample after "look at the logs"). False
  // when the block has no text, so its details' summary waits for the next block.
  private extra(block: RootContent, summary: string | undefined, last: Draft | undefined): boolean {
    if (this.hidden.has(block)) return false;
    const own = blockText(this.source, block, { withoutProbes: true });
    const probes = this.probesOf(block);
    if (own === '' && probes.length === 0) return false;
    const text = joined(summary ?? '', own);
    if (last) {
      last.text = joined(last.text, text);
      appendAll(last.probes, probes);
    } else if (probes.length > 0) {
      appendAll(this.step(block, text, undefined).probes, probes);
    } else {
      this.notes.push({ section: this.section, text, position: startOf(block) });
    }
    return true;
  }

  private step(node: Nodes, text: string, group: string | undefined, position = startOf(node)): Draft {
    const draft: Draft = { text, probes: [], group, position };
    this.drafts.push(draft);
    return draft;
  }

  private probesOf(node: Nodes): ProbeSpec[] {
    const probes: ProbeSpec[] = [];
    walk(node, (child) => {
      if (child.type === 'code' && isProbeBlock(child)) {
        const { probe, problems } = probeFromCode(child);
        probes.push(probe);
        appendAll(this.problems, problems);
      }
    });
    return probes;
  }

  private numbered(block: RootContent): NumberedPiece[] | undefined {
    return block.type === 'paragraph' ? numberedPieces(blockText(this.source, block)) : undefined;
  }
}

interface NumberedPiece {
  readonly text: string;
  /** Line within the paragraph (0-based). */
  readonly line: number;
}

// `1.Restart` is a paragraph in CommonMark (a list marker needs a space after it); a paragraph whose
// first line starts so is a numbered list written without spaces. `1.5 seconds …` is not.
const numberMark = /^\d{1,3}[.)](?![\d.,])/;

function numberedPieces(text: string): NumberedPiece[] | undefined {
  const first = text.split('\n', 1)[0] ?? '';
  if (!numberMark.test(first) || /^\d{1,3}[.)]\s/.test(first)) return undefined;
  return splitNumbered(text, Infinity).filter((piece) => piece.text !== '');
}

// Cuts text into pieces at each line, among its first `lines` lines, that starts with a number mark.
function splitNumbered(text: string, lines: number): NumberedPiece[] {
  const pieces: { text: string; line: number }[] = [];
  text.split('\n').forEach((line, index) => {
    const current = pieces.at(-1);
    if (!current || (index < lines && numberMark.test(line))) {
      pieces.push({ text: line.replace(numberMark, '').trim(), line: index });
    } else current.text = `${current.text}\n${line}`;
  });
  return pieces.map((piece) => ({ ...piece, text: dedent(piece.text) }));
}

/**
 * True for a list whose every item is one link and nothing else (`- [fsync](https://…)`), as
 * collections end a section with the targets of the links above: links, not steps.
 */
export function isBareLinkList(list: List): boolean {
  return list.children.every((item) => {
    const [only, ...more] = item.children;
    if (more.length > 0 || only?.type !== 'paragraph') return false;
    const parts = only.children.filter((child) => !(child.type === 'text' && child.value.trim() === ''));
    return parts.length === 1 && parts[0]?.type === 'link' && parts[0].url !== '';
  });
}

function isLinkLead(block: RootContent | undefined): boolean {
  return block?.type === 'paragraph' && isReferencesName(plainText(block).replace(/:$/, ''));
}

function joinGroup(heading: string | undefined, lead: string | undefined): string | undefined {
  if (heading === undefined) return lead;
  return lead === undefined ? heading : `${heading} · ${lead}`;
}

function joined(a: string, b: string): string {
  return b === '' ? a : a === '' ? b : `${a}\n\n${b}`;
}
