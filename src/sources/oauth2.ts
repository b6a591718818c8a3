// http_config `oauth2`: the client credentials grant. sitrep asks the token endpoint for an access
// token, sends it as `Authorization: Bearer`, and reuses it until shortly before it expires.
// The client authenticates with HTTP Basic (RFC 6749, section 2.3.1), as Prometheus does first.
import fs from 'node:fs';
import fetch from 'node-fetch';
import type { OAuth2Settings } from '../core/config/http-config.js';
import type { Secret } from '../core/config/config.js';
import { sanitizeLine } from '../core/sanitize-text.js';
import type { Endpoint } from './http-client.js';
import { SourceError, type SourceLabel } from './http-error.js';
import { proxyAgents, type AgentFor } from './proxy.js';

/** How to reach the token endpoint: the source's timeout, proxy and signal. */
export interface TokenRequest {
  readonly timeoutMs: number;
  readonly agent?: AgentFor | undefined;
  readonly signal?: AbortSignal | undefined;
}

interface CachedToken {
  readonly token: string;
  /** Epoch ms after which a new token is fetched. */
  readonly renewAt: number;
}

const tokens = new WeakMap<OAuth2Settings, Promise<CachedToken>>();
// A token is renewed this long before the server says it expires, so it never expires in flight.
const renewEarlyMs = 30_000;

/**
 * `Authorization: Bearer <token>` for an endpoint with `oauth2`, nothing for one without. The token
 * endpoint is another server: asked through the endpoint's proxy, but without the endpoint's CA.
 */
export async function oauth2Header(
  endpoint: Endpoint,
  timeoutMs: number,
  signal: AbortSignal | undefined,
): Promise<Record<string, string>> {
  if (!endpoint.oauth2) return {};
  const agent = endpoint.proxyUrl ? proxyAgents(endpoint.proxyUrl, undefined) : undefined;
  return {
    Authorization: `Bearer ${await oauth2Token(endpoint, endpoint.oauth2, { timeoutMs, agent, signal })}`,
  };
}

/** The access token for these client credentials: cached, or fetched now. Throws SourceError. */
export async function oauth2Token(
  source: SourceLabel,
  settings: OAuth2Settings,
  request: TokenRequest,
): Promise<string> {
  const cached = tokens.get(settings);
  if (cached) {
    const value = await cached.catch(() => undefined);
    if (value && Date.now() < value.renewAt) return value.token;
  }
  // One fetch at a time per client: concurrent requests share it.
  const pending = fetchToken(source, settings, request);
  tokens.set(settings, pending);
  pending.catch(() => tokens.delete(settings));
  return (await pending).token;
}

async function fetchToken(
  source: SourceLabel,
  settings: OAuth2Settings,
  request: TokenRequest,
): Promise<CachedToken> {
  const url = settings.tokenUrl;
  const fail = (message: string) =>
    new SourceError(source, url, 'credentials', `OAuth2 token endpoint: ${message}`, {
      hint: 'Check oauth2.client_id, client_secret and token_url in the http_config.',
    });
  const secret = await readSecret(settings.clientSecret).catch((error: NodeJS.ErrnoException) => {
    throw fail(`cannot read client_secret_file (${error.code ?? 'unreadable'})`);
  });
  const form = new URLSearchParams({ grant_type: 'client_credentials', ...settings.endpointParams });
  if (settings.scopes.length > 0) form.set('scope', settings.scopes.join(' '));
  const basic = `${encodeURIComponent(settings.clientId)}:${encodeURIComponent(secret)}`;
  const signal = AbortSignal.any([
    AbortSignal.timeout(request.timeoutMs),
    ...(request.signal ? [request.signal] : []),
  ]);
  let status: number;
  let body: string;
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: {
        Authorization: `Basic ${Buffer.from(basic).toString('base64')}`,
        'Content-Type': 'application/x-www-form-urlencoded',
        Accept: 'application/json',
        'User-Agent': 'sitrep',
      },
      body: form.toString(),
      signal,
      size: 1024 * 1024,
      ...(request.agent ? { agent: request.agent } : {}),
    });
    status = response.status;
    body = await response.text();
  } catch (error) {
    throw fail(`no answer (${sanitizeLine(error instanceof Error ? error.message : String(error))})`);
  }
  const answer = parseAnswer(body);
  if (status !== 200 || typeof answer['access_token'] !== 'string' || answer['access_token'] === '') {
    const said =
      typeof answer['error'] === 'string' ? `: ${sanitizeLine(answer['error']).slice(0, 200)}` : '';
    throw fail(`HTTP ${status}, no access token${said}`);
  }
  const expiresIn = Number(answer['expires_in']);
  const lifetimeMs = Number.isFinite(expiresIn) && expiresIn > 0 ? expiresIn * 1000 : 3_600_000;
  return { token: answer['access_token'], renewAt: Date.now() + Math.max(0, lifetimeMs - renewEarlyMs) };
}

function parseAnswer(body: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(body);
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

async function readSecret(secret: Secret): Promise<string> {
  if (secret.kind === 'inline') return secret.value;
  return (await fs.promises.readFile(secret.path, 'utf8')).trim();
}
