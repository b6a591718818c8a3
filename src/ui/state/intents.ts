import type { Alert } from '../../core/alerts/alert.js';

/**
 * Effects a reducer asks for. Reducers stay pure: they append intents to the state's outbox, and
 * one hook (use-intents.ts) carries them out in order and reports back with actions.
 */
export type Intent =
  | { readonly type: 'quit' }
  | { readonly type: 'refresh' }
  /** Open (or resume) the incident for these alerts of one alertname. */
  | { readonly type: 'openIncident'; readonly alerts: readonly Alert[] };
