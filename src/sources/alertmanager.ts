// Alertmanager API v2 client. Each call takes the source (a SourceConfig, or any Endpoint with
// kind 'alertmanager') and an optional AbortSignal, and throws SourceError on any failure.
import type { AlertOrigin } from '../core/alerts/alert.js';
import {
  parseAlertmanagerAlerts,
  parseAlertmanagerStatus,
  type AlertmanagerStatus,
  type ParsedAlerts,
} from '../core/alerts/alertmanager-api.js';
import { formatMatcher, type Matcher } from '../core/alerts/matchers.js';
import {
  parseSilence,
  parseSilenceId,
  silenceRequestBody,
  type NewSilence,
  type Silence,
} from '../core/alerts/silence.js';
import { endpointUrl, getJson, sendJson, type Endpoint, type QueryParams } from './http-client.js';
import { responseError } from './http-error.js';

/** Which alerts `GET /api/v2/alerts` returns. Alertmanager's defaults: all true, no filter. */
export interface AlertQuery {
  readonly active?: boolean;
  readonly silenced?: boolean;
  readonly inhibited?: boolean;
  readonly unprocessed?: boolean;
  /** Label matchers, applied by the server. */
  readonly filter?: readonly Matcher[];
  /** A regular expression on receiver names. */
  readonly receiver?: string;
}

function origin(source: Endpoint): AlertOrigin {
  return { kind: 'alertmanager', source: source.name };
}

function queryOf(query: AlertQuery): QueryParams {
  return {
    active: query.active,
    silenced: query.silenced,
    inhibited: query.inhibited,
    unprocessed: query.unprocessed,
    receiver: query.receiver,
    filter: query.filter?.map(formatMatcher),
  };
}

// Parses with `parse`, turning a shape complaint into a SourceError that names this request.
function read<T>(
  source: Endpoint,
  path: string,
  query: QueryParams,
  json: unknown,
  parse: (json: unknown) => T,
): T {
  try {
    return parse(json);
  } catch (error) {
    throw responseError(source, endpointUrl(source, path, query), error);
  }
}

/** `GET /api/v2/alerts`: alerts in the domain model, plus lines for malformed items skipped. */
export async function getAlerts(
  source: Endpoint,
  query: AlertQuery = {},
  signal?: AbortSignal,
): Promise<ParsedAlerts> {
  const params = queryOf(query);
  const json = await getJson(source, '/api/v2/alerts', params, signal);
  return read(source, '/api/v2/alerts', params, json, (j) => parseAlertmanagerAlerts(j, origin(source)));
}

/** `GET /api/v2/silence/{id}`: one silence, whoever made it. */
export async function getSilence(source: Endpoint, id: string, signal?: AbortSignal): Promise<Silence> {
  const path = `/api/v2/silence/${encodeURIComponent(id)}`;
  const json = await getJson(source, path, {}, signal);
  return read(source, path, {}, json, (j) => parseSilence(j));
}

/** `POST /api/v2/silences`: creates (or with `id`, updates) a silence; returns its id. Not retried. */
export async function createSilence(
  source: Endpoint,
  silence: NewSilence,
  signal?: AbortSignal,
): Promise<string> {
  const json = await sendJson(source, 'POST', '/api/v2/silences', silenceRequestBody(silence), signal);
  return read(source, '/api/v2/silences', {}, json, parseSilenceId);
}

/** `DELETE /api/v2/silence/{id}`: expires a silence now. Not retried. */
export async function expireSilence(source: Endpoint, id: string, signal?: AbortSignal): Promise<void> {
  await sendJson(source, 'DELETE', `/api/v2/silence/${encodeURIComponent(id)}`, undefined, signal);
}

/** `GET /api/v2/status`: version, uptime and cluster state. */
export async function getStatus(source: Endpoint, signal?: AbortSignal): Promise<AlertmanagerStatus> {
  const json = await getJson(source, '/api/v2/status', {}, signal);
  return read(source, '/api/v2/status', {}, json, parseAlertmanagerStatus);
}
