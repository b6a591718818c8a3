// Small readers for validating parsed JSON field by field. A journal line comes from disk and may
// have been written by another version or torn by a crash, so nothing is trusted until read here.
import type { LabelSet } from '../alerts/alert.js';

/** A JSON object as JSON.parse returns it. */
export type JsonObject = Readonly<Record<string, unknown>>;

/** Thrown when a field has the wrong shape; the message names the field path. */
export class FieldError extends Error {
  constructor(path: string, expected: string) {
    super(`${path}: expected ${expected}`);
    this.name = 'FieldError';
  }
}

/** True for a plain JSON object (not an array, not null). */
export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The object at `path`, or a FieldError. */
export function objectAt(value: unknown, path: string): JsonObject {
  if (!isObject(value)) throw new FieldError(path, 'an object');
  return value;
}

/** A required string field. */
export function str(object: JsonObject, key: string, path: string): string {
  const value = object[key];
  if (typeof value !== 'string') throw new FieldError(`${path}.${key}`, 'a string');
  return value;
}

/** An optional string field: absent (or null) gives undefined. */
export function optStr(object: JsonObject, key: string, path: string): string | undefined {
  const value = object[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw new FieldError(`${path}.${key}`, 'a string');
  return value;
}

/** A required boolean field. */
export function bool(object: JsonObject, key: string, path: string): boolean {
  const value = object[key];
  if (typeof value !== 'boolean') throw new FieldError(`${path}.${key}`, 'true or false');
  return value;
}

/** A required finite number field (counts, steps; never a sample value). */
export function num(object: JsonObject, key: string, path: string): number {
  const value = object[key];
  if (typeof value !== 'number' || !Number.isFinite(value))
    throw new FieldError(`${path}.${key}`, 'a number');
  return value;
}

// The shape sitrep writes (Date#toISOString) with every field in range: Date.parse reads all of
// these (it lets any month have a 31st), so they need not go through it. Date.parse cost most of a
// 10,000-event journal's field checks; the test checks this pattern against it.
const writtenTime =
  /^\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])T(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d\.\d{3}Z$/;

/** True for a timestamp Date.parse reads (the usual shape without asking it). */
export function isIsoTime(value: string): boolean {
  return writtenTime.test(value) || !Number.isNaN(Date.parse(value));
}

/** A required ISO 8601 timestamp field, kept as written. */
export function time(object: JsonObject, key: string, path: string): string {
  const value = str(object, key, path);
  if (!isIsoTime(value)) throw new FieldError(`${path}.${key}`, 'an ISO time');
  return value;
}

/** A required array field, each item read by `item`. */
export function list<T>(
  object: JsonObject,
  key: string,
  path: string,
  item: (value: unknown, path: string) => T,
): T[] {
  const value = object[key];
  if (!Array.isArray(value)) throw new FieldError(`${path}.${key}`, 'a list');
  return value.map((entry, index) => item(entry, `${path}.${key}[${index}]`));
}

/** A label set: an object whose values are all strings. */
export function labelSet(object: JsonObject, key: string, path: string): LabelSet {
  const value = objectAt(object[key], `${path}.${key}`);
  const labels: Record<string, string> = {};
  for (const [name, labelValue] of Object.entries(value)) {
    if (typeof labelValue !== 'string') throw new FieldError(`${path}.${key}.${name}`, 'a string');
    labels[name] = labelValue;
  }
  return labels;
}

/**
 * A sample value: a JSON number, or "NaN", "+Inf", "-Inf" (how the journal writes the values
 * JSON has no number for, and how Prometheus itself sends them).
 */
export function sampleValue(value: unknown, path: string): number {
  if (typeof value === 'number') return value;
  if (value === 'NaN') return NaN;
  if (value === '+Inf' || value === 'Inf') return Infinity;
  if (value === '-Inf') return -Infinity;
  throw new FieldError(path, 'a number, "NaN", "+Inf" or "-Inf"');
}

/** The JSON form of a sample value (see sampleValue). */
export function encodeSampleValue(value: number): number | string {
  if (Number.isNaN(value)) return 'NaN';
  if (value === Infinity) return '+Inf';
  if (value === -Infinity) return '-Inf';
  return value;
}

/**
 * `{ [key]: value }`, or `{}` when value is undefined: spread it to set an optional property under
 * exactOptionalPropertyTypes, which forbids writing `undefined` into one.
 */
export function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}
