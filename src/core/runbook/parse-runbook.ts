// The runbook parser: markdown text in, Runbook out. Pure, and total: any text (empty, binary,
// 10 MB, nested ten thousand deep) gives a Runbook with whatever could be read, plus problems that
// say plainly, with line numbers, what is missing or wrong.
import type { Code, Nodes, Root } from 'mdast';
import { blockText, isProbeBlock } from './block-text.js';
import { emptyFrontMatter, readFrontMatter, tomlAsYaml, type FrontMatter } from './front-matter.js';
import { definitionLinks, referenceLinks } from './links.js';
import { isFrontMatter, parseMarkdown, plainText, startOf, walk } from './markdown.js';
import { outline, type Segment } from './outline.js';
import { findPastedRule } from './pasted-rule.js';
import type { AlertNamesFrom, Runbook, RunbookLink, RunbookProblem, SectionNote } from './runbook.js';
import { checkBinary, checkSections, sortProblems } from './runbook-problems.js';
import type { SectionKind } from './sections.js';
import { readSection } from './steps.js';
import { appendAll } from '../bounded.js';

/** What the parser may know besides the text. */
export interface ParseRunbookOptions {
  /** The file's name (`HaproxyDown.md`): names the runbook when nothing inside does. */
  readonly fileName?: string;
}

const alertName = /^[A-Za-z_:][A-Za-z0-9_:]*$/;

/** Parses a runbook. Never throws. */
export function parseRunbook(text: string, options: ParseRunbookOptions = {}): Runbook {
  const problems: RunbookProblem[] = [];
  const baseName = options.fileName?.replace(/^.*[\\/]/, '').replace(/\.(md|markdown)$/i, '');
  if (text.trim() === '') {
    problems.push({ severity: 'error', message: 'the runbook is empty', position: { line: 1, column: 1 } });
    return assemble({ title: baseName, frontMatter: emptyFrontMatter, baseName, problems });
  }
  checkBinary(text, problems);
  const parsed = parseMarkdown(text);
  appendAll(problems, parsed.problems);
  const tree = parsed.tree;
  if (!tree) return assemble({ title: baseName, frontMatter: emptyFrontMatter, baseName, problems });

  const frontMatter = frontMatterOf(tree, text, problems);
  const { title, headingCount, segments } = outline(tree, parsed.text);
  const of = (kind: SectionKind) => segments.filter((segment) => segment.kind === kind);
  let diagnosisSegments = of('diagnosis');
  const mitigationSegments = of('mitigation');
  let meaningSegments = of('meaning');
  const rest = segments.filter((segment) => segment.kind === 'intro' || segment.kind === 'other');
  const noSections = diagnosisSegments.length === 0 && mitigationSegments.length === 0;
  if (noSections) {
    // No section sitrep knows: read the whole text as the checklist rather than show nothing.
    // The headings become the steps' groups (all but the title), so their words are not lost.
    diagnosisSegments = rest.map((segment) =>
      segment.kind === 'other' && segment.heading && plainText(segment.heading) !== title
        ? { ...segment, group: [...segment.trail, plainText(segment.heading)].join(' · ') }
        : segment,
    );
    problems.push({
      severity: 'warning',
      message:
        headingCount === 0
          ? 'the runbook has no headings; sitrep read its lists (or paragraphs) as diagnosis steps'
          : 'no Diagnosis or Mitigation heading; sitrep read the lists under the other headings as diagnosis steps',
      position: { line: 1, column: 1 },
    });
  } else if (meaningSegments.length === 0) {
    // Text between the title and the first section usually says what the alert means.
    meaningSegments = rest.filter((segment) => segment.kind === 'intro' || segment.heading?.depth === 1);
  }
  const codes: Code[] = [];
  walk(tree, (node) => {
    if (node.type === 'code') codes.push(node);
  });
  const rule = findPastedRule(codes, frontMatter.alerts);
  // The pasted rule is shown as the rule, not again as text (when it sits inside <details>).
  const hidden = new Set<Nodes>(
    codes.filter(
      (code) =>
        rule && startOf(code).line === rule.position.line && startOf(code).column === rule.position.column,
    ),
  );
  const diagnosis = readSection(parsed.text, diagnosisSegments, 'diagnosis', problems, hidden);
  const mitigation = readSection(parsed.text, mitigationSegments, 'mitigation', problems, hidden);
  const steps = [...diagnosis.steps, ...mitigation.steps];
  const meaning = prose(parsed.text, meaningSegments, problems, hidden);
  const impact = prose(parsed.text, of('impact'), problems, hidden);
  checkSections({ steps, meaning, impact, segments, hasMitigation: mitigationSegments.length > 0 }, problems);
  // Text in no section sitrep shows (an introduction beside a Meaning section, "Escalation") is kept
  // as notes, so nothing the author wrote is lost.
  const shown = new Set([...diagnosisSegments, ...mitigationSegments, ...meaningSegments]);
  if (noSections) for (const segment of rest) shown.add(segment);
  const otherNotes = rest
    .filter((segment) => !shown.has(segment))
    .flatMap((segment): SectionNote[] => {
      const text = prose(parsed.text, [segment], problems, hidden);
      if (text === undefined) return [];
      const heading = segment.heading
        ? [...segment.trail, plainText(segment.heading)].join(' · ')
        : undefined;
      const position = startOf(segment.heading ?? segment.blocks[0] ?? tree);
      return [{ section: 'other', heading, text, position }];
    });
  const links: RunbookLink[] = [];
  for (const segment of segments) {
    if (segment === diagnosisSegments[0]) appendAll(links, diagnosis.links);
    if (segment === mitigationSegments[0]) appendAll(links, mitigation.links);
    if (segment.kind === 'references') appendAll(links, referenceLinks(segment));
  }
  appendAll(links, definitionLinks(tree));
  return assemble({
    title: title ?? frontMatter.title ?? baseName,
    frontMatter,
    baseName,
    heading: title,
    problems,
    steps,
    meaning,
    impact,
    rule,
    notes: [...diagnosis.notes, ...mitigation.notes, ...otherNotes],
    links,
  });
}

interface Parts {
  readonly title: string | undefined;
  readonly frontMatter: FrontMatter;
  readonly baseName: string | undefined;
  readonly heading?: string | undefined;
  readonly problems: RunbookProblem[];
  readonly steps?: Runbook['steps'];
  readonly meaning?: string | undefined;
  readonly impact?: string | undefined;
  readonly rule?: Runbook['rule'];
  readonly notes?: Runbook['notes'];
  readonly links?: Runbook['links'];
}

function assemble(parts: Parts): Runbook {
  const { frontMatter, rule } = parts;
  const candidates: [AlertNamesFrom, readonly string[]][] = [
    ['front-matter', frontMatter.alerts],
    ['rule', rule?.alert ? [rule.alert] : []],
    ['heading', parts.heading && alertName.test(parts.heading) ? [parts.heading] : []],
    ['file-name', parts.baseName && alertName.test(parts.baseName) ? [parts.baseName] : []],
  ];
  const [alertsFrom, alerts] = candidates.find(([, names]) => names.length > 0) ?? ['none', []];
  return {
    title: parts.title ?? alerts[0] ?? 'Untitled runbook',
    alerts,
    alertsFrom,
    matchers: frontMatter.matchers,
    severity: frontMatter.severity,
    owner: frontMatter.owner,
    tags: frontMatter.tags,
    meaning: parts.meaning,
    impact: parts.impact,
    steps: parts.steps ?? [],
    ruleExpr: rule?.expr,
    rule,
    notes: parts.notes ?? [],
    links: parts.links ?? [],
    problems: sortProblems(parts.problems),
  };
}

function frontMatterOf(tree: Root, text: string, problems: RunbookProblem[]): FrontMatter {
  const first = tree.children[0];
  if (first && isFrontMatter(first) && 'value' in first) {
    const yaml = first.type === 'yaml' ? first.value : tomlAsYaml(first.value);
    const { frontMatter, problems: found } = readFrontMatter(yaml, startOf(first).line + 1);
    appendAll(
      problems,
      first.type === 'yaml'
        ? found
        : found.map((problem) => ({
            ...problem,
            message: problem.message.replace(
              'front matter is not valid YAML',
              'TOML front matter (`+++`) is not valid: sitrep reads its `key = value` lines, one per line',
            ),
          })),
    );
    return frontMatter;
  }
  if (/^---[ \t]*\r?\n/.test(text)) {
    problems.push({
      severity: 'error',
      message: 'the front matter that starts on line 1 never ends: close it with a `---` line',
      position: { line: 1, column: 1 },
    });
  }
  return emptyFrontMatter;
}

// The text of Meaning or Impact: its blocks as markdown, sub-headings as lines, <details> content
// after its summary; a ```promql block as text (it runs only in a step); comments (`[//]: # "…"`) and rules (`---`) left out.
function prose(
  source: string,
  segments: readonly Segment[],
  problems: RunbookProblem[],
  hidden: ReadonlySet<Nodes>,
): string | undefined {
  const parts: string[] = [];
  let summary: string | undefined;
  for (const segment of segments) {
    if (segment.group !== undefined && segment.heading) parts.push(plainText(segment.heading));
    for (const block of segment.blocks) {
      if (block.type === 'definition' || block.type === 'thematicBreak' || hidden.has(block)) continue;
      walk(block, (node) => {
        if (node.type === 'code' && isProbeBlock(node)) {
          problems.push({
            severity: 'warning',
            message:
              'this probe is not run (it is shown as text): probes belong to steps under Diagnosis or Mitigation',
            position: startOf(node),
          });
        }
      });
      // A <summary> goes with the first block of its details that has text.
      if (!segment.extras.has(block)) summary = undefined;
      summary = segment.extras.get(block) ?? summary;
      const text = blockText(source, block);
      if (text === '') continue;
      if (summary !== undefined) parts.push(summary);
      summary = undefined;
      parts.push(text);
    }
  }
  return parts.length > 0 ? parts.join('\n\n') : undefined;
}
