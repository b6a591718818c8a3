// Which runbook section a heading opens. Teams name them differently ("Troubleshooting",
// "Possible causes and fixes", "What it means"), so a heading is read word by word.

/** The sections sitrep shows. */
export type SectionKind = 'meaning' | 'impact' | 'diagnosis' | 'mitigation';

// Checked in this order, so "Investigation and remediation" is diagnosis (its steps come first).
const words: readonly (readonly [SectionKind, readonly string[]])[] = [
  [
    'diagnosis',
    [
      'diagnosis',
      'diagnose',
      'diagnostic',
      'troubleshooting',
      'troubleshoot',
      'investigation',
      'investigate',
      'investigating',
      'diagnosing',
      'debugging',
      'debug',
      'triage',
      'cause',
    ],
  ],
  [
    'mitigation',
    [
      'mitigation',
      'mitigate',
      'mitigating',
      'remediation',
      'remediating',
      'remediate',
      'resolution',
      'resolve',
      'fix',
      'solution',
      'recovery',
      'recover',
      'action',
      'response',
      'workaround',
    ],
  ],
  ['impact', ['impact', 'consequence', 'effect']],
  ['meaning', ['meaning', 'description', 'summary', 'overview', 'context', 'about', 'explanation', 'mean']],
];

/** The section a heading's text opens, or undefined for any other heading. */
export function sectionOf(heading: string): SectionKind | undefined {
  const tokens = headingWords(heading);
  // A long heading is a sentence, not a section name ("Check the disk before you fix it").
  if (tokens.length === 0 || tokens.length > 5) return undefined;
  for (const [kind, names] of words) {
    if (tokens.some((token) => names.includes(token))) return kind;
  }
  return undefined;
}

/**
 * True when a heading is short enough to be a section name on its own ("Mitigation", "Possible
 * causes"), as opposed to a sub-heading that happens to contain a section word ("Immediate fix").
 */
export function isBareSectionName(heading: string): boolean {
  return headingWords(heading).length <= 2;
}

// Headings and lead lines that introduce reference links rather than things to do.
const references =
  /^(?:additional |further |more |useful |related |external )?(?:resources?|references?|reading|links?|documentation|docs|information|info)$|^see also$|^learn more$/;

/**
 * True for a heading or a list's lead line that introduces reference links: "References", "See also",
 * "Additional resources:", "Further reading", "Useful links".
 */
export function isReferencesName(text: string): boolean {
  const words = text
    .toLowerCase()
    .replace(/[^a-z]+/g, ' ')
    .trim();
  return references.test(words);
}

function headingWords(heading: string): string[] {
  return heading
    .toLowerCase()
    .split(/[^a-z]+/)
    .filter((token) => token !== '')
    .map(singular);
}

function singular(word: string): string {
  if (word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (word.endsWith('es') && /(?:ss|sh|ch|x)es$/.test(word)) return word.slice(0, -2);
  if (word.endsWith('s') && !word.endsWith('ss') && !word.endsWith('is') && word.length > 3)
    return word.slice(0, -1);
  return word;
}
