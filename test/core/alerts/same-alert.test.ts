// Two copies of an alert are the same when every field says the same, whatever their labels' order.
import { describe, expect, it } from 'vitest';
import { parseAlertmanagerAlerts } from '../../../src/core/alerts/alertmanager-api.js';
import type { Alert } from '../../../src/core/alerts/alert.js';
import { sameAlert } from '../../../src/core/alerts/same-alert.js';
import { amAlert, haproxyLabels } from '../../helpers/api-fixtures.js';

const origin = { kind: 'alertmanager', source: 'am' } as const;
/** Freshly parsed alerts, as each refresh makes them: equal content, new objects. */
const parsed = (...servers: string[]): readonly Alert[] =>
  parseAlertmanagerAlerts(
    servers.map((s) => amAlert(haproxyLabels(s))),
    origin,
  ).alerts;

describe('sameAlert', () => {
  it('tell copies apart by any field, and not by label order', () => {
    const [a] = parsed('web1') as [Alert];
    expect(sameAlert(a, { ...a, labels: Object.fromEntries(Object.entries(a.labels).reverse()) })).toBe(true);
    expect(sameAlert(a, { ...a, annotations: { ...a.annotations, summary: 'other' } })).toBe(false);
    expect(sameAlert(a, { ...a, origins: [...a.origins, { kind: 'prometheus', source: 'p' }] })).toBe(false);
    expect(sameAlert(a, { ...a, silencedBy: ['x'] })).toBe(false);
  });

  it('tell copies apart by each field of an alert, one at a time (a field left out of the check fails here)', () => {
    const [a] = parsed('web1') as [Alert];
    const changed = (value: unknown): unknown =>
      typeof value === 'string'
        ? `${value}-other`
        : Array.isArray(value)
          ? [...(value as unknown[]), value.length === 0 ? 'x' : value[0]]
          : typeof value === 'object' && value !== null
            ? { ...value, other: 'x' }
            : 'other';
    for (const field of Object.keys(a) as (keyof Alert)[]) {
      expect(sameAlert(a, { ...a, [field]: changed(a[field]) }), field).toBe(false);
    }
  });
});
