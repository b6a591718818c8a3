// The words for a filter that hides every alert, the same on screen and in the CLI. Apart from
// filter.ts because cutting the filter to a width loads string-width, which `sitrep alerts --json`
// needs only on this rare path.
import { sanitizeLine } from '../sanitize.js';

/** Longest filter text a message repeats. */
const maxShownFilter = 200;

/**
 * What to say when a filter hides every alert, the same on screen and in the CLI:
 * "No alert matches `severity=critical web` (12 firing)." The filter is shown as typed, sanitized.
 */
export function noMatchText(filterText: string, firing: number): string {
  const shown = sanitizeLine(filterText, maxShownFilter);
  return `No alert matches \`${shown}\` (${firing.toLocaleString('en-US')} firing).`;
}
