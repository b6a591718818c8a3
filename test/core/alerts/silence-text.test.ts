import { describe, expect, it } from 'vitest';
import { MatcherError } from '../../../src/core/alerts/matchers.js';
import { identifyingMatchers, volatileLabels } from '../../../src/core/alerts/silence-matchers.js';
import {
  escapeLabelValue,
  formatSilenceMatchers,
  parseSilenceMatchers,
} from '../../../src/core/alerts/silence-text.js';

describe('silence matchers the engineer sees', () => {
  it('escapes every character a terminal would act on, and parses the text back to the raw value', () => {
    const raw = 'a"b\\c\u001b[2J\u0007\u009b\u202e\u200f\u061c\u200b\nend';
    const text = escapeLabelValue(raw);
    expect(text).toBe('a\\"b\\\\c\\x1b[2J\\x07\\x9b\\u{202e}\\u{200f}\\u{61c}\\u{200b}\\nend');
    // eslint-disable-next-line no-control-regex
    expect(text).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u202a-\u202e]/);
    const line = formatSilenceMatchers([{ name: 'instance', op: '=', value: raw }]);
    expect(line).toBe(`instance="${text}"`);
    expect(parseSilenceMatchers(line)).toEqual([{ name: 'instance', op: '=', value: raw }]);
  });

  it('defaults to the alert’s identifying labels: every label but the ones templated from the value', () => {
    const alert = { labels: { alertname: 'X', server: 'web1', severity: 'critical', value: '152' } };
    const volatile = volatileLabels({ severity: 'critical', value: '{{ $value }}', other: '{{ .Value }}' });
    expect(volatile).toEqual(['other', 'value']);
    expect(identifyingMatchers([alert], volatile)).toEqual([
      { name: 'alertname', op: '=', value: 'X' },
      { name: 'server', op: '=', value: 'web1' },
      { name: 'severity', op: '=', value: 'critical' },
    ]);
  });

  it('keeps two alerts of one incident apart with an anchored alternative, never widening to the group', () => {
    const matchers = identifyingMatchers([
      { labels: { alertname: 'X', server: 'web1.a' } },
      { labels: { alertname: 'X', server: 'web2' } },
    ]);
    expect(matchers).toEqual([
      { name: 'alertname', op: '=', value: 'X' },
      { name: 'server', op: '=~', value: 'web1\\.a|web2' },
    ]);
  });

  it('refuses an edited line that would match every alert, or does not parse, in words', () => {
    expect(() => parseSilenceMatchers('server=~".*"')).toThrow(/match every alert/);
    expect(() => parseSilenceMatchers('server="web1')).toThrow(MatcherError);
  });
});
