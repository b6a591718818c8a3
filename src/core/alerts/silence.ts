// Alertmanager silences: reading `GET /api/v2/silences` and writing the body of
// `POST /api/v2/silences`. Matchers use the same model as `--filter`.
import type { Matcher, MatchOp } from './matchers.js';
import {
  readArray,
  readEnum,
  readObject,
  readOptionalBoolean,
  readString,
  readTime,
  type ShapePath,
} from './shape.js';

/** A silence as Alertmanager reports it. */
export interface Silence {
  readonly id: string;
  readonly matchers: readonly Matcher[];
  readonly startsAt: string;
  readonly endsAt: string;
  readonly updatedAt: string;
  readonly createdBy: string;
  readonly comment: string;
  readonly state: 'active' | 'pending' | 'expired';
}

/** A silence to create (or, with `id`, to replace). Times are ISO 8601. */
export interface NewSilence {
  readonly matchers: readonly Matcher[];
  readonly startsAt: string;
  readonly endsAt: string;
  readonly createdBy: string;
  readonly comment: string;
  readonly id?: string;
}

/** Reads one `gettableSilence` (also the body of `GET /api/v2/silence/{id}`). Throws ShapeError. */
export function parseSilence(json: unknown, path: ShapePath = []): Silence {
  const object = readObject(json, path);
  const status = readObject(object['status'], [...path, 'status']);
  return {
    id: readString(object['id'], [...path, 'id']),
    matchers: readArray(object['matchers'], [...path, 'matchers']).map((m, index) =>
      parseApiMatcher(m, [...path, 'matchers', index]),
    ),
    startsAt: readTime(object['startsAt'], [...path, 'startsAt']),
    endsAt: readTime(object['endsAt'], [...path, 'endsAt']),
    updatedAt: readTime(object['updatedAt'], [...path, 'updatedAt']),
    createdBy: readString(object['createdBy'], [...path, 'createdBy']),
    comment: readString(object['comment'], [...path, 'comment']),
    state: readEnum(status['state'], ['active', 'pending', 'expired'], [...path, 'status', 'state']),
  };
}

function parseApiMatcher(json: unknown, path: ShapePath): Matcher {
  const object = readObject(json, path);
  const isRegex = readOptionalBoolean(object['isRegex'], [...path, 'isRegex']) ?? false;
  // isEqual arrived in Alertmanager 0.22; older servers only had equality.
  const isEqual = readOptionalBoolean(object['isEqual'], [...path, 'isEqual']) ?? true;
  const op: MatchOp = isRegex ? (isEqual ? '=~' : '!~') : isEqual ? '=' : '!=';
  return {
    name: readString(object['name'], [...path, 'name']),
    op,
    value: readString(object['value'], [...path, 'value']),
  };
}

/** The JSON body for `POST /api/v2/silences`. */
export function silenceRequestBody(silence: NewSilence): Record<string, unknown> {
  return {
    ...(silence.id === undefined ? {} : { id: silence.id }),
    matchers: silence.matchers.map((m) => ({
      name: m.name,
      value: m.value,
      isRegex: m.op === '=~' || m.op === '!~',
      isEqual: m.op === '=' || m.op === '=~',
    })),
    startsAt: silence.startsAt,
    endsAt: silence.endsAt,
    createdBy: silence.createdBy,
    comment: silence.comment,
  };
}

/** Reads the `{"silenceID": "…"}` answer to a POST. Throws ShapeError. */
export function parseSilenceId(json: unknown): string {
  return readString(readObject(json, [])['silenceID'], ['silenceID']);
}
