// Small readers for JSON and YAML whose shape we do not trust. Each takes the value and the path it
// was found at, and either returns it typed or throws a ShapeError that says where and what.
import { isCalendarUtcTime } from '../format/utc-time.js';

/** Where a value sits in a document: `["data", "alerts", 3, "labels"]`. */
export type ShapePath = readonly (string | number)[];

/** A value is not of the shape a server response or a config file must have. */
export class ShapeError extends Error {
  readonly path: ShapePath;

  constructor(path: ShapePath, problem: string) {
    super(path.length > 0 ? `${formatPath(path)}: ${problem}` : problem);
    this.name = 'ShapeError';
    this.path = path;
  }
}

/** `data.alerts[3].labels`; a key that is not an identifier is quoted: `headers["X-Scope-OrgID"]`. */
export function formatPath(path: ShapePath): string {
  let text = '';
  for (const part of path) {
    if (typeof part === 'number') text += `[${part}]`;
    else if (/^[A-Za-z_][A-Za-z0-9_]*$/.test(part)) text += text === '' ? part : `.${part}`;
    else text += `[${JSON.stringify(part)}]`;
  }
  return text;
}

/** "an object", "a number", "null", … for error messages. */
export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') return value.length > 40 ? 'a string' : `"${value}"`;
  if (typeof value === 'number') return `the number ${value}`;
  if (typeof value === 'boolean') return String(value);
  return typeof value;
}

function expected(path: ShapePath, what: string, value: unknown): ShapeError {
  return new ShapeError(path, `expected ${what}, got ${describeValue(value)}`);
}

/** A plain object (not a list, not null). */
export function readObject(value: unknown, path: ShapePath): Readonly<Record<string, unknown>> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw expected(path, 'an object', value);
  }
  return value as Record<string, unknown>;
}

/** A list. */
export function readArray(value: unknown, path: ShapePath): readonly unknown[] {
  if (!Array.isArray(value)) throw expected(path, 'a list', value);
  return value;
}

/** A string. */
export function readString(value: unknown, path: ShapePath): string {
  if (typeof value !== 'string') throw expected(path, 'a string', value);
  return value;
}

/** A string, or undefined when the value is missing or null. */
export function readOptionalString(value: unknown, path: ShapePath): string | undefined {
  return value === undefined || value === null ? undefined : readString(value, path);
}

/** A finite number. */
export function readNumber(value: unknown, path: ShapePath): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) throw expected(path, 'a number', value);
  return value;
}

/** A boolean, or undefined when missing or null. */
export function readOptionalBoolean(value: unknown, path: ShapePath): boolean | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'boolean') throw expected(path, 'true or false', value);
  return value;
}

/**
 * A map of strings to strings (labels, annotations, headers); missing or null is empty. A
 * `__proto__` key stays an ordinary key. Written as a plain loop that builds no path unless a
 * value is wrong: it runs for every label of every alert (10,000 alerts carry ~100,000 labels).
 */
export function readStringMap(value: unknown, path: ShapePath): Readonly<Record<string, string>> {
  if (value === undefined || value === null) return {};
  const object = readObject(value, path);
  const result: Record<string, string> = {};
  for (const key of Object.keys(object)) {
    const item = object[key];
    if (typeof item !== 'string') throw expected([...path, key], 'a string', item);
    if (key === '__proto__')
      Object.defineProperty(result, key, { value: item, enumerable: true, writable: true });
    else result[key] = item;
  }
  return result;
}

/** A list of strings; missing or null is empty. */
export function readStringList(value: unknown, path: ShapePath): readonly string[] {
  if (value === undefined || value === null) return [];
  const items = readArray(value, path);
  for (let index = 0; index < items.length; index += 1) {
    if (typeof items[index] !== 'string') throw expected([...path, index], 'a string', items[index]);
  }
  return items as readonly string[];
}

/** One of a fixed set of strings. */
export function readEnum<const T extends string>(value: unknown, allowed: readonly T[], path: ShapePath): T {
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
  throw expected(path, `one of ${allowed.join(', ')}`, value);
}

/**
 * Reads each item of a list with `read`; an item of the wrong shape is skipped and described in
 * `problems`, so one odd alert does not hide all the others. Other errors are bugs and propagate.
 */
export function readEach<T>(
  items: readonly unknown[],
  path: ShapePath,
  read: (item: unknown, path: ShapePath) => T,
): { readonly values: T[]; readonly problems: string[] } {
  const values: T[] = [];
  const problems: string[] = [];
  items.forEach((item, index) => {
    try {
      values.push(read(item, [...path, index]));
    } catch (error) {
      if (!(error instanceof ShapeError)) throw error;
      problems.push(`skipped ${error.message}`);
    }
  });
  return { values, problems };
}

/** Throws for a key that is not in `allowed`: catches typos in config files. */
export function rejectUnknownKeys(
  object: Readonly<Record<string, unknown>>,
  allowed: readonly string[],
  path: ShapePath,
): void {
  for (const key of Object.keys(object)) {
    if (!allowed.includes(key)) {
      throw new ShapeError([...path, key], `unknown key (expected one of: ${allowed.join(', ')})`);
    }
  }
}

/** An ISO 8601 time, returned normalized (`2024-05-01T10:00:00.000Z`). */
export function readTime(value: unknown, path: ShapePath): string {
  const text = readString(value, path);
  // Alertmanager's times are already in this form; parsing them again costs ~10 ms per 10,000.
  if (isCanonicalTime(text)) return text;
  const ms = Date.parse(text);
  if (Number.isNaN(ms)) throw expected(path, 'a time (ISO 8601)', value);
  return new Date(ms).toISOString();
}

/** True for a time already in the form readTime returns (`2024-05-01T10:00:00.000Z`), on a real day. */
export function isCanonicalTime(text: string): boolean {
  return text.length === 24 && isCalendarUtcTime(text);
}
