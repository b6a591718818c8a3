// Whether a runbook paragraph tells the reader to do something ("Verify that the reading is
// accurate, then review the system logs.") or only remarks on something ("This alert is rare."), and
// whether a lead line introduces examples rather than things to do. Runbooks are written in the
// imperative, so the first word (after "If …," or "Once …,") is a good guide.
import type { List } from 'mdast';

const imperatives = new Set(
  (
    'add adjust allow apply ask block call capture change check clean clear collect compare configure confirm ' +
    'connect consider contact copy create decrease delete describe determine disable document downgrade drain ' +
    'dump enable ensure escalate examine expand extend fail failover file find fix follow free gather get go ' +
    'grep identify increase inform inspect investigate kill list log look make measure migrate monitor move ' +
    'notify open page ping print profile purge query raise read reboot record redeploy reduce refresh reload ' +
    'remove renew repair replace rerun reset resize restart restore resume retry revert review roll rollback ' +
    'rotate run scale search see set silence ssh start stop suspend switch tell test trace try tune turn ' +
    'uncordon cordon update upgrade use validate verify wait watch write'
  ).split(' '),
);

const conditions = new Set(['if', 'when', 'once', 'after', 'before', 'while', 'until', 'unless', 'whenever']);

/** True when a paragraph (markdown) reads as an instruction. */
export function instructs(markdown: string): boolean {
  const plain = markdown
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[`*_~>#[\]]/g, '')
    .trim()
    .toLowerCase();
  if (startsImperative(plain)) return true;
  if (/^(?:you|we) (?:should|must|can|may|need to|have to|will need to)\b/.test(plain)) return true;
  const first = /^[a-z]+/.exec(plain)?.[0];
  if (first !== undefined && conditions.has(first)) {
    const comma = plain.indexOf(',');
    if (comma !== -1)
      return (
        startsImperative(plain.slice(comma + 1).trim()) || /\b(?:you|we) (?:should|must|can)\b/.test(plain)
      );
  }
  return false;
}

function startsImperative(plain: string): boolean {
  const words = plain.split(/[^a-z'-]+/).filter((word) => word !== '');
  const first = words[0] === 'please' || words[0] === 'then' || words[0] === 'also' ? words[1] : words[0];
  return first !== undefined && imperatives.has(first);
}

const exampleWords =
  /\b(?:such as|examples?|for example|for instance|e\.g\.|including|include|like|causes?|reasons?|symptoms?|signs?|typically|usually|common|possible|possibly)\b/i;

/**
 * True when `lead` (a paragraph ending in a colon) introduces a list of examples ("Look for common
 * causes, such as:") whose items are short phrases: they read as nonsense as steps of their own.
 */
export function introducesExamples(lead: string, list: List): boolean {
  if (!/:\s*$/.test(lead) || !exampleWords.test(lead)) return false;
  // Items that are instructions of their own ("Scale the API out") are steps under a lead line.
  return list.children.every((item) => {
    const [only, ...more] = item.children;
    if (more.length > 0 || (only !== undefined && only.type !== 'paragraph')) return false;
    const words = only?.children.map((child) => ('value' in child ? child.value : '')).join('') ?? '';
    return !instructs(words);
  });
}
