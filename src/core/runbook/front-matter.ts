// The YAML front matter of a runbook:
//
//   ---
//   alert: HaproxyServerConnectionErrors     # or  alerts: [A, B]
//   matchers: { job: haproxy }               # optional: only alerts with these exact label values
//   severity: critical
//   owner: team-edge
//   tags: [haproxy, network]
//   ---
//
// Other keys (Hugo's `title`, `weight`, …) are allowed and ignored, except `title`, which names the
// runbook when there is no `# heading`.
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document } from 'yaml';
import type { RunbookProblem, SourcePosition } from './runbook.js';

/** What the front matter says, with every field checked. */
export interface FrontMatter {
  readonly alerts: readonly string[];
  readonly matchers: Readonly<Record<string, string>>;
  readonly severity: string | undefined;
  readonly owner: string | undefined;
  readonly tags: readonly string[];
  readonly title: string | undefined;
}

/** Front matter with nothing in it. */
export const emptyFrontMatter: FrontMatter = {
  alerts: [],
  matchers: {},
  severity: undefined,
  owner: undefined,
  tags: [],
  title: undefined,
};

/**
 * Hugo also writes front matter in TOML between `+++` lines. Its top-level `key = value` lines
 * (strings, numbers, booleans, arrays on one line) say the same as YAML's `key: value` and are read
 * as such, line for line so problems keep their line numbers; tables (`[params]`) and everything
 * under them are other settings and are left out.
 */
export function tomlAsYaml(toml: string): string {
  let inTable = false;
  return toml
    .split('\n')
    .map((line) => {
      if (/^\s*\[/.test(line)) inTable = true;
      const match = /^\s*([A-Za-z0-9_-]+)\s*=\s*(.*?)\s*$/.exec(line);
      if (inTable || !match) return '';
      const [, key = '', value = ''] = match;
      // Strings, arrays of strings, numbers and booleans are valid YAML flow values as written;
      // a TOML literal string ('…') is a YAML single-quoted one.
      return `${key}: ${value}`;
    })
    .join('\n');
}

/**
 * Reads front matter YAML whose first line is line `firstLine` of the runbook. Anything wrong is a
 * located problem; the fields that are fine are still used.
 */
export function readFrontMatter(
  yaml: string,
  firstLine: number,
): { frontMatter: FrontMatter; problems: RunbookProblem[] } {
  const problems: RunbookProblem[] = [];
  const lines = new LineCounter();
  const doc = parseDocument(yaml, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const at = (offset: number): SourcePosition => {
    const pos = lines.linePos(offset);
    return { line: firstLine + pos.line - 1, column: pos.col };
  };
  for (const error of doc.errors) {
    problems.push({
      severity: 'error',
      message: `front matter is not valid YAML: ${error.message.split('\n')[0] ?? error.message}`,
      position: at(error.pos[0]),
    });
  }
  if (doc.errors.length > 0) return { frontMatter: emptyFrontMatter, problems };
  if (doc.contents === null) return { frontMatter: emptyFrontMatter, problems };
  if (!isMap(doc.contents)) {
    problems.push(error('front matter must be a YAML mapping (key: value lines)', at(0)));
    return { frontMatter: emptyFrontMatter, problems };
  }
  const field = new Fields(doc, at, problems);
  const alerts = [...field.strings('alert'), ...field.strings('alerts')];
  if (doc.has('labels') && !doc.has('matchers')) {
    problems.push({
      severity: 'warning',
      message: 'front matter key `labels` is not read: put label matchers under `matchers:`',
      position: field.position('labels'),
    });
  }
  return {
    frontMatter: {
      alerts: [...new Set(alerts)],
      matchers: field.stringMap('matchers'),
      severity: field.string('severity'),
      owner: field.string('owner'),
      tags: field.strings('tags'),
      title: field.string('title'),
    },
    problems,
  };
}

function error(message: string, position: SourcePosition): RunbookProblem {
  return { severity: 'error', message, position };
}

// Typed access to the top-level keys, reporting a wrong type at the key's line.
class Fields {
  constructor(
    private readonly doc: Document,
    private readonly at: (offset: number) => SourcePosition,
    private readonly problems: RunbookProblem[],
  ) {}

  position(key: string): SourcePosition {
    const node = this.doc.get(key, true) as { range?: [number, number, number] } | undefined;
    return this.at(node?.range?.[0] ?? 0);
  }

  private wrong(key: string, expected: string): void {
    this.problems.push(error(`front matter \`${key}\` must be ${expected}`, this.position(key)));
  }

  string(key: string): string | undefined {
    const node = this.doc.get(key, true);
    if (node === undefined || (isScalar(node) && node.value === null)) return undefined;
    if (isScalar(node) && ['string', 'number', 'boolean'].includes(typeof node.value)) {
      return String(node.value);
    }
    this.wrong(key, 'a single value');
    return undefined;
  }

  /** A list of strings, or one string (`tags: haproxy, network` splits on commas). */
  strings(key: string): string[] {
    const node = this.doc.get(key, true);
    if (node === undefined || (isScalar(node) && node.value === null)) return [];
    if (isScalar(node) && (typeof node.value === 'string' || typeof node.value === 'number')) {
      return String(node.value)
        .split(',')
        .map((item) => item.trim())
        .filter((item) => item !== '');
    }
    if (
      isSeq(node) &&
      node.items.every((item) => isScalar(item) && item.value !== null && typeof item.value !== 'object')
    ) {
      return node.items
        .map((item) => String((item as { value: unknown }).value).trim())
        .filter((s) => s !== '');
    }
    this.wrong(key, 'a name or a list of names');
    return [];
  }

  stringMap(key: string): Record<string, string> {
    const node = this.doc.get(key, true);
    if (node === undefined || (isScalar(node) && node.value === null)) return {};
    const map: Record<string, string> = {};
    if (isMap(node)) {
      let fine = true;
      for (const pair of node.items) {
        const name = isScalar(pair.key) ? scalarText(pair.key.value) : undefined;
        const value = isScalar(pair.value) ? scalarText(pair.value.value) : undefined;
        if (name !== undefined && value !== undefined) map[name] = value;
        else fine = false;
      }
      if (fine) return map;
    }
    this.wrong(key, 'a mapping of label names to values, e.g. `matchers: { job: haproxy }`');
    return map;
  }
}

/** A YAML scalar's value as text: strings, numbers and booleans; undefined for null or anything else. */
export function scalarText(value: unknown): string | undefined {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean'
    ? String(value)
    : undefined;
}
