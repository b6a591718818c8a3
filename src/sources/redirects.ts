// Redirects as sitrep follows them (see fetchFollowingSameHost).
import fetch, { type RequestInit } from 'node-fetch';
import { redactUrl } from '../core/config/source-url.js';
import { SourceError, type SourceLabel } from './http-error.js';

/**
 * Fetches `url`, following redirects by hand: up to 5, on the same host and port only, never from
 * https to http. A redirect to another host is refused with a SourceError naming that host, so
 * neither the credentials nor the trust placed in the configured URL move there silently.
 */
export async function fetchFollowingSameHost(endpoint: SourceLabel, url: string, init: RequestInit) {
  const origin = new URL(url);
  let current = url;
  for (let hop = 0; ; hop += 1) {
    const response = await fetch(current, init);
    const location = response.headers.get('location');
    if (![301, 302, 303, 307, 308].includes(response.status) || location === null) return response;
    const next = new URL(location, current);
    const sameHost = next.host === origin.host;
    const scheme = next.protocol === origin.protocol || next.protocol === 'https:';
    response.body?.resume();
    if (!sameHost || !scheme) {
      throw new SourceError(
        endpoint,
        url,
        'redirect',
        `the server redirects to another host, ${redactUrl(next.origin)}, which sitrep does not follow`,
      );
    }
    if (hop >= 4) throw new SourceError(endpoint, url, 'redirect', 'too many redirects (over 5)');
    current = next.toString();
    if (response.status === 303) init = { ...init, method: 'GET', body: null };
  }
}
