import { describe, expect, it } from 'vitest';
import { formatLabels } from '../../../src/core/format/labels.js';
import { cutText } from '../../../src/core/sanitize.js';

describe('formatLabels', () => {
  it('writes the metric name bare and the labels sorted, quoted as JSON', () => {
    expect(formatLabels({ server: 'a', __name__: 'up', job: 'j' })).toBe('up{job="j", server="a"}');
    expect(formatLabels({ backend: 'a"b', server: 'web1' })).toBe('{backend="a\\"b", server="web1"}');
    expect(formatLabels({})).toBe('{}');
    expect(formatLabels({ __name__: 'up' })).toBe('up');
  });

  it('leaves out the labels asked for', () => {
    expect(formatLabels({ alertname: 'X', server: 'web1' }, { omit: ['alertname'] })).toBe('{server="web1"}');
  });

  it('strips what a terminal would act on and cuts a long value', () => {
    expect(formatLabels({ s: 'a\u009b2Jb\u202e\u200bc' })).toBe('{s="abc"}');
    // ESC and the C1 controls alike: the whole sequence goes, as the sanitizer does everywhere, never
    // a JSON `\u001b` left in front of the sequence's visible rest (`[31m`).
    expect(
      formatLabels({ a: 'Evil\u001b[31mRed\u001b[0m', b: 'p\u0085q\u0090x\u009cy', c: 'bell\u0007\u007f' }),
    ).toBe('{a="EvilRed", b="pqy", c="bell"}');
    // Newlines and tabs are not controls a terminal acts on: they stay visibly escaped, as before.
    expect(formatLabels({ zone: 'eu\nwest\t1' })).toBe('{zone="eu\\nwest\\t1"}');
    const long = cutText(formatLabels({ s: 'x'.repeat(10_000) }), 40);
    expect([...long]).toHaveLength(40);
    expect(long.endsWith('…')).toBe(true);
  });
});
