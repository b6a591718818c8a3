import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  parseAlertmanagerAlert,
  parseAlertmanagerAlerts,
} from '../../../src/core/alerts/alertmanager-api.js';
import { readAlertQuickly } from '../../../src/core/alerts/alertmanager-fast-path.js';
import { readEach } from '../../../src/core/alerts/shape.js';
import { amAlert, haproxyLabels } from '../../helpers/api-fixtures.js';

const origin = { kind: 'alertmanager' as const, source: 'am-1' };

// What parseAlertmanagerAlerts gave before the quick reader: every item read the careful way.
function carefully(items: unknown[]) {
  const { values, problems } = readEach(items, [], (item, path) =>
    parseAlertmanagerAlert(item, path, origin),
  );
  return { alerts: values, problems };
}

// A JSON object written as text, so that a "__proto__" key is an ordinary key, as in a response.
const objectText = (entries: readonly (readonly [string, string])[]) =>
  `{${entries.map(([key, value]) => `${JSON.stringify(key)}:${value}`).join(',')}}`;

const hostileText = fc.constantFrom(
  'web1',
  '',
  '  critical ',
  'CRITICAL',
  '\u001b]0;owned\u0007',
  '\u001b[2J',
  '\u009b31m',
  'a\u202eb',
  'zero\u200bwidth',
  'émoji 👩‍💻',
  'http://runbooks.example/x',
  '\u0000',
);
const key = fc.constantFrom(
  'alertname',
  'severity',
  'instance',
  '__proto__',
  'constructor',
  '0',
  '10',
  'a b',
);
// A JSON value text: mostly strings, sometimes the wrong type.
const valueText = fc.oneof(
  { weight: 6, arbitrary: hostileText.map((s) => JSON.stringify(s)) },
  { weight: 1, arbitrary: fc.constantFrom('3', 'null', 'true', '[]', '{}', '["x"]', '{"a":"b"}') },
);
const mapText = fc.oneof(
  { weight: 6, arbitrary: fc.array(fc.tuple(key, valueText), { maxLength: 6 }).map(objectText) },
  { weight: 1, arbitrary: fc.constantFrom('null', '"labels"', '[]', '7') },
);
const timeText = fc.constantFrom(
  '"2024-05-01T10:00:00.000Z"',
  '"2024-05-01T10:00:00Z"',
  '"2024-05-01T10:00:00.5+02:00"',
  '"2024-02-30T10:00:00.000Z"',
  '"yesterday"',
  '""',
  'null',
  '12',
);
const listText = fc.constantFrom('[]', '["s1"]', '["s1","s2"]', 'null', '[1]', '"s1"', '{}');
const stateText = fc.constantFrom('"active"', '"suppressed"', '"unprocessed"', '"firing"', 'null', '1');
const field = (name: string, value: fc.Arbitrary<string>) =>
  fc.option(
    value.map((v) => [name, v] as const),
    { freq: 6, nil: undefined },
  );

// An item of a response: an alert with any field missing, wrong or hostile, or not an alert.
const itemText = fc.oneof(
  {
    weight: 8,
    arbitrary: fc
      .tuple(
        field(
          'fingerprint',
          fc.oneof(
            hostileText.map((s) => JSON.stringify(s)),
            fc.constant('5'),
          ),
        ),
        field('labels', mapText),
        field('annotations', mapText),
        field('startsAt', timeText),
        field('updatedAt', timeText),
        field('generatorURL', fc.oneof(valueText, fc.constant('null'))),
        field(
          'status',
          fc
            .tuple(field('state', stateText), field('silencedBy', listText), field('inhibitedBy', listText))
            .map((entries) => objectText(entries.filter((e) => e !== undefined))),
        ),
      )
      .map((entries) => objectText(entries.filter((e) => e !== undefined))),
  },
  { weight: 1, arbitrary: fc.constantFrom('null', '"alert"', '[]', '3', '{}') },
);

describe('the quick reader of Alertmanager alerts', () => {
  it('reads any response exactly as the careful reader does: the same alerts, order, keys and problems', () => {
    fc.assert(
      fc.property(fc.array(itemText, { maxLength: 8 }), (texts) => {
        const items = JSON.parse(`[${texts.join(',')}]`) as unknown[];
        const quick = parseAlertmanagerAlerts(items, origin);
        const careful = carefully(items);
        expect(quick).toEqual(careful);
        // Key order too: it is the order `sitrep alerts --json` prints labels in.
        expect(JSON.stringify(quick)).toBe(JSON.stringify(careful));
      }),
      { numRuns: 2000 },
    );
  });

  it('takes the common well-formed alert, and leaves a time to normalize to the careful reader', () => {
    const plain = JSON.parse(JSON.stringify(amAlert(haproxyLabels('web1')))) as unknown;
    expect(readAlertQuickly(plain, origin)).toEqual(parseAlertmanagerAlert(plain, [0], origin));
    const offset = JSON.parse(
      JSON.stringify(amAlert(haproxyLabels('web1'), { startsAt: '2024-05-01T10:00:00+02:00' })),
    ) as unknown;
    expect(readAlertQuickly(offset, origin)).toBeUndefined();
    expect(parseAlertmanagerAlerts([offset], origin).alerts[0]?.startsAt).toBe('2024-05-01T08:00:00.000Z');
  });

  it('leaves an object that JSON.parse did not make (another prototype) to the careful reader', () => {
    const labels = Object.assign(Object.create({ inherited: 'x' }) as object, haproxyLabels('web1'));
    const item = { ...amAlert(haproxyLabels('web1')), labels };
    expect(readAlertQuickly(item, origin)).toBeUndefined();
    expect(parseAlertmanagerAlerts([item], origin).alerts[0]?.labels).toEqual(haproxyLabels('web1'));
  });
});
