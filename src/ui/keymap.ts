// The one keymap: every binding's keys, its label in the footer and its line in the `?` help.
// Key matching, hints and help are all generated from this table, so they cannot disagree.
// (Over 300 lines because the table is most of it, one entry per binding: split, it would no
// longer be the one place where a key is bound.)

/**
 * Where a binding applies. `global` bindings work on every screen that does not capture text;
 * `terminal` bindings work everywhere, even in a text field (they act on the terminal, not the app).
 */
export type KeyScope = 'global' | 'list' | 'inbox' | 'workspace' | 'terminal';

/** What a `terminal` key asks for: the input hook carries these out itself, no reducer involved. */
export type TerminalAction = 'redraw' | 'suspend';

/** Everything a key can ask for. */
export type Action =
  | 'quit'
  | 'help'
  | 'back'
  | 'up'
  | 'down'
  | 'pageUp'
  | 'pageDown'
  | 'top'
  | 'bottom'
  | 'open'
  | 'addToIncident'
  | 'expand'
  | 'expandAll'
  | 'collapseAll'
  | 'filter'
  | 'refresh'
  | 'toggleSilenced'
  | 'done'
  | 'skip'
  | 'reopen'
  | 'note'
  | 'rerun'
  | 'silence'
  | 'export'
  | 'link'
  | 'close'
  | 'scrollDown'
  | 'scrollUp'
  | 'context'
  | 'alertPane'
  | 'timeline'
  | 'search'
  | 'nextMatch'
  | 'prevMatch'
  | 'pastIncidents'
  | 'probeQueries'
  | 'probeChart'
  | 'copyQuery'
  | 'copyCommand'
  | 'copyGraph'
  | 'openLink'
  | 'editRunbook';

/** One row of the keymap. */
export interface Binding {
  readonly action: Action | TerminalAction;
  readonly scope: KeyScope;
  /** Key names as produced by keyNames(). */
  readonly keys: readonly string[];
  /** How the keys are shown: "j/↓". */
  readonly label: string;
  readonly help: string;
  /** The word shown in the footer hint line; bindings without one appear only in `?`. */
  readonly hint?: string;
}

/** One line of the `?` help: the keys and what they do. */
export interface HelpEntry {
  readonly label: string;
  readonly help: string;
  /** The actions this line stands for. */
  readonly actions: readonly (Action | TerminalAction)[];
}

/**
 * Bindings the `?` help shows on one line, so every key still fits an 80×24 terminal: the first
 * action's line stands for the others.
 */
const sharedHelpLines: readonly {
  readonly actions: readonly Action[];
  readonly label: string;
  readonly help: string;
}[] = [
  { actions: ['up', 'down'], label: '↑↓ k/j', help: 'move up, down' },
  { actions: ['pageUp', 'pageDown'], label: 'PgUp/Dn', help: 'page up, down (^B/^F)' },
  { actions: ['top', 'bottom'], label: 'g/G', help: 'first row, last row (Home/End)' },
  { actions: ['scrollDown', 'scrollUp'], label: 'J/K', help: 'scroll the text pane down, up' },
  {
    actions: ['copyQuery', 'copyCommand', 'copyGraph'],
    label: 'y/c/Y',
    help: 'copy query/command/graph link',
  },
];

export const keymap: readonly Binding[] = [
  { action: 'up', scope: 'list', keys: ['up', 'k'], label: '↑/k', help: 'move up' },
  { action: 'down', scope: 'list', keys: ['down', 'j'], label: '↓/j', help: 'move down', hint: 'move' },
  { action: 'pageUp', scope: 'list', keys: ['pageup', 'ctrl+b'], label: 'PgUp', help: 'page up' },
  { action: 'pageDown', scope: 'list', keys: ['pagedown', 'ctrl+f'], label: 'PgDn', help: 'page down' },
  { action: 'top', scope: 'list', keys: ['home', 'g'], label: 'g/Home', help: 'first row' },
  { action: 'bottom', scope: 'list', keys: ['end', 'G'], label: 'G/End', help: 'last row' },
  {
    action: 'open',
    scope: 'inbox',
    keys: ['return'],
    label: '⏎',
    help: 'open as an incident',
    hint: 'open',
  },
  {
    action: 'addToIncident',
    scope: 'inbox',
    keys: ['a'],
    label: 'a',
    help: 'add the alert to the open incident of its name',
  },
  {
    action: 'expand',
    scope: 'inbox',
    keys: ['space', 'right', 'l'],
    label: 'space',
    help: 'expand or fold a group',
  },
  { action: 'expandAll', scope: 'inbox', keys: ['+'], label: '+', help: 'expand every group' },
  { action: 'collapseAll', scope: 'inbox', keys: ['-'], label: '-', help: 'fold every group' },
  {
    action: 'filter',
    scope: 'inbox',
    keys: ['/'],
    label: '/',
    help: 'filter by words or matchers',
    hint: 'filter',
  },
  { action: 'refresh', scope: 'inbox', keys: ['r'], label: 'r', help: 'refresh now' },
  {
    action: 'toggleSilenced',
    scope: 'inbox',
    keys: ['s'],
    label: 's',
    help: 'show/hide silenced, inhibited',
  },
  {
    action: 'done',
    scope: 'workspace',
    keys: ['d', 'x'],
    label: 'd',
    help: 'mark the step done, go to next',
    hint: 'done',
  },
  {
    action: 'skip',
    scope: 'workspace',
    keys: ['s'],
    label: 's',
    help: 'skip the step (asks why)',
    hint: 'skip',
  },
  { action: 'reopen', scope: 'workspace', keys: ['u'], label: 'u', help: 'reopen the step' },
  {
    action: 'search',
    scope: 'workspace',
    keys: ['/'],
    label: '/',
    help: 'search the runbook text',
    hint: 'search',
  },
  {
    action: 'nextMatch',
    scope: 'workspace',
    keys: ['n'],
    label: 'n',
    help: 'next match (no search: a note)',
    hint: 'note',
  },
  { action: 'prevMatch', scope: 'workspace', keys: ['N'], label: 'N', help: 'previous search match' },
  {
    action: 'note',
    scope: 'workspace',
    keys: ['a'],
    label: 'a',
    help: 'add a note to the timeline',
  },
  {
    action: 'rerun',
    scope: 'workspace',
    keys: ['r'],
    label: 'r',
    help: "re-run the step's probes now (they re-run on their own too)",
    hint: 'rerun',
  },
  {
    action: 'silence',
    scope: 'workspace',
    keys: ['S'],
    label: 'S',
    help: 'silence the alert in Alertmanager',
    hint: 'silence',
  },
  {
    action: 'export',
    scope: 'workspace',
    keys: ['e'],
    label: 'e',
    help: 'export postmortem notes',
    hint: 'export',
  },
  {
    action: 'link',
    scope: 'workspace',
    keys: ['o'],
    label: 'o',
    help: 'links, whole (⏎ opens one)',
  },
  {
    action: 'copyQuery',
    scope: 'workspace',
    keys: ['y'],
    label: 'y',
    help: 'copy the query (links: the link)',
    hint: 'copy',
  },
  { action: 'copyCommand', scope: 'workspace', keys: ['c'], label: 'c', help: "copy the step's command" },
  {
    action: 'copyGraph',
    scope: 'workspace',
    keys: ['Y'],
    label: 'Y',
    help: "copy the step's graph link",
  },
  { action: 'openLink', scope: 'workspace', keys: ['return'], label: '⏎', help: 'open the chosen link' },
  {
    action: 'editRunbook',
    scope: 'workspace',
    keys: ['E'],
    label: 'E',
    help: 'edit the runbook in $EDITOR',
  },
  {
    action: 'close',
    scope: 'workspace',
    keys: ['C'],
    label: 'C',
    help: 'close the incident (offers to expire its silences)',
  },
  {
    action: 'scrollDown',
    scope: 'workspace',
    keys: ['J'],
    label: 'J',
    help: 'scroll the text pane down',
  },
  { action: 'scrollUp', scope: 'workspace', keys: ['K'], label: 'K', help: 'scroll the text pane up' },
  {
    action: 'context',
    scope: 'workspace',
    keys: ['m'],
    label: 'm',
    help: 'Meaning/Impact whole or folded',
  },
  {
    action: 'alertPane',
    scope: 'workspace',
    keys: ['i'],
    label: 'i',
    help: 'the alert: value at firing, silences',
    hint: 'alert',
  },
  {
    action: 'timeline',
    scope: 'workspace',
    keys: ['t'],
    label: 't',
    help: 'the timeline (newest last)',
    hint: 'timeline',
  },
  {
    action: 'pastIncidents',
    scope: 'workspace',
    keys: ['p'],
    label: 'p',
    help: 'past incidents of this alert (⏎ shows one)',
  },
  {
    action: 'probeQueries',
    scope: 'workspace',
    keys: ['Q'],
    label: 'Q',
    help: "the step's probe queries as sent (PromQL)",
  },
  {
    action: 'probeChart',
    scope: 'workspace',
    keys: ['v'],
    label: 'v',
    help: "a chart of a probe's range (again: the next probe)",
  },
  {
    action: 'back',
    scope: 'global',
    keys: ['escape', 'left', 'h'],
    label: 'esc',
    help: 'back (the incident stays open)',
    hint: 'back',
  },
  { action: 'help', scope: 'global', keys: ['?'], label: '?', help: 'this help', hint: 'help' },
  { action: 'quit', scope: 'global', keys: ['q', 'ctrl+c'], label: 'q', help: 'quit', hint: 'quit' },
  { action: 'redraw', scope: 'terminal', keys: ['ctrl+l'], label: '^L', help: 'redraw the screen' },
  {
    action: 'suspend',
    scope: 'terminal',
    keys: ['ctrl+z'],
    label: '^Z',
    help: 'suspend to the shell (fg comes back)',
  },
];

/** Rules the `?` help states under a scope's keys, where one line of help cannot say it all. */
export const scopeNotes: Partial<Record<KeyScope, string>> = {
  inbox:
    'Filter (/) as in sitrep alerts: a part with =, !=, =~ or !~ is a label matcher ' +
    '(severity=critical instance=~"web.*"); a bare word must appear in the name, a label value ' +
    'or the summary, in any case.',
};

const terminalActions: readonly string[] = ['redraw', 'suspend'] satisfies TerminalAction[];

function isTerminalAction(action: Action | TerminalAction): action is TerminalAction {
  return terminalActions.includes(action);
}

/** The action a key means in these scopes (most specific scope first), if any. */
export function actionFor(keyName: string, scopes: readonly KeyScope[]): Action | undefined {
  for (const scope of scopes) {
    const binding = keymap.find((b) => b.scope === scope && b.keys.includes(keyName));
    if (binding && !isTerminalAction(binding.action)) return binding.action;
  }
  return undefined;
}

/** The terminal action a key means (Ctrl-L, Ctrl-Z), on every screen and in every mode. */
export function terminalActionFor(keyName: string): TerminalAction | undefined {
  const action = keymap.find((b) => b.scope === 'terminal' && b.keys.includes(keyName))?.action;
  return action !== undefined && isTerminalAction(action) ? action : undefined;
}

/** The bindings of these scopes, for the footer (hint only) or the help overlay (all). */
export function bindingsFor(scopes: readonly KeyScope[], hintsOnly = false): Binding[] {
  return keymap.filter((b) => scopes.includes(b.scope) && (!hintsOnly || b.hint !== undefined));
}

/** The `?` help's lines for these scopes: one per binding, or one for a group shown together. */
export function helpEntries(scopes: readonly KeyScope[]): HelpEntry[] {
  const entries: HelpEntry[] = [];
  for (const binding of bindingsFor(scopes)) {
    const shared = sharedHelpLines.find((line) => line.actions.some((a) => a === binding.action));
    if (!shared) entries.push({ label: binding.label, help: binding.help, actions: [binding.action] });
    else if (shared.actions[0] === binding.action) entries.push({ ...shared });
  }
  return entries;
}
