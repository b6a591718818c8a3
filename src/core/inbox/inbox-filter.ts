// The inbox's `/` filter: Alertmanager matchers when the text reads as matchers
// (`severity="critical"`, `{job=~"hap.*"}`), otherwise words that must all appear somewhere in the
// alert (name, label values, summary), case-insensitively.
import type { Alert } from '../alerts/alert.js';
import { matchesAll, parseMatchers, type Matcher } from '../alerts/matchers.js';

/** A compiled filter. */
export type InboxFilter =
  | { readonly kind: 'none' }
  | { readonly kind: 'matchers'; readonly matchers: readonly Matcher[] }
  | { readonly kind: 'text'; readonly words: readonly string[] };

/** Compiles the filter text. Text with an operator that fails to parse falls back to words. */
export function compileFilter(text: string): InboxFilter {
  const trimmed = text.trim();
  if (trimmed === '') return { kind: 'none' };
  if (/[=~]/.test(trimmed)) {
    try {
      return { kind: 'matchers', matchers: parseMatchers(trimmed) };
    } catch {
      // Not valid matchers: treat it as plain words.
    }
  }
  return { kind: 'text', words: trimmed.toLowerCase().split(/\s+/) };
}

/** True when the alert passes the filter. */
export function passesFilter(filter: InboxFilter, alert: Alert): boolean {
  switch (filter.kind) {
    case 'none':
      return true;
    case 'matchers':
      return matchesAll(filter.matchers, alert.labels);
    case 'text': {
      const haystack = [alert.name, ...Object.values(alert.labels), alert.annotations.summary ?? '']
        .join(' ')
        .toLowerCase();
      return filter.words.every((word) => haystack.includes(word));
    }
    default: {
      const unreachable: never = filter;
      return unreachable;
    }
  }
}
