// `sitrep config get|set|unset|list` work on dotted keys into the config document:
// `timeout`, `prometheus.url`, `prometheus.headers.X-Scope-OrgID`, `alertmanager.1.basic_auth.password`.
// These are pure edits of a plain object; the store checks the result and writes it.

/** A document as YAML parses it: objects, lists and scalars. */
export type Doc = unknown;

/** A key that cannot be read or written as asked; the message says why. */
export class KeyPathError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'KeyPathError';
  }
}

// Flag spellings accepted as keys, so `config set http.config.file …` works like the flag.
const aliases: Readonly<Record<string, string>> = {
  'http.config.file': 'http_config_file',
  'probe.interval': 'probe_interval',
};

/** `prometheus.headers.X-Scope-OrgID` → `["prometheus", "headers", "X-Scope-OrgID"]`. */
export function splitKey(key: string): string[] {
  const parts = (aliases[key] ?? key).split('.');
  if (parts.some((p) => p === '')) throw new KeyPathError(`"${key}" is not a key (empty part)`);
  return parts;
}

function isList(value: unknown): value is readonly unknown[] {
  return Array.isArray(value);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !isList(value);
}

function index(part: string, list: readonly unknown[], key: string, forWrite: boolean): number {
  if (!/^\d+$/.test(part)) throw new KeyPathError(`${key}: "${part}" must be a number here (this is a list)`);
  const i = Number(part);
  if (i > list.length || (!forWrite && i >= list.length)) {
    throw new KeyPathError(`${key}: the list has ${list.length} item(s)`);
  }
  return i;
}

/** The value at a key, or undefined when nothing is there. */
export function getAt(doc: Doc, parts: readonly string[]): unknown {
  let node: unknown = doc;
  for (const part of parts) {
    if (isList(node)) node = /^\d+$/.test(part) ? node[Number(part)] : undefined;
    else if (typeof node === 'string' && part === 'url')
      continue; // a source given as a bare URL
    else if (isObject(node) && Object.hasOwn(node, part)) node = node[part];
    else return undefined;
  }
  return node;
}

/**
 * A copy of `doc` with `value` at the key, creating maps and lists on the way. A source written as
 * a bare URL string becomes `{url: …}` when a key inside it is set.
 */
export function setAt(doc: Doc, parts: readonly string[], value: unknown, key = parts.join('.')): Doc {
  const [head, ...rest] = parts;
  if (head === undefined) return value;
  // A number starts (or indexes) a list; a single source written without a list is its item 0.
  const list = isList(doc)
    ? doc
    : /^\d+$/.test(head)
      ? doc === undefined || doc === null
        ? []
        : [doc]
      : undefined;
  if (list) {
    const i = index(head, list, key, true);
    const copy = [...list];
    copy[i] = setAt(list[i], rest, value, key);
    return copy;
  }
  let base: Record<string, unknown>;
  if (typeof doc === 'string') base = { url: doc };
  else if (isObject(doc)) base = doc;
  else if (doc === undefined || doc === null) base = {};
  else throw new KeyPathError(`${key}: "${head}" is inside a value that is not a map`);
  const next = setAt(base[head], rest, value, key);
  const entries = Object.entries(base).map(([k, v]) => [k, k === head ? next : v] as const);
  return Object.fromEntries(Object.hasOwn(base, head) ? entries : [...entries, [head, next]]);
}

/** A copy of `doc` without the key; maps and lists left empty by it are removed too. */
export function unsetAt(doc: Doc, parts: readonly string[]): Doc {
  const [head, ...rest] = parts;
  if (head === undefined) return undefined;
  if (isList(doc)) {
    if (!/^\d+$/.test(head) || Number(head) >= doc.length) return doc;
    const i = Number(head);
    const inner = rest.length === 0 ? undefined : unsetAt(doc[i], rest);
    const copy =
      inner === undefined ? doc.filter((_, j) => j !== i) : doc.map((item, j) => (j === i ? inner : item));
    return copy.length === 0 ? undefined : copy;
  }
  if (!isObject(doc) || !Object.hasOwn(doc, head)) return doc;
  const inner = rest.length === 0 ? undefined : unsetAt(doc[head], rest);
  const entries = Object.entries(doc).filter(([k]) => k !== head);
  if (inner !== undefined) entries.push([head, inner]);
  return entries.length === 0 ? undefined : Object.fromEntries(entries);
}

/** Every leaf as `[key, value]`, in document order: what `config list` prints. */
export function flatten(doc: Doc, prefix: readonly string[] = []): [string, unknown][] {
  if (isList(doc)) return doc.flatMap((item, i) => flatten(item, [...prefix, String(i)]));
  if (isObject(doc)) return Object.entries(doc).flatMap(([k, v]) => flatten(v, [...prefix, k]));
  return prefix.length === 0 ? [] : [[prefix.join('.'), doc]];
}

const secretKeys = new Set(['credentials', 'password', 'bearer_token', 'client_secret']);
const secretHeader = /authorization|token|secret|password|cookie|api[-_]?key|session/i;

/** Whether the value at this key is a secret: tokens, passwords, and headers that carry them. */
export function isSecretKey(parts: readonly string[]): boolean {
  const last = parts[parts.length - 1] ?? '';
  if (secretKeys.has(last)) return true;
  return parts[parts.length - 2] === 'headers' && secretHeader.test(last);
}

/**
 * A copy of `doc` with every secret replaced by `<redacted>`: the values of secret keys, and the
 * password inside any URL (`https://bob:<redacted>@host`). The one redaction for config output.
 */
export function redactSecrets(doc: Doc, prefix: readonly string[] = []): Doc {
  if (isList(doc)) return doc.map((item, i) => redactSecrets(item, [...prefix, String(i)]));
  if (isObject(doc)) {
    return Object.fromEntries(Object.entries(doc).map(([k, v]) => [k, redactSecrets(v, [...prefix, k])]));
  }
  if (doc === undefined || doc === null) return doc;
  if (prefix.length > 0 && isSecretKey(prefix)) return '<redacted>';
  return typeof doc === 'string' ? redactUrlPassword(doc) : doc;
}

/** `scheme://user:password@…` anywhere in the text → `scheme://user:<redacted>@…`. */
export function redactUrlPassword(text: string): string {
  return text.replace(/([a-z][a-z0-9+.-]*:\/\/[^/@\s:]*):[^/@\s]*@/gi, '$1:<redacted>@');
}

/** The typed value for a key set from the command line: booleans where the key is one. */
export function coerceValue(parts: readonly string[], text: string): unknown {
  if (parts[parts.length - 1] === 'insecure_skip_verify') {
    if (text === 'true' || text === 'false') return text === 'true';
    throw new KeyPathError(`${parts.join('.')}: expected true or false, got "${text}"`);
  }
  return text;
}
