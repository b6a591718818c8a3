// Why a request to a server failed, in words a person on call can act on. Every message names the
// source and the URL with credentials removed; a secret is never part of one.
import { PrometheusApiError } from '../core/alerts/prometheus-api.js';
import { ShapeError } from '../core/alerts/shape.js';
import { redactUrl } from '../core/config/source-url.js';
import { formatDuration } from '../core/format/duration.js';
import { formatValue } from '../core/format/value.js';
import { errorMessage, UserError } from '../core/errors.js';
import { sanitizeLine } from '../core/sanitize-text.js';
import { htmlExcerpt, looksLikeHtml, tlsWords } from './error-words.js';

/** The cause of a failed request, for code that reacts differently (retry, status line, exit code). */
export type SourceErrorKind =
  | 'connection-refused'
  | 'dns'
  | 'tls'
  | 'network'
  | 'timeout'
  | 'aborted'
  | 'unauthorized'
  | 'forbidden'
  | 'http'
  | 'too-large'
  | 'bad-json'
  | 'bad-shape'
  | 'api'
  | 'credentials'
  | 'redirect';

/** What is needed to name a source in a message. */
export interface SourceLabel {
  /** `alertmanager`, `prometheus`, `runbook`, … */
  readonly kind?: string;
  readonly name: string;
}

/** A request to a source failed. A UserError: printed without a stack, exit code 1. */
export class SourceError extends UserError {
  readonly kind: SourceErrorKind;
  /** `alertmanager 127.0.0.1:9093`. */
  readonly source: string;
  /** The full URL, query included, without credentials. */
  readonly url: string;
  readonly status: number | undefined;
  /**
   * Prometheus's `errorType` (`bad_data`, `execution`, …) when the server answered with its error
   * envelope, on any status; undefined otherwise. One sanitized line, like `serverError`.
   */
  readonly errorType: string | undefined;
  /** The envelope's `error` text that goes with `errorType`. */
  readonly serverError: string | undefined;

  constructor(
    label: SourceLabel,
    url: string,
    kind: SourceErrorKind,
    cause: string,
    options: {
      hint?: string;
      status?: number;
      cause?: unknown;
      api?: { readonly errorType: string; readonly error: string };
    } = {},
  ) {
    const source = label.kind ? `${label.kind} ${label.name}` : label.name;
    const safeUrl = redactUrl(url);
    const hint = options.hint ?? hintFor(kind, label, safeUrl);
    // The message names the URL without its query, which can be long (a PromQL query, filters).
    super(`${source}: ${sanitizeLine(cause)} (${safeUrl.split('?', 1)[0] ?? safeUrl})`, {
      ...(hint === undefined ? {} : { hint }),
      cause: options.cause,
    });
    this.name = 'SourceError';
    this.kind = kind;
    this.source = source;
    this.url = safeUrl;
    this.status = options.status;
    this.errorType = options.api && sanitizeLine(options.api.errorType);
    this.serverError = options.api && cutLine(options.api.error);
  }
}

function hintFor(kind: SourceErrorKind, label: SourceLabel, url: string): string | undefined {
  const what =
    label.kind === 'prometheus'
      ? 'Prometheus'
      : label.kind === 'alertmanager'
        ? 'Alertmanager'
        : 'the server';
  const setting =
    label.kind === 'prometheus' || label.kind === 'alertmanager' ? `${label.kind}.url` : undefined;
  switch (kind) {
    case 'connection-refused':
      return `Is ${what} running at ${new URL(url).origin}?${setting ? ` Point sitrep elsewhere with --${setting} or \`sitrep config set ${setting} <url>\`.` : ''}`;
    case 'dns':
      return 'Check the host name in the URL.';
    case 'tls':
      return 'Check tls_config (ca_file, cert_file, key_file, server_name) in --http.config.file or the config file.';
    case 'redirect':
      return 'Point sitrep at the final URL, if you trust that host.';
    case 'unauthorized':
      return 'The server wants credentials: set authorization or basic_auth for this source (--http.config.file or `sitrep config set`).';
    case 'forbidden':
      return 'The server took the credentials but refuses this request: check the account, tenant header or role.';
    case 'timeout':
      return 'Raise --timeout (e.g. --timeout=30s) if the server is just slow.';
    case 'too-large':
      return 'Raise max_response_size in the config file, or narrow the request with --filter.';
    case 'bad-json':
    case 'bad-shape':
      return `Is ${url} really the ${what} API? A proxy or login page can answer in its place.`;
    case 'network':
    case 'aborted':
    case 'http':
    case 'api':
    case 'credentials':
      return undefined;
    default: {
      const unreachable: never = kind;
      return unreachable;
    }
  }
}

interface ErrorWithCode {
  readonly code?: unknown;
  readonly name?: unknown;
  readonly message?: unknown;
  readonly cause?: unknown;
}

const tlsCodes =
  /^(CERT_|UNABLE_TO_|DEPTH_ZERO|SELF_SIGNED|ERR_TLS_|ERR_SSL_|EPROTO$|HOSTNAME_MISMATCH|ERR_OSSL)/;

/** Classifies a node-fetch or Node network error. `timedOut` says our own timer fired. */
export function networkError(
  label: SourceLabel,
  url: string,
  error: unknown,
  timeoutMs: number,
  timedOut: boolean,
): SourceError {
  const e = (typeof error === 'object' && error !== null ? error : {}) as ErrorWithCode;
  const code = typeof e.code === 'string' ? e.code : '';
  if (timedOut)
    return new SourceError(label, url, 'timeout', `no answer within ${formatDuration(timeoutMs)} (timeout)`);
  if (e.name === 'AbortError') return new SourceError(label, url, 'aborted', 'request cancelled');
  if (code === 'ECONNREFUSED') return new SourceError(label, url, 'connection-refused', 'connection refused');
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN' || code === 'EAI_NONAME') {
    return new SourceError(label, url, 'dns', `host not found (DNS ${code})`);
  }
  if (tlsCodes.test(code)) {
    const { cause, hint } = tlsWords(code);
    return new SourceError(label, url, 'tls', cause, { hint });
  }
  if (
    code === 'ECONNRESET' ||
    code === 'ERR_STREAM_PREMATURE_CLOSE' ||
    /premature close/i.test(String(e.message))
  ) {
    return new SourceError(label, url, 'network', 'the connection closed before the whole answer arrived');
  }
  const detail = code || (typeof e.message === 'string' ? e.message : 'unknown');
  // Node and node-fetch quote the URL in some messages; never let its credentials through.
  return new SourceError(label, url, 'network', `network error: ${detail.replace(/\/\/[^/@\s]*@/g, '//')}`);
}

/** The body is over the configured cap. */
export function tooLarge(label: SourceLabel, url: string, maxBytes: number): SourceError {
  const limit = formatValue(maxBytes, 'bytes');
  return new SourceError(label, url, 'too-large', `the answer is over the size limit of ${limit}`);
}

/** A non-2xx status, with what the server said about it (Prometheus `errorType`/`error`, a message). */
export function statusError(
  label: SourceLabel,
  url: string,
  status: number,
  statusText: string,
  body: string,
  options: { readonly credentialsSent?: boolean } = {},
): SourceError {
  const { text, api } = readErrorBody(body);
  const said = text ? `: ${text}` : '';
  const kind = status === 401 ? 'unauthorized' : status === 403 ? 'forbidden' : 'http';
  const refused = status === 401 && options.credentialsSent === true;
  const words =
    status === 401
      ? refused
        ? 'not authorized: the server refused the credentials sent'
        : 'not authorized'
      : status === 403
        ? 'forbidden'
        : statusText || 'error';
  return new SourceError(label, url, kind, `HTTP ${status} ${words}${said}`, {
    status,
    ...(api === undefined ? {} : { api }),
    ...(refused
      ? {
          hint: 'Check the token or password configured for this source (authorization or basic_auth, or its *_file): it was sent and refused.',
        }
      : status === 404
        ? notFoundHint(label, url)
        : {}),
  });
}

/**
 * A 404 from an Alertmanager or Prometheus API path: the base URL is usually wrong, most often
 * missing the path prefix the server is served under (`--web.route-prefix`, or a proxy's path).
 */
function notFoundHint(label: SourceLabel, url: string): { hint?: string } {
  const what =
    label.kind === 'alertmanager' ? 'Alertmanager' : label.kind === 'prometheus' ? 'Prometheus' : undefined;
  if (what === undefined) return {};
  const safe = redactUrl(url);
  const at = safe.search(/\/api\/v[12]\//);
  if (at < 0) return {};
  const base = safe.slice(0, at);
  return {
    hint: `Is ${base} the base URL of ${what}? One served under a path prefix (--web.route-prefix, or a proxy's path) needs the prefix in the URL, e.g. ${base}/${label.kind}.`,
  };
}

// Prometheus: {"status":"error","errorType":"bad_data","error":"…"}; Alertmanager: a JSON string
// or {"code":…, "message":…}; anything else: its first line, cut short.
function readErrorBody(body: string): {
  readonly text: string;
  readonly api: { readonly errorType: string; readonly error: string } | undefined;
} {
  let text = body.trim();
  let api: { errorType: string; error: string } | undefined;
  try {
    const json = JSON.parse(text) as unknown;
    if (typeof json === 'string') text = json;
    else if (typeof json === 'object' && json !== null) {
      const o = json as Record<string, unknown>;
      const error = o['error'];
      const errorType = o['errorType'];
      if (typeof error === 'string') {
        if (typeof errorType === 'string') api = { errorType, error };
        text = api ? `${api.errorType}: ${error}` : error;
      } else if (typeof o['message'] === 'string') text = o['message'];
    }
  } catch {
    // not JSON: keep the text, or the words of an HTML page (a proxy's error page)
    if (looksLikeHtml(text)) return { text: htmlExcerpt(text), api };
  }
  return { text: cutLine(text), api };
}

// The first line, sanitized and cut to 200 characters.
function cutLine(text: string): string {
  const line = sanitizeLine(text.split('\n', 1)[0] ?? '');
  return line.length > 200 ? `${line.slice(0, 199)}…` : line;
}

/** A body that should have been JSON and is not (cut off, or an HTML page). */
export function badJson(label: SourceLabel, url: string, body: string, error: unknown): SourceError {
  if (looksLikeHtml(body)) {
    return new SourceError(label, url, 'bad-json', `the answer is ${htmlExcerpt(body)}, not JSON`);
  }
  const start = sanitizeLine(body.slice(0, 60));
  const why = errorMessage(error);
  return new SourceError(
    label,
    url,
    'bad-json',
    `the answer is not valid JSON (${why}; it starts "${start}")`,
  );
}

/** Turns a parser's complaint (ShapeError, PrometheusApiError) into a SourceError; rethrows others. */
export function responseError(label: SourceLabel, url: string, error: unknown): SourceError {
  if (error instanceof ShapeError) {
    return new SourceError(label, url, 'bad-shape', `unexpected answer: ${error.message}`, { cause: error });
  }
  if (error instanceof PrometheusApiError) {
    return new SourceError(label, url, 'api', `the server reported ${error.message}`, {
      cause: error,
      api: { errorType: error.errorType, error: error.detail },
    });
  }
  throw error;
}
