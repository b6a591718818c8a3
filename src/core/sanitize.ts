// Sanitizing untrusted text (sanitize-text.ts), plus cutting a line to a width in terminal cells.
// Code that never cuts imports sanitize-text.ts directly and so never loads string-width.

import { cutCells } from './format/cells.js';
import { sanitizeLine as sanitizeOneLine, sanitizeText, type SafeText } from './sanitize-text.js';

export { sanitizeText, type SafeText };

/**
 * As sanitizeText, and folds newlines and tabs to spaces: for table cells and one-line labels. With
 * `maxLength` (in terminal cells), a longer line is cut and ends in `…`, so a 10 kB label cannot
 * fill the screen.
 */
export function sanitizeLine(text: string, maxLength?: number): SafeText {
  return cutText(sanitizeOneLine(text), maxLength);
}

/**
 * Safe text cut to at most `maxLength` terminal cells, ending in `…` when cut; a wide character
 * (CJK, emoji) that does not fit is left out whole. Cutting safe text keeps it safe.
 */
export function cutText(text: SafeText, maxLength: number | undefined): SafeText {
  return maxLength === undefined ? text : (cutCells(text, maxLength) as SafeText);
}
