// The problems of a runbook as a whole, found after parsing it: sections that are missing or
// empty, and text that looks binary; and the order problems are listed in (the text's).
import { startOf } from './markdown.js';
import type { Segment } from './outline.js';
import type { Runbook, RunbookProblem } from './runbook.js';
import type { SectionKind } from './sections.js';

/** What the parser found of the sections, for the checks of the runbook as a whole. */
export interface SectionFacts {
  readonly steps: Runbook['steps'];
  readonly meaning: string | undefined;
  readonly impact: string | undefined;
  readonly segments: readonly Segment[];
  readonly hasMitigation: boolean;
}

/** Says which of Diagnosis (with steps), Mitigation, Meaning and Impact is missing or empty. */
export function checkSections(facts: SectionFacts, problems: RunbookProblem[]): void {
  const heading = (kind: SectionKind) => facts.segments.find((s) => s.kind === kind)?.heading;
  const at = (kind: SectionKind) => {
    const node = heading(kind);
    return node ? startOf(node) : { line: 1, column: 1 };
  };
  if (!facts.steps.some((step) => step.section === 'diagnosis')) {
    // A runbook that says only what to do (Meaning, Impact, Mitigation) still serves the on-call
    // engineer: a warning then. With no step at all it is an error.
    const hasSteps = facts.steps.length > 0;
    problems.push({
      severity: hasSteps ? 'warning' : 'error',
      message: heading('diagnosis')
        ? 'the Diagnosis section has no steps: write one list item per thing to check'
        : 'no diagnosis steps: add a `## Diagnosis` section with one list item per thing to check',
      position: at('diagnosis'),
    });
  }
  if (!facts.hasMitigation) {
    problems.push({
      severity: 'warning',
      message: 'no Mitigation section',
      position: { line: 1, column: 1 },
    });
  } else if (!facts.steps.some((step) => step.section === 'mitigation')) {
    problems.push({
      severity: 'warning',
      message: 'the Mitigation section has no steps',
      position: at('mitigation'),
    });
  }
  if (facts.meaning === undefined) {
    problems.push({
      severity: 'warning',
      message: heading('meaning')
        ? 'the Meaning section is empty: nothing explains what the alert means'
        : 'no Meaning section: nothing explains what the alert means',
      position: at('meaning'),
    });
  }
  if (facts.impact === undefined) {
    problems.push({
      severity: 'warning',
      message: heading('impact') ? 'the Impact section is empty' : 'no Impact section',
      position: at('impact'),
    });
  }
}

/** Says when the text looks binary. */
// NUL bytes never occur in text; many replacement characters mean bytes that were not UTF-8.
export function checkBinary(text: string, problems: RunbookProblem[]): void {
  const sample = text.slice(0, 64 * 1024);
  let odd = 0;
  for (const char of sample) if (char === '\u0000' || char === '\ufffd') odd += 1;
  if (sample.includes('\u0000') || odd > sample.length / 20) {
    problems.push({
      severity: 'error',
      message: 'this looks like a binary file, not markdown text; sitrep read what text it could',
      position: { line: 1, column: 1 },
    });
  }
}

/** The problems in the order of the text (line, then column); those without a position first. */
export function sortProblems(problems: readonly RunbookProblem[]): RunbookProblem[] {
  return [...problems].sort(
    (a, b) =>
      (a.position?.line ?? 0) - (b.position?.line ?? 0) ||
      (a.position?.column ?? 0) - (b.position?.column ?? 0),
  );
}
