// Integration, against the real Prometheus of the shared stack (read-only queries): for any label
// value, the filled query parses in Prometheus itself and its matcher matches exactly that value.
// - `=`: absent(m{v="<value>"}) returns a series whose label v is what Prometheus decoded.
// - `=~`: label_replace's regex argument is anchored and compiled exactly like a `=~` matcher, so
//   label_replace(absent(m{v="<value>"}), "m", "yes", "v", "<regex>") sets m only when the regex
//   matches the whole value; a neighbour value (the value plus "x") must not match.
// - a real `=~` matcher on a selector must run without a Prometheus error too.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fillProbeQuery } from '../../src/core/promql/fill.js';
import { querySharedPrometheus as query } from '../helpers/prometheus-query.js';
import { labelValue } from '../core/promql/arbitraries.js';

function fill(template: string, labels: Record<string, string>): string {
  const result = fillProbeQuery(template, labels);
  if (!result.ok) throw new Error(result.message);
  return result.query;
}

async function result(template: string, labels: Record<string, string>) {
  const answer = await query(fill(template, labels));
  expect(answer.error).toBeUndefined();
  expect(answer.status).toBe('success');
  return answer.data?.result ?? [];
}

describe.skipIf(process.env.SITREP_TEST_NO_STACK === '1')(
  'label values filled into PromQL, checked by the real Prometheus',
  () => {
    it('decode to exactly the value after = in every quote style', async () => {
      await fc.assert(
        fc.asyncProperty(labelValue, fc.constantFrom('"', "'", '`'), async (v, quote) => {
          const series = await result(
            `absent(sitrep_property_no_such_metric{v=${quote}{{ $labels.v }}${quote}})`,
            { v },
          );
          // An empty value makes no label at all.
          expect(series[0]?.metric['v'] ?? '').toBe(v);
        }),
        { numRuns: 100 },
      );
    });

    it('match exactly the value after =~ (and not the value with one more character)', async () => {
      const template =
        'label_replace(absent(sitrep_property_no_such_metric{v="{{ $labels.subject }}"}), "m", "yes", "v", "{{ $labels.v }}")';
      await fc.assert(
        fc.asyncProperty(labelValue, async (v) => {
          const same = await result(template, { v, subject: v });
          expect(same[0]?.metric['m']).toBe('yes');
          const longer = await result(template, { v, subject: `${v}x` });
          expect(longer[0]?.metric['m']).toBeUndefined();
          await result('count(up{job=~"{{ $labels.v }}"}) or vector(0)', { v });
        }),
        { numRuns: 100 },
      );
    });
  },
);
