// The feed's Alertmanager reader that parses only what changed. Each refresh's answer (8 MB at
// 10,000 alerts) is cut into the text of each alert, and an alert whose text is the same as in
// the last answer is the same Alert object as then: no parsed JSON tree of the whole answer
// (~11 MiB), no new objects, no validation for it, and the feed finds it unchanged at
// once. What the cut cannot vouch for (not an array of objects, an item the quick reader doubts)
// goes the usual way, whole, so errors and skipped items read as getAlerts reports them.
import { createHash } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { Alert, AlertOrigin } from '../core/alerts/alert.js';
import { parseAlertmanagerAlerts } from '../core/alerts/alertmanager-api.js';
import { readAlertQuickly } from '../core/alerts/alertmanager-fast-path.js';
import { formatMatcher, type Matcher } from '../core/alerts/matchers.js';
import type { SourceAlerts } from './alert-sources.js';
import { endpointUrl, getJsonText, parseJson, type Endpoint } from './http-client.js';
import { responseError } from './http-error.js';

const path = '/api/v2/alerts';

/** How long the reader works before it lets the event loop run (keys, frames, timers). */
export const sliceMs = 4;

/** How long after an answer read whole its digests are worked out (the screen draws it first). */
const learnAfterMs = 1_000;

/** Lets the event loop run, then resolves: what the reader awaits between two slices of work. */
export type Pause = () => Promise<void>;

/** The event loop's next check phase: timers and I/O (a key, a frame) run before it. */
export const nextTurn: Pause = () => new Promise((resolve) => setImmediate(resolve));

/** A fetch that remembers between answers, and stop(), which ends the work it left for later. */
export interface ReusingFetch {
  readonly fetch: (signal: AbortSignal) => Promise<SourceAlerts>;
  /**
   * Cancels the digests still to be worked out for the last answer read whole (their timer, or
   * their slices under way): nothing runs for this fetch after it. The alerts already remembered
   * are kept, so a fetch after stop() gives what it would have given.
   */
  readonly stop: () => void;
}

/**
 * A fetch of one Alertmanager's alerts in every state (as fetchSourceAlerts asks), that remembers
 * the alerts of its last answer by the digest of their text and reuses those whose text is the same
 * (the same objects, which the feed's sameBatch finds unchanged without comparing their fields).
 * The answer is read in slices of about `sliceMs`, with `pause` between them, so a big one never
 * holds the thread long.
 */
export function reusingAlertmanagerFetch(
  source: Endpoint,
  filter: readonly Matcher[] = [],
  pause: Pause = nextTurn,
): ReusingFetch {
  const query = {
    active: true,
    silenced: true,
    inhibited: true,
    unprocessed: true,
    filter: filter.map(formatMatcher),
  };
  const origin: AlertOrigin = { kind: 'alertmanager', source: source.name };
  let known = new Map<string, Alert>();
  // The digests of an answer read whole, worked out a while after it was handed on (the screen
  // draws it meanwhile), or at once when the next answer comes first. stop() aborts `cancel`, which
  // ends them between two slices, and puts a new one in its place for the digests to come.
  let learning: { readonly timer: NodeJS.Timeout; readonly learn: () => Promise<void> } | undefined;
  let learned: Promise<void> | undefined;
  let cancel = new AbortController();
  const learnNow = () => {
    if (learning === undefined) return learned;
    const { timer, learn } = learning;
    clearTimeout(timer);
    learning = undefined;
    learned = learn();
    return learned;
  };
  const whole = (body: string, url: string): SourceAlerts => {
    known = new Map();
    const json = parseJson(source, url, body);
    try {
      return { kind: 'alertmanager', ...parseAlertmanagerAlerts(json, origin) };
    } catch (error) {
      throw responseError(source, endpointUrl(source, path, query), error);
    }
  };
  const fetch = async (signal: AbortSignal): Promise<SourceAlerts> => {
    const { body, url } = await getJsonText(source, path, query, signal);
    await learnNow();
    if (known.size === 0) {
      // Nothing to reuse (the first answer): one JSON.parse of the whole is quicker than the cut
      // and an item-by-item parse, and the screen waits for this one. Each item's digest is
      // worked out later, in slices, for the next answer.
      const read = whole(body, url);
      if (read.problems.length === 0) {
        const alerts = read.alerts;
        const cancelled = cancel.signal;
        const learn = () =>
          digestsOf(body, alerts, pause, cancelled).then((digests) => {
            if (digests !== undefined) known = digests;
          });
        const timer = setTimeout(() => void learnNow(), learnAfterMs);
        timer.unref();
        learning = { timer, learn };
      }
      return read;
    }
    const reused = await readReusingInSlices(body, origin, known, pause);
    signal.throwIfAborted();
    if (reused === undefined) return whole(body, url);
    known = reused.known;
    return { kind: 'alertmanager', alerts: reused.alerts, problems: [] };
  };
  const stop = () => {
    if (learning !== undefined) clearTimeout(learning.timer);
    learning = undefined;
    cancel.abort();
    cancel = new AbortController();
  };
  return { fetch, stop };
}

// Each item's digest with its alert (`alerts`, read from `body` with nothing skipped, in order);
// undefined when the cut does not find as many items, or when `cancelled` between two slices.
async function digestsOf(
  body: string,
  alerts: readonly Alert[],
  pause: Pause,
  cancelled: AbortSignal,
): Promise<Map<string, Alert> | undefined> {
  const next = arrayCutter(body);
  const digests = new Map<string, Alert>();
  let until = performance.now() + sliceMs;
  for (let index = 0; ; index += 1) {
    if (index % 32 === 0 && performance.now() > until) {
      await pause();
      if (cancelled.aborted) return undefined;
      until = performance.now() + sliceMs;
    }
    const item = next();
    if (item === undefined) return undefined;
    if (item === done) return index === alerts.length ? digests : undefined;
    const alert = alerts[index];
    if (alert === undefined) return undefined;
    digests.set(createHash('sha1').update(item).digest('base64'), alert);
  }
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
  const reader = reusingReader(body, origin, known);
  for (;;) {
    const step = reader.step(Number.POSITIVE_INFINITY);
    if (step !== 'more') return step;
  }
}

/** readReusing's answer, cut, hashed and parsed in slices of about `sliceMs` with `pause` between. */
export async function readReusingInSlices(
  body: string,
  origin: AlertOrigin,
  known: ReadonlyMap<string, Alert>,
  pause: Pause = nextTurn,
): Promise<{ readonly alerts: Alert[]; readonly known: Map<string, Alert> } | undefined> {
  const reader = reusingReader(body, origin, known);
  for (;;) {
    const step = reader.step(performance.now() + sliceMs);
    if (step !== 'more') return step;
    await pause();
  }
}

// Reads items until `until` (performance.now()) passes, checked every few items.
function reusingReader(body: string, origin: AlertOrigin, known: ReadonlyMap<string, Alert>) {
  const next = arrayCutter(body);
  const seen = new Map<string, Alert>();
  const alerts: Alert[] = [];
  const step = (
    until: number,
  ): { readonly alerts: Alert[]; readonly known: Map<string, Alert> } | undefined | 'more' => {
    for (let count = 1; ; count += 1) {
      if (count % 32 === 0 && performance.now() > until) return 'more';
      const item = next();
      if (item === undefined) return undefined;
      if (item === done) return { alerts, known: seen };
      const digest = createHash('sha1').update(item).digest('base64');
      let alert = seen.get(digest) ?? known.get(digest);
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
      seen.set(digest, alert);
      alerts.push(alert);
    }
  };
  return { step };
}

/**
 * The text of each item of a JSON array of objects (`[{…}, {…}]`, JSON's whitespace anywhere
 * between them); undefined when the text is not that. Each item's own inside is left for
 * JSON.parse to judge: only its strings and brackets are followed, to find where it ends.
 */
export function jsonArrayItems(text: string): string[] | undefined {
  const items: string[] = [];
  const next = arrayCutter(text);
  for (;;) {
    const item = next();
    if (item === undefined) return undefined;
    if (item === done) return items;
    items.push(item);
  }
}

const done = Symbol('end of the array');

// Each call gives the next item's text, `done` after the last, or undefined once the text is not
// an array of objects (and from then on).
function arrayCutter(text: string): () => string | typeof done | undefined {
  let at = skipSpace(text, 0);
  let state: 'first' | 'item' | 'over' | 'bad' = 'first';
  if (text.charCodeAt(at) !== openBracket) state = 'bad';
  else at = skipSpace(text, at + 1);
  return () => {
    if (state === 'bad') return undefined;
    if (state === 'over') return done;
    if (state === 'first') {
      state = 'item';
      if (text.charCodeAt(at) === closeBracket) {
        state = skipSpace(text, at + 1) === text.length ? 'over' : 'bad';
        return state === 'over' ? done : undefined;
      }
    }
    if (text.charCodeAt(at) !== openBrace) {
      state = 'bad';
      return undefined;
    }
    const end = objectEnd(text, at);
    if (end === undefined) {
      state = 'bad';
      return undefined;
    }
    const item = text.slice(at, end);
    at = skipSpace(text, end);
    const separator = text.charCodeAt(at);
    at = skipSpace(text, at + 1);
    if (separator === closeBracket && at === text.length) state = 'over';
    else if (separator !== comma) {
      state = 'bad';
      return undefined;
    }
    return item;
  };
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
