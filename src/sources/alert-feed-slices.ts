// The feed's Alertmanager reader that parses only what changed. Each refresh's answer (8 MB at
// 10,000 alerts) is cut into the text of each alert, and an alert whose text is the same as in
// the last answer is the same Alert object as then: no parsed JSON tree of the whole answer
// (~11 MiB), no new objects, no validation for it, and the worker's delta finds it unchanged at
// once. What the cut cannot vouch for (not an array of objects, an item the quick reader doubts)
// goes the usual way, whole, so errors and skipped items read as getAlerts reports them.
import { createHash } from 'node:crypto';
import type { Alert, AlertOrigin } from '../core/alerts/alert.js';
import { parseAlertmanagerAlerts } from '../core/alerts/alertmanager-api.js';
import { readAlertQuickly } from '../core/alerts/alertmanager-fast-path.js';
import { formatMatcher, type Matcher } from '../core/alerts/matchers.js';
import type { SourceAlerts } from './alert-sources.js';
import { endpointUrl, getJsonText, parseJson, type Endpoint } from './http-client.js';
import { responseError } from './http-error.js';

const path = '/api/v2/alerts';

/**
 * A fetch of one Alertmanager's alerts in every state (as fetchSourceAlerts asks), that remembers
 * the alerts of its last answer by the digest of their text and reuses those whose text is the same.
 */
export function reusingAlertmanagerFetch(
  source: Endpoint,
  filter: readonly Matcher[] = [],
): (signal: AbortSignal) => Promise<SourceAlerts> {
  const query = {
    active: true,
    silenced: true,
    inhibited: true,
    unprocessed: true,
    filter: filter.map(formatMatcher),
  };
  const origin: AlertOrigin = { kind: 'alertmanager', source: source.name };
  let known = new Map<string, Alert>();
  return async (signal) => {
    const { body, url } = await getJsonText(source, path, query, signal);
    const reused = readReusing(body, origin, known);
    if (reused !== undefined) {
      known = reused.known;
      return { kind: 'alertmanager', alerts: reused.alerts, problems: [] };
    }
    known = new Map();
    const json = parseJson(source, url, body);
    try {
      return { kind: 'alertmanager', ...parseAlertmanagerAlerts(json, origin) };
    } catch (error) {
      throw responseError(source, endpointUrl(source, path, query), error);
    }
  };
}

/**
 * The alerts of `body` (a JSON array of alerts), each reused from `known` when its text has the
 * same digest, with the map for the next answer; undefined when the body needs the whole reader.
 */
export function readReusing(
  body: string,
  origin: AlertOrigin,
  known: ReadonlyMap<string, Alert>,
): { readonly alerts: Alert[]; readonly known: Map<string, Alert> } | undefined {
  const items = jsonArrayItems(body);
  if (items === undefined) return undefined;
  const next = new Map<string, Alert>();
  const alerts: Alert[] = [];
  for (const item of items) {
    const digest = createHash('sha1').update(item).digest('base64');
    let alert = next.get(digest) ?? known.get(digest);
    if (alert === undefined) {
      let json: unknown;
      try {
        json = JSON.parse(item);
      } catch {
        return undefined;
      }
      alert = readAlertQuickly(json, origin);
      if (alert === undefined) return undefined;
    }
    next.set(digest, alert);
    alerts.push(alert);
  }
  return { alerts, known: next };
}

/**
 * The text of each item of a JSON array of objects (`[{…}, {…}]`, JSON's whitespace anywhere
 * between them); undefined when the text is not that. Each item's own inside is left for
 * JSON.parse to judge: only its strings and brackets are followed, to find where it ends.
 */
export function jsonArrayItems(text: string): string[] | undefined {
  const items: string[] = [];
  let at = skipSpace(text, 0);
  if (text.charCodeAt(at) !== openBracket) return undefined;
  at = skipSpace(text, at + 1);
  if (text.charCodeAt(at) === closeBracket)
    return skipSpace(text, at + 1) === text.length ? items : undefined;
  for (;;) {
    if (text.charCodeAt(at) !== openBrace) return undefined;
    const end = objectEnd(text, at);
    if (end === undefined) return undefined;
    items.push(text.slice(at, end));
    at = skipSpace(text, end);
    const separator = text.charCodeAt(at);
    at = skipSpace(text, at + 1);
    if (separator === closeBracket) return at === text.length ? items : undefined;
    if (separator !== comma) return undefined;
  }
}

const openBracket = 0x5b;
const closeBracket = 0x5d;
const openBrace = 0x7b;
const closeBrace = 0x7d;
const comma = 0x2c;
const quote = 0x22;
const backslash = 0x5c;

function skipSpace(text: string, from: number): number {
  let at = from;
  for (;;) {
    const code = text.charCodeAt(at);
    if (code !== 0x20 && code !== 0x0a && code !== 0x0d && code !== 0x09) return at;
    at += 1;
  }
}

// Just past the bracket that closes the one opening at `start`; undefined when none does.
function objectEnd(text: string, start: number): number | undefined {
  let depth = 0;
  for (let at = start; at < text.length; at += 1) {
    const code = text.charCodeAt(at);
    if (code === quote) {
      const end = stringEnd(text, at + 1);
      if (end === undefined) return undefined;
      at = end;
    } else if (code === openBrace || code === openBracket) depth += 1;
    else if (code === closeBrace || code === closeBracket) {
      depth -= 1;
      if (depth === 0) return at + 1;
    }
  }
  return undefined;
}

// The index of the quote that ends a string whose text starts at `from`.
function stringEnd(text: string, from: number): number | undefined {
  let at = from;
  for (;;) {
    const end = text.indexOf('"', at);
    if (end < 0) return undefined;
    let backslashes = 0;
    while (text.charCodeAt(end - 1 - backslashes) === backslash) backslashes += 1;
    if (backslashes % 2 === 0) return end;
    at = end + 1;
  }
}
