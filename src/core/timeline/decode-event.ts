// Turns one parsed journal line back into a typed event, checking every field. Objects are rebuilt
// key by key in a fixed order, so re-encoding a decoded event always gives the same bytes.
import type { Threshold } from '../probe/probe-spec.js';
import type { RunbookSource } from '../runbook/runbook.js';
import type {
  AlertRecord,
  ProbeResultRecord,
  ProbeVerdict,
  RangeSeriesRecord,
  SilenceMatcherRecord,
  StepRecord,
  TimelineEvent,
} from './events.js';
import { decodeAlertHistory } from './decode-history.js';
import {
  FieldError,
  bool,
  labelSet,
  list,
  num,
  objectAt,
  optStr,
  optional,
  sampleValue,
  str,
  time,
  type JsonObject,
} from './json-fields.js';

/** Reads a typed event from a parsed JSON value; throws a FieldError naming the bad field. */
export function decodeEvent(value: unknown): TimelineEvent {
  const o = objectAt(value, 'event');
  const type = str(o, 'type', 'event');
  const p = type;
  const at = time(o, 'at', p);
  switch (type) {
    case 'incident-opened':
      return {
        at,
        type,
        id: str(o, 'id', p),
        title: str(o, 'title', p),
        alertname: str(o, 'alertname', p),
        severity: str(o, 'severity', p),
        alerts: list(o, 'alerts', p, alertRecord),
        ...optional('summary', optStr(o, 'summary', p)),
      };
    case 'alert-firing':
      return {
        at,
        type,
        alert: alertRecord(o.alert, `${p}.alert`),
        ...optional('addedBy', optStr(o, 'addedBy', p)),
      };
    case 'alert-resolved':
      return {
        at,
        type,
        fingerprint: str(o, 'fingerprint', p),
        ...optional('lastSeenAt', optStr(o, 'lastSeenAt', p)),
      };
    case 'runbook-opened':
      return {
        at,
        type,
        source: runbookSource(o.source, `${p}.source`),
        textHash: str(o, 'textHash', p),
        title: str(o, 'title', p),
        ...optional('impact', optStr(o, 'impact', p)),
        steps: list(o, 'steps', p, stepRecord),
      };
    // The events a journal holds thousands of are built without spreading an optional field in:
    // the same keys in the same order, at a third of the cost.
    case 'step-done':
    case 'step-skipped':
    case 'step-reopened': {
      const stepId = str(o, 'stepId', p);
      const reason = optStr(o, 'reason', p);
      return reason === undefined ? { at, type, stepId } : { at, type, stepId, reason };
    }
    case 'note-added': {
      const text = str(o, 'text', p);
      const author = optStr(o, 'author', p);
      return author === undefined ? { at, type, text } : { at, type, text, author };
    }
    case 'probe-run':
      return {
        at,
        type,
        ...optional('stepId', optStr(o, 'stepId', p)),
        ...optional('alert', optStr(o, 'alert', p)),
        probes: list(o, 'probes', p, probeResult),
      };
    case 'silence-created':
      return {
        at,
        type,
        silenceId: str(o, 'silenceId', p),
        matchers: list(o, 'matchers', p, silenceMatcher),
        comment: str(o, 'comment', p),
        author: str(o, 'author', p),
        endsAt: time(o, 'endsAt', p),
        ...optional('alertmanager', optStr(o, 'alertmanager', p)),
      };
    case 'silence-expired':
      return {
        at,
        type,
        silenceId: str(o, 'silenceId', p),
        ...optional('alertmanager', optStr(o, 'alertmanager', p)),
      };
    case 'severity-changed':
    case 'summary-changed':
    case 'impact-changed':
      return { at, type, value: str(o, 'value', p) };
    case 'incident-resolved':
    case 'incident-closed':
      return { at, type };
    case 'alert-history':
      return decodeAlertHistory(o, at);
    default:
      throw new FieldError('event.type', 'a known event type');
  }
}

function alertRecord(value: unknown, path: string): AlertRecord {
  const o = objectAt(value, path);
  return {
    fingerprint: str(o, 'fingerprint', path),
    labels: labelSet(o, 'labels', path),
    startsAt: time(o, 'startsAt', path),
  };
}

function runbookSource(value: unknown, path: string): RunbookSource {
  const o = objectAt(value, path);
  const kind = str(o, 'kind', path);
  switch (kind) {
    case 'file':
      return { kind, path: str(o, 'path', path) };
    case 'url':
      return { kind, url: str(o, 'url', path), cached: bool(o, 'cached', path) };
    case 'builtin':
      return { kind };
    default:
      throw new FieldError(`${path}.kind`, '"file", "url" or "builtin"');
  }
}

function stepRecord(value: unknown, path: string): StepRecord {
  const o = objectAt(value, path);
  const section = str(o, 'section', path);
  if (section !== 'diagnosis' && section !== 'mitigation') {
    throw new FieldError(`${path}.section`, '"diagnosis" or "mitigation"');
  }
  return {
    id: str(o, 'id', path),
    section,
    ...optional('group', optStr(o, 'group', path)),
    text: str(o, 'text', path),
  };
}

const verdicts: readonly ProbeVerdict[] = ['ok', 'warn', 'critical', 'no-data', 'unjudged', 'error'];
const thresholdOps: readonly Threshold['op'][] = ['>', '>=', '<', '<=', '==', '!='];

function probeResult(value: unknown, path: string): ProbeResultRecord {
  const o = objectAt(value, path);
  const verdict = verdicts.find((v) => v === o.verdict);
  if (verdict === undefined) throw new FieldError(`${path}.verdict`, verdicts.join(', '));
  if (o.role !== undefined && o.role !== 'alert-rule') throw new FieldError(`${path}.role`, '"alert-rule"');
  return {
    title: str(o, 'title', path),
    query: str(o, 'query', path),
    ranAt: time(o, 'ranAt', path),
    verdict,
    ...optional('error', optStr(o, 'error', path)),
    ...optional('unit', optStr(o, 'unit', path)),
    ...optional('warn', o.warn === undefined ? undefined : threshold(o.warn, `${path}.warn`)),
    ...optional('crit', o.crit === undefined ? undefined : threshold(o.crit, `${path}.crit`)),
    series: list(o, 'series', path, (s, sp) => {
      const so = objectAt(s, sp);
      return { labels: labelSet(so, 'labels', sp), value: sampleValue(so.value, `${sp}.value`) };
    }),
    ...optional('range', o.range === undefined ? undefined : range(o.range, `${path}.range`)),
    ...optional('role', o.role === 'alert-rule' ? ('alert-rule' as const) : undefined),
  };
}

function threshold(value: unknown, path: string): Threshold {
  const o = objectAt(value, path);
  const op = thresholdOps.find((candidate) => candidate === o.op);
  if (op === undefined) throw new FieldError(`${path}.op`, thresholdOps.join(' '));
  return { op, value: sampleValue(o.value, `${path}.value`) };
}

function range(value: unknown, path: string): ProbeResultRecord['range'] {
  const o = objectAt(value, path);
  return { stepSeconds: num(o, 'stepSeconds', path), series: list(o, 'series', path, rangeSeries) };
}

function rangeSeries(value: unknown, path: string): RangeSeriesRecord {
  const o: JsonObject = objectAt(value, path);
  return {
    labels: labelSet(o, 'labels', path),
    points: list(o, 'points', path, (point, pp) => {
      if (!Array.isArray(point) || point.length !== 2) throw new FieldError(pp, '[time, value]');
      const [t, v] = point as unknown[];
      if (typeof t !== 'number' || !Number.isFinite(t)) throw new FieldError(`${pp}[0]`, 'unix seconds');
      return [t, sampleValue(v, `${pp}[1]`)] as const;
    }),
  };
}

function silenceMatcher(value: unknown, path: string): SilenceMatcherRecord {
  const o = objectAt(value, path);
  return {
    name: str(o, 'name', path),
    value: str(o, 'value', path),
    isRegex: bool(o, 'isRegex', path),
    isEqual: bool(o, 'isEqual', path),
  };
}
