// Text in the HTML export: every piece of untrusted text (labels, notes, runbook steps, queries) is
// escaped here before it lands in an element or an attribute.
import { sanitizeText } from '../sanitize-text.js';

const entities: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Text safe in HTML element content and in quoted attribute values; terminal escapes removed. */
export function escapeHtml(text: string): string {
  return sanitizeText(text).replace(/[&<>"']/g, (c) => entities[c] ?? c);
}
