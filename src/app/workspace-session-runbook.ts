// The runbook of a session: recorded in the journal when its text is new to the incident, and
// turned into what the workspace shows of it (where it came from, its links, its problems).
import type { Alert } from '../core/alerts/alert.js';
import { runbookOpenedEvent, runbookTextHash } from '../core/timeline/event-builders.js';
import type { Journal } from '../store/journal.js';
import type { WorkspaceRunbook } from './services.js';
import type { FoundRunbookText, SessionDeps } from './workspace-session-deps.js';

/**
 * Records runbook-opened unless the incident already holds this very text (same hash): resuming
 * with an unchanged runbook adds nothing to the journal, an edited one is recorded anew.
 */
export async function recordRunbookOpened(
  journal: Journal,
  found: FoundRunbookText,
  deps: Pick<SessionDeps, 'now'>,
): Promise<void> {
  if (journal.incident()?.runbook?.textHash === runbookTextHash(found.text)) return;
  await journal.append(
    runbookOpenedEvent({
      at: new Date(deps.now()).toISOString(),
      runbook: found.runbook,
      source: found.source,
      text: found.text,
    }),
  );
}

/**
 * A link a server sent (the alert's generatorURL, a link in a runbook fetched by URL) as the web
 * address it names, or undefined. Enter hands links to the desktop's opener, which opens (or runs)
 * a local file: a `file:` link, or a bare path such as `/home/u/x.desktop`, that the sender chose.
 * So only http(s) addresses are kept; a relative link is read against `base` (the runbook's own
 * URL), as a browser would. Links in a runbook read from disk are the engineer's own and stay.
 */
function webLink(url: string, base?: string): string | undefined {
  try {
    const resolved = new URL(url.trim(), base);
    return resolved.protocol === 'http:' || resolved.protocol === 'https:' ? resolved.href : undefined;
  } catch {
    return undefined;
  }
}

const noteLabel = { diagnosis: 'Diagnosis', mitigation: 'Mitigation', other: 'Also' } as const;

/** What the workspace shows of the runbook; the rule lookup's problem, when known at open, first. */
export function workspaceRunbook(
  found: FoundRunbookText,
  alert: Alert,
  ruleProblem: string | undefined,
): WorkspaceRunbook {
  const { runbook, source } = found;
  const sourceLabel =
    source.kind === 'file'
      ? source.path
      : source.kind === 'url'
        ? `${source.url}${source.cached ? ' (cached)' : ''}`
        : 'built-in generic runbook';
  const links = [
    source.kind === 'url' ? source.url : source.kind === 'file' ? source.path : undefined,
    alert.generatorURL === undefined ? undefined : webLink(alert.generatorURL),
    ...(runbook.links ?? []).map((link) =>
      link.url === undefined || source.kind !== 'url' ? link.url : webLink(link.url, source.url),
    ),
  ].filter((l): l is string => l !== undefined);
  return {
    title: runbook.title,
    sourceLabel,
    meaning: runbook.meaning,
    impact: runbook.impact,
    problems: [
      ...(ruleProblem === undefined ? [] : [ruleProblem]),
      ...(found.notes ?? []),
      ...runbook.problems.map((p) => p.message),
    ],
    links,
    notes: (runbook.notes ?? []).map(
      (note) => `${noteLabel[note.section]}: ${note.heading ?? ''} ${note.text}`,
    ),
  };
}
