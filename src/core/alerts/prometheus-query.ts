// Results of `/api/v1/query` and `/api/v1/query_range`, read into numbers the probe engine can
// compare. Prometheus sends sample values as strings so it can say "NaN", "+Inf" and "-Inf".
import type { LabelSet } from './alert.js';
import {
  readArray,
  readEnum,
  readNumber,
  readObject,
  readString,
  readStringMap,
  ShapeError,
} from './shape.js';
import type { ShapePath } from './shape.js';

/** One value at one time. `timestamp` is Unix seconds (fractional). */
export interface SamplePoint {
  readonly timestamp: number;
  /** NaN, Infinity and -Infinity are possible; a native histogram sample carries its count here. */
  readonly value: number;
  /** Present for native histogram samples. */
  readonly histogram?: { readonly count: number; readonly sum: number };
}

/** One series of an instant query. */
export interface InstantSample extends SamplePoint {
  readonly metric: LabelSet;
}

/** One series of a range query. */
export interface RangeSeries {
  readonly metric: LabelSet;
  readonly points: readonly SamplePoint[];
}

/** A query result by its `resultType`, plus the server's warnings. */
export type QueryResult =
  | {
      readonly resultType: 'vector';
      readonly samples: readonly InstantSample[];
      readonly warnings: readonly string[];
    }
  | {
      readonly resultType: 'matrix';
      readonly series: readonly RangeSeries[];
      readonly warnings: readonly string[];
    }
  | { readonly resultType: 'scalar'; readonly point: SamplePoint; readonly warnings: readonly string[] }
  | {
      readonly resultType: 'string';
      readonly timestamp: number;
      readonly text: string;
      readonly warnings: readonly string[];
    };

/** Parses a sample value string: `"1.5"`, `"NaN"`, `"+Inf"`, `"-Inf"`. Throws ShapeError otherwise. */
export function parseSampleValue(value: unknown, path: ShapePath): number {
  const text = readString(value, path);
  switch (text) {
    case 'NaN':
      return Number.NaN;
    case '+Inf':
    case 'Inf':
      return Number.POSITIVE_INFINITY;
    case '-Inf':
      return Number.NEGATIVE_INFINITY;
    default: {
      const number = text.trim() === '' ? Number.NaN : Number(text);
      if (Number.isNaN(number)) throw new ShapeError(path, `expected a sample value, got "${text}"`);
      return number;
    }
  }
}

// [ <unix seconds>, "<value>" ]
function parsePoint(json: unknown, path: ShapePath): SamplePoint {
  const pair = readArray(json, path);
  if (pair.length !== 2) throw new ShapeError(path, `expected [time, value], got ${pair.length} items`);
  return { timestamp: readNumber(pair[0], [...path, 0]), value: parseSampleValue(pair[1], [...path, 1]) };
}

// [ <unix seconds>, { count, sum, buckets } ]: kept as count and sum.
function parseHistogramPoint(json: unknown, path: ShapePath): SamplePoint {
  const pair = readArray(json, path);
  const histogram = readObject(pair[1], [...path, 1]);
  const count = parseSampleValue(histogram['count'], [...path, 1, 'count']);
  const sum = parseSampleValue(histogram['sum'], [...path, 1, 'sum']);
  return { timestamp: readNumber(pair[0], [...path, 0]), value: count, histogram: { count, sum } };
}

/** Reads the `data` of a query response. Throws ShapeError. */
export function parseQueryResult(data: unknown, warnings: readonly string[] = []): QueryResult {
  const object = readObject(data, ['data']);
  const resultType = readEnum(
    object['resultType'],
    ['vector', 'matrix', 'scalar', 'string'],
    ['data', 'resultType'],
  );
  const result = object['result'];
  const path: ShapePath = ['data', 'result'];
  switch (resultType) {
    case 'vector':
      return {
        resultType,
        warnings,
        samples: readArray(result, path).map((item, index) => {
          const sample = readObject(item, [...path, index]);
          const metric = readStringMap(sample['metric'], [...path, index, 'metric']);
          const point =
            sample['histogram'] !== undefined
              ? parseHistogramPoint(sample['histogram'], [...path, index, 'histogram'])
              : parsePoint(sample['value'], [...path, index, 'value']);
          return { metric, ...point };
        }),
      };
    case 'matrix':
      return {
        resultType,
        warnings,
        series: readArray(result, path).map((item, index) => {
          const series = readObject(item, [...path, index]);
          const values = (series['values'] ?? []) as unknown;
          const histograms = (series['histograms'] ?? []) as unknown;
          const points = [
            ...readArray(values, [...path, index, 'values']).map((p, i) =>
              parsePoint(p, [...path, index, 'values', i]),
            ),
            ...readArray(histograms, [...path, index, 'histograms']).map((p, i) =>
              parseHistogramPoint(p, [...path, index, 'histograms', i]),
            ),
          ].sort((a, b) => a.timestamp - b.timestamp);
          return { metric: readStringMap(series['metric'], [...path, index, 'metric']), points };
        }),
      };
    case 'scalar':
      return { resultType, warnings, point: parsePoint(result, path) };
    case 'string': {
      const pair = readArray(result, path);
      return {
        resultType,
        warnings,
        timestamp: readNumber(pair[0], [...path, 0]),
        text: readString(pair[1], [...path, 1]),
      };
    }
    default: {
      const unreachable: never = resultType;
      return unreachable;
    }
  }
}
