// Incident ids are file names and things people say on a call: `2026-11-23-HaproxyServerConnectionErrors-3f2a`.
import { sanitizeLine } from '../sanitize-text.js';

const idPattern = /^\d{4}-\d{2}-\d{2}-[A-Za-z0-9_]+(?:-[A-Za-z0-9_]+)*-[0-9a-f]{4,16}$/;

/**
 * A readable incident id: the UTC date it was opened, the alert name (sanitized as it is shown,
 * then reduced to letters, digits and `_`) and a short hex hash of the alert name, time and
 * `entropy` (random text the caller supplies, so two incidents of the same alert on the same day
 * get different ids). Pure.
 */
export function makeIncidentId(alertname: string, openedAt: string, entropy: string): string {
  const date = new Date(openedAt).toISOString().slice(0, 10);
  const name =
    sanitizeLine(alertname)
      .replace(/[^A-Za-z0-9_]+/g, '_')
      .replace(/^_+|_+$/g, '')
      .slice(0, 64) || 'incident';
  const hash = fnv1a(`${alertname}\u0000${openedAt}\u0000${entropy}`).toString(16).padStart(8, '0');
  return `${date}-${name}-${hash.slice(0, 4)}`;
}

/** True for a string shaped like an incident id; safe to use as a file name. */
export function isIncidentId(text: string): boolean {
  return idPattern.test(text);
}

// 32-bit FNV-1a over UTF-16 code units: small, fast and well spread; not for security.
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}
