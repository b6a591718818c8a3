// The one keymap: every binding's keys, its label in the footer and its line in the `?` help.
// Key matching, hints and help are all generated from this table, so they cannot disagree.

/** Where a binding applies. `global` bindings work on every screen that does not capture text. */
export type KeyScope = 'global' | 'list' | 'inbox' | 'workspace';

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
  | 'copyQuery'
  | 'copyCommand'
  | 'copyGraph'
  | 'openLink'
  | 'editRunbook';

/** One row of the keymap. */
export interface Binding {
  readonly action: Action;
  readonly scope: KeyScope;
  /** Key names as produced by keyNames(). */
  readonly keys: readonly string[];
  /** How the keys are shown: "j/↓". */
  readonly label: string;
  readonly help: string;
  /** The word shown in the footer hint line; bindings without one appear only in `?`. */
  readonly hint?: string;
}

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
    help: 'the alert: summary, labels',
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
    action: 'back',
    scope: 'global',
    keys: ['escape', 'left', 'h'],
    label: 'esc',
    help: 'back (the incident stays open)',
    hint: 'back',
  },
  { action: 'help', scope: 'global', keys: ['?'], label: '?', help: 'this help', hint: 'help' },
  { action: 'quit', scope: 'global', keys: ['q', 'ctrl+c'], label: 'q', help: 'quit', hint: 'quit' },
];

/** The action a key means in these scopes (most specific scope first), if any. */
export function actionFor(keyName: string, scopes: readonly KeyScope[]): Action | undefined {
  for (const scope of scopes) {
    const binding = keymap.find((b) => b.scope === scope && b.keys.includes(keyName));
    if (binding) return binding.action;
  }
  return undefined;
}

/** The bindings of these scopes, for the footer (hint only) or the help overlay (all). */
export function bindingsFor(scopes: readonly KeyScope[], hintsOnly = false): Binding[] {
  return keymap.filter((b) => scopes.includes(b.scope) && (!hintsOnly || b.hint !== undefined));
}
