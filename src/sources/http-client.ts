// The one way sitrep talks HTTP (node-fetch). Every request has a timeout and honours the
// caller's AbortSignal; idempotent GETs are retried a bounded number of times with backoff when
// the failure looks passing (refused or reset connection, 502/503/504/429); bodies over the size
// cap are refused; auth headers and TLS come from the endpoint. Any failure is a SourceError.
// Redirects are followed (up to 5) only on the same host and scheme (http → https allowed): a
// redirect to another host is refused, so neither credentials nor trust move there silently.
//
// Reuse it for any server: an Alertmanager or Prometheus source (a SourceConfig is an Endpoint),
// a runbook URL (`{ name: 'runbook', url }` and `getText(endpoint, '')`), a PromQL probe.
import fs from 'node:fs';
import https from 'node:https';
import type { RequestInit } from 'node-fetch';
import type { AuthConfig, Secret, TlsConfig } from '../core/config/config.js';
import { defaults } from '../core/config/config.js';
import { fetchFollowingSameHost } from './redirects.js';
import type { OAuth2Settings } from '../core/config/http-config.js';
import { badJson, networkError, SourceError, statusError, tooLarge, type SourceLabel } from './http-error.js';
import { readBodyText } from './response-text.js';

/** Where to send requests and how. Only `name` and `url` are required. */
export interface Endpoint extends SourceLabel {
  /** Base URL; request paths are appended to it (so a path prefix such as `/prometheus` works). */
  readonly url: string;
  readonly headers?: Readonly<Record<string, string>>;
  readonly auth?: AuthConfig;
  readonly tls?: TlsConfig;
  /** OAuth 2.0 client credentials: a token from its endpoint as `Authorization: Bearer` (oauth2.ts). */
  readonly oauth2?: OAuth2Settings;
  /** Send every request through this HTTP(S) proxy (proxy.ts). */
  readonly proxyUrl?: string;
  /** Per attempt; default 5 s. */
  readonly timeoutMs?: number;
  /** Default 256 MiB. */
  readonly maxResponseBytes?: number;
  /** Extra attempts for a GET after a passing failure; default 2. */
  readonly retries?: number;
  /** Wait before the first retry, doubled for each next one; default 250 ms. */
  readonly retryDelayMs?: number;
}

/** Query parameters; a list repeats the parameter (`filter=a&filter=b`), undefined leaves it out. */
export type QueryParams = Readonly<Record<string, string | number | boolean | readonly string[] | undefined>>;

/** GETs `path` under the endpoint and parses the body as JSON. Throws SourceError. */
export async function getJson(
  endpoint: Endpoint,
  path: string,
  query?: QueryParams,
  signal?: AbortSignal,
): Promise<unknown> {
  const { body, url } = await request(endpoint, 'GET', path, { query, signal, accept: 'application/json' });
  return parseJson(endpoint, url, body);
}

/**
 * GETs `path` under the endpoint as getJson does, but returns the body unparsed with the URL asked
 * (parseJson turns it into what getJson returns). Throws SourceError.
 */
export function getJsonText(
  endpoint: Endpoint,
  path: string,
  query?: QueryParams,
  signal?: AbortSignal,
): Promise<{ body: string; url: string }> {
  return request(endpoint, 'GET', path, { query, signal, accept: 'application/json' });
}

/** GETs `path` under the endpoint as text (a runbook, a metrics page). Throws SourceError. */
export async function getText(
  endpoint: Endpoint,
  path: string,
  query?: QueryParams,
  signal?: AbortSignal,
): Promise<string> {
  return (
    await request(endpoint, 'GET', path, {
      query,
      signal,
      accept: 'text/markdown, text/plain;q=0.9, */*;q=0.5',
    })
  ).body;
}

/**
 * Sends a JSON body (POST/PUT) or none (DELETE) once, never retried, and parses the answer as JSON;
 * an empty answer gives undefined. Throws SourceError.
 */
export async function sendJson(
  endpoint: Endpoint,
  method: 'POST' | 'PUT' | 'DELETE',
  path: string,
  body?: unknown,
  signal?: AbortSignal,
): Promise<unknown> {
  const result = await request(endpoint, method, path, { signal, accept: 'application/json', json: body });
  return result.body.trim() === '' ? undefined : parseJson(endpoint, result.url, result.body);
}

/** The endpoint's base URL joined with a path and query: `https://mimir.example/prometheus/api/v1/query?…`. */
export function endpointUrl(endpoint: Endpoint, path: string, query: QueryParams = {}): string {
  const base = endpoint.url.replace(/\/+$/, '');
  const url = new URL(path === '' ? base : `${base}/${path.replace(/^\/+/, '')}`);
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined) continue;
    for (const item of typeof value === 'object' ? value : [String(value)])
      url.searchParams.append(key, item);
  }
  return url.toString();
}

// node-fetch refuses URLs with `user:password@`; such credentials become basic auth instead
// (unless the endpoint has its own auth), and the URL in every message is clean.
function withoutUserinfo(endpoint: Endpoint, text: string): { endpoint: Endpoint; url: string } {
  const url = new URL(text);
  if (url.username === '' && url.password === '') return { endpoint, url: text };
  const auth: AuthConfig = {
    kind: 'basic',
    username: decodeURIComponent(url.username),
    password: { kind: 'inline', value: decodeURIComponent(url.password) },
  };
  url.username = '';
  url.password = '';
  const clean = url.toString();
  return {
    endpoint: { ...endpoint, auth: endpoint.auth && endpoint.auth.kind !== 'none' ? endpoint.auth : auth },
    url: clean,
  };
}

interface RequestExtras {
  readonly query?: QueryParams | undefined;
  readonly signal?: AbortSignal | undefined;
  readonly accept: string;
  readonly json?: unknown;
}

async function request(
  given: Endpoint,
  method: string,
  path: string,
  extras: RequestExtras,
): Promise<{ body: string; url: string }> {
  const { endpoint, url } = withoutUserinfo(given, endpointUrl(given, path, extras.query));
  const attempts = method === 'GET' ? 1 + (endpoint.retries ?? 2) : 1;
  for (let attempt = 1; ; attempt += 1) {
    try {
      return { body: await attemptOnce(endpoint, method, url, extras), url };
    } catch (error) {
      const passing =
        error instanceof SourceError &&
        (error.kind === 'connection-refused' ||
          error.kind === 'network' ||
          [429, 502, 503, 504].includes(error.status ?? 0));
      if (!passing || attempt >= attempts || extras.signal?.aborted) throw error;
      await sleep((endpoint.retryDelayMs ?? 250) * 2 ** (attempt - 1), extras.signal);
    }
  }
}

async function attemptOnce(
  endpoint: Endpoint,
  method: string,
  url: string,
  extras: RequestExtras,
): Promise<string> {
  const timeoutMs = endpoint.timeoutMs ?? defaults.timeoutMs;
  const maxBytes = endpoint.maxResponseBytes ?? defaults.maxResponseBytes;
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  const onAbort = () => controller.abort();
  extras.signal?.addEventListener('abort', onAbort, { once: true });
  try {
    if (extras.signal?.aborted) controller.abort();
    // Made before the request so an unreadable CA or key file fails clearly; used for https only,
    // also after a redirect.
    const agent =
      endpoint.tls && url.startsWith('https:') ? tlsAgent(endpoint, url, endpoint.tls) : undefined;
    // The proxy agents (and the debug package they bring) and the OAuth 2.0 client are loaded only
    // for a source that uses them: most requests go straight out, ~10 ms sooner at start-up.
    const proxied = endpoint.proxyUrl
      ? (await import('./proxy.js')).proxyAgents(endpoint.proxyUrl, agent?.options, endpoint.tls)
      : undefined;
    const headers = {
      ...(await requestHeaders(endpoint, url, extras)),
      ...(endpoint.oauth2
        ? await (await import('./oauth2.js')).oauth2Header(endpoint, timeoutMs, extras.signal)
        : {}),
    };
    const init: RequestInit = {
      method,
      headers,
      signal: controller.signal,
      redirect: 'manual',
      ...(extras.json === undefined ? {} : { body: JSON.stringify(extras.json) }),
      ...(proxied
        ? { agent: proxied }
        : agent
          ? { agent: (target: URL) => (target.protocol === 'https:' ? agent : undefined) }
          : {}),
    };
    const response = await fetchFollowingSameHost(endpoint, url, init);
    const length = Number(response.headers.get('content-length') ?? Number.NaN);
    if (length > maxBytes) {
      controller.abort();
      throw tooLarge(endpoint, url, maxBytes);
    }
    const body = await readBodyText(response, maxBytes, () => tooLarge(endpoint, url, maxBytes));
    if (!response.ok) {
      const credentialsSent = Object.keys(headers).some((name) => name.toLowerCase() === 'authorization');
      throw statusError(endpoint, url, response.status, response.statusText, body, { credentialsSent });
    }
    return body;
  } catch (error) {
    if (error instanceof SourceError) throw error;
    throw networkError(endpoint, url, error, timeoutMs, timedOut);
  } finally {
    clearTimeout(timer);
    extras.signal?.removeEventListener('abort', onAbort);
  }
}

async function requestHeaders(
  endpoint: Endpoint,
  url: string,
  extras: RequestExtras,
): Promise<Record<string, string>> {
  const headers: Record<string, string> = { Accept: extras.accept, 'User-Agent': 'sitrep' };
  if (extras.json !== undefined) headers['Content-Type'] = 'application/json';
  Object.assign(headers, endpoint.headers);
  const auth = endpoint.auth ?? { kind: 'none' };
  switch (auth.kind) {
    case 'none':
      break;
    case 'authorization':
      headers['Authorization'] =
        `${auth.type} ${await readSecret(endpoint, url, auth.credentials, 'credentials')}`;
      break;
    case 'basic': {
      const password = auth.password ? await readSecret(endpoint, url, auth.password, 'password') : '';
      headers['Authorization'] = `Basic ${Buffer.from(`${auth.username}:${password}`).toString('base64')}`;
      break;
    }
    default: {
      const unreachable: never = auth;
      return unreachable;
    }
  }
  return headers;
}

// Read at request time, so a rotated token file is picked up without restarting.
async function readSecret(endpoint: Endpoint, url: string, secret: Secret, what: string): Promise<string> {
  if (secret.kind === 'inline') return secret.value;
  try {
    return (await fs.promises.readFile(secret.path, 'utf8')).trim();
  } catch (error) {
    const code = (error as { code?: string }).code ?? 'unreadable';
    throw new SourceError(
      endpoint,
      url,
      'credentials',
      `cannot read the ${what} file ${secret.path} (${code})`,
    );
  }
}

const agents = new WeakMap<TlsConfig, https.Agent>();

function tlsAgent(endpoint: Endpoint, url: string, tls: TlsConfig): https.Agent {
  const cached = agents.get(tls);
  if (cached) return cached;
  const read = (file: string | undefined, what: string) => {
    if (file === undefined) return undefined;
    try {
      return fs.readFileSync(file);
    } catch (error) {
      const code = (error as { code?: string }).code ?? 'unreadable';
      throw new SourceError(endpoint, url, 'tls', `cannot read the ${what} ${file} (${code})`);
    }
  };
  const agent = new https.Agent({
    ca: read(tls.caFile, 'CA file'),
    cert: read(tls.certFile, 'certificate file'),
    key: read(tls.keyFile, 'key file'),
    rejectUnauthorized: !tls.insecureSkipVerify,
    ...(tls.serverName ? { servername: tls.serverName } : {}),
  });
  agents.set(tls, agent);
  return agent;
}

/** Parses a JSON body from `url`, or throws the SourceError getJson throws for it. */
export function parseJson(endpoint: Endpoint, url: string, body: string): unknown {
  try {
    return JSON.parse(body) as unknown;
  } catch (error) {
    throw badJson(endpoint, url, body, error);
  }
}

function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });
}
