// Turns the blocks of Diagnosis and Mitigation into checklist steps. Each list item is one step
// (numbered or bulleted, task items too), with its nested sub-items and code as part of it. A
// section written as paragraphs gets one step per paragraph. A ```promql block belongs to the item it
// is nested in, or else to the step just before it.
import type { Code, Nodes, RootContent } from 'mdast';
import type { ProbeSpec } from '../probe/probe-spec.js';
import { blockText, isProbeBlock } from './block-text.js';
import { spanOf, startOf, walk } from './markdown.js';
import type { Segment } from './outline.js';
import { probeFromCode } from './probe-block.js';
import type { RunbookProblem, SourcePosition, Step, StepSection } from './runbook.js';
import { appendAll } from '../bounded.js';

interface Draft {
  text: string;
  probes: ProbeSpec[];
  readonly group: string | undefined;
  readonly position: SourcePosition;
}

/** The steps of one section from its segments, numbered `<section>-1`, `<section>-2`, … */
export function buildSteps(
  source: string,
  segments: readonly Segment[],
  section: StepSection,
  problems: RunbookProblem[],
): Step[] {
  const drafts: Draft[] = [];
  for (const segment of segments) appendAll(drafts, segmentSteps(source, segment, problems));
  return drafts
    .filter((draft) => draft.text !== '' || draft.probes.length > 0)
    .map((draft, index) => ({
      id: `${section}-${index + 1}`,
      section,
      group: draft.group,
      text: draft.text,
      probes: draft.probes,
      position: draft.position,
    }));
}

function segmentSteps(source: string, segment: Segment, problems: RunbookProblem[]): Draft[] {
  const steps: Draft[] = [];
  const hasList = segment.blocks.some((block) => block.type === 'list');
  const newStep = (node: Nodes, text: string): Draft => {
    const draft: Draft = { text, probes: [], group: segment.group, position: startOf(node) };
    steps.push(draft);
    return draft;
  };
  const probesOf = (node: Nodes): ProbeSpec[] => {
    const probes: ProbeSpec[] = [];
    walk(node, (child) => {
      if (child.type === 'code' && isProbeBlock(child)) {
        const { probe, problems: found } = probeFromCode(child);
        probes.push(probe);
        appendAll(problems, found);
      }
    });
    return probes;
  };
  segment.blocks.forEach((block, index) => {
    const last = steps.at(-1);
    if (block.type === 'list') {
      for (const item of block.children) {
        const first = item.children[0];
        const from = first ? spanOf(first)[0] : spanOf(item)[1];
        const step = newStep(item, blockText(source, item, { withoutProbes: true, from }));
        appendAll(step.probes, probesOf(item));
      }
    } else if (block.type === 'code' && isProbeBlock(block)) {
      const [probe] = probesOf(block);
      if (probe) (last ?? newStep(block, probe.title)).probes.push(probe);
    } else if (block.type === 'code') {
      if (last) last.text = joined(last.text, blockText(source, block));
    } else if (block.type === 'paragraph') {
      // In a section with lists, a paragraph is a lead-in, unless a code block follows it.
      if (!hasList || isCode(segment.blocks[index + 1])) newStep(block, blockText(source, block));
    } else if (block.type === 'blockquote' || block.type === 'table') {
      const target = last ?? (hasList ? undefined : newStep(block, ''));
      if (!target) return;
      target.text = joined(target.text, blockText(source, block, { withoutProbes: true }));
      appendAll(target.probes, probesOf(block));
    }
    // Anything else (thematic breaks, link definitions) is layout, not a step.
  });
  return steps;
}

function isCode(block: RootContent | undefined): block is Code {
  return block?.type === 'code';
}

function joined(a: string, b: string): string {
  return b === '' ? a : a === '' ? b : `${a}\n\n${b}`;
}
