// Copy and open: the clipboard through the terminal (OSC 52), links in the platform's opener, and
// the runbook file in $EDITOR (the runbook is reloaded when the editor exits).
import { errorLine } from '../../core/errors.js';
import { formatUtc } from '../../core/export/format.js';
import type { WorkspaceLink } from '../state/workspace-state.js';
import { activeSession, message, openSession, type IntentContext } from './use-intents-session.js';

/** Puts text on the clipboard and says what was copied, and why it may not have arrived. */
export function copyText(ctx: IntentContext, what: string, text: string): void {
  const copy = ctx.services.copy;
  if (!copy) return ctx.dispatch(message('Copying needs a terminal: none here.'));
  const { sent, caveat } = copy(text);
  if (!sent) return ctx.dispatch(message(`Not copied: ${caveat ?? 'no terminal'}.`));
  const said = `Copied ${what} (${[...text].length} characters, OSC 52)`;
  ctx.dispatch(message(caveat === undefined ? `${said}.` : `${said}; ${caveat}.`));
}

/** The graph links of these queries over the incident's time range, labelled by query. */
function graphLinks(ctx: IntentContext, queries: readonly string[]): WorkspaceLink[] {
  const session = activeSession(ctx);
  return queries.flatMap((query) => {
    const url = session?.graphLink?.(query);
    return url === undefined ? [] : [{ label: `Graph of ${query}`, url }];
  });
}

/** Copies the graph link(s) of the focused step's queries, one per line. */
export function copyGraph(ctx: IntentContext, queries: readonly string[]): void {
  const links = graphLinks(ctx, queries);
  if (links.length === 0) return ctx.dispatch(message('No graph link: no Prometheus is configured.'));
  const what = links.length === 1 ? 'the graph link' : `${links.length} graph links (one per line)`;
  copyText(ctx, what, links.map((l) => l.url).join('\n'));
}

/** Fills the links pane: the step's graphs over the incident, then the runbook's and the alert's links. */
export function showLinks(ctx: IntentContext, queries: readonly string[]): void {
  const session = activeSession(ctx);
  if (!session) return;
  const others = session.runbook.links.map((url) => ({
    label: linkLabel(session.runbook.sourceLabel, url),
    url,
  }));
  ctx.dispatch({
    type: 'workspace',
    action: { type: 'links', links: [...graphLinks(ctx, queries), ...others] },
  });
}

function linkLabel(sourceLabel: string, url: string): string {
  if (url === sourceLabel) return 'Runbook';
  if (url.includes('/graph?g0.expr=')) return 'Alert rule in Prometheus';
  return 'Link';
}

/** Opens a link with the platform's opener, or says why not (the link stays on screen, whole). */
export function openLink(ctx: IntentContext, url: string): void {
  const open = ctx.services.openUrl;
  if (!open)
    return ctx.dispatch(message('Cannot open links here: the link is shown whole above (y copies it).'));
  open(url).then(
    ({ opened, reason }) =>
      ctx.dispatch(
        message(
          opened
            ? 'Opened the link in your browser.'
            : `Not opened: ${reason ?? 'no opener'}. The link is shown whole above; y copies it.`,
        ),
      ),
    (error: unknown) => ctx.dispatch(message(`Opening failed: ${errorLine(error)}`)),
  );
}

/**
 * Hands the terminal to $EDITOR on the runbook file, then reopens the incident: the runbook is read
 * and parsed again (its problems shown), step states carry over by step id, and the journal records
 * the new runbook only when its text changed.
 */
export function editRunbook(ctx: IntentContext): void {
  const session = activeSession(ctx);
  const file = session?.runbookFile;
  const edit = ctx.services.editFile;
  if (!session || file === undefined)
    return ctx.dispatch(message('The runbook is not a file here: nothing to edit.'));
  if (!edit) return ctx.dispatch(message('Editing needs a terminal: none here.'));
  const id = session.id;
  edit(file).then(
    ({ ok, problem }) => {
      // Said once the reopened incident shows the new text, not before: keys pressed on reading it
      // (a search for the edited words) must find them.
      openSession(
        ctx,
        () => ctx.services.resumeIncident(id),
        () => {
          // The time makes this message (and so the first frame after the editor) differ from the last.
          const said = `Runbook reloaded at ${formatUtc(new Date(ctx.services.now()).toISOString())}`;
          ctx.dispatch(message(ok ? `${said}.` : `${said}; the editor: ${problem ?? 'failed'}.`));
        },
      );
    },
    (error: unknown) => ctx.dispatch(message(`Editing failed: ${errorLine(error)}`)),
  );
}
